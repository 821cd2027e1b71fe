/**
 * `npm run docs`: writes the procedure manual of every registered definition version, and their
 * index, to `docs/` (`manual.ts`), with the deadline numbers of `config/deadlines.json`. Run from
 * the repository's root; `manual.spec.ts` fails while a checked-in manual differs from what this
 * writes now.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeadlineRules, type DeadlineRules } from '../config/deadline-rules';
import { DefinitionRegistry, serviceRegistry } from '../engine/definition-registry';
import { manualFileName, renderManual, renderManualIndex } from './manual';

export const DOCS_DIR = 'docs';

/** Each file of `docs/` the generator writes, by name, with its text. */
export function manualFiles(registry: DefinitionRegistry, deadlineRules: DeadlineRules): Map<string, string> {
  const definitions = registry.all();
  const files = new Map<string, string>();
  for (const def of definitions) files.set(manualFileName(def), renderManual(def, deadlineRules));
  files.set('README.md', renderManualIndex(definitions));
  return files;
}

function main(root: string): void {
  const files = manualFiles(serviceRegistry(), loadDeadlineRules(join(root, 'config')));
  mkdirSync(join(root, DOCS_DIR), { recursive: true });
  for (const [name, text] of files) {
    writeFileSync(join(root, DOCS_DIR, name), text);
    console.log(`${DOCS_DIR}/${name}`);
  }
}

if (require.main === module) main(process.cwd());
