/**
 * The manuals checked in under docs/ are what `npm run docs` writes now: a change of a definition
 * (an event, a field, a description, a rule, a deadline) without regenerating them fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeadlineRules } from '../config/deadline-rules';
import { serviceRegistry } from '../engine/definition-registry';
import { renderManual } from './manual';
import { DOCS_DIR, manualFiles } from './write-manuals';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import type { ProcedureDefinition } from '../../workflows/definition';

const ROOT = join(__dirname, '..', '..');

describe('the procedure manuals in docs/', () => {
  const files = manualFiles(serviceRegistry(), loadDeadlineRules(join(ROOT, 'config')));

  it.each([...files.keys()])('docs/%s is what npm run docs writes now', (name) => {
    const checkedIn = readFileSync(join(ROOT, DOCS_DIR, name), 'utf8');
    if (checkedIn !== files.get(name)) throw new Error(`docs/${name} is stale: run npm run docs and commit it`);
  });

  it('holds no manual of a definition that is not registered', () => {
    const manuals = readdirSync(join(ROOT, DOCS_DIR)).filter((f) => /-v\d+\.md$/.test(f));
    expect(manuals.filter((f) => !files.has(f))).toEqual([]);
  });

  it('describes each event with its fields, sender, rules, articles and example, and the deadlines with the configured numbers', () => {
    const text = files.get('major-decision-v1.md') as string;
    expect(text).toContain('### SUBMIT_LEGALITY_REVIEW');
    expect(text).toMatch(/\| `materials\.draftVersion` \| string \| 否 \| .+ \|/);
    expect(text).toMatch(/\| `REVIEW_TIME_TOO_SHORT` \| .+ \| .+ \| 《重大行政决策程序暂行条例》第二十六条 \|/);
    expect(text).toContain('```mermaid\nstateDiagram-v2');
    const rules = { ...loadDeadlineRules(join(ROOT, 'config')), archiveWithinDays: 45 };
    const other = renderManual(majorDecisionV1Definition as ProcedureDefinition, rules);
    expect(other).toMatch(/之后 45日（自然日） \| `archiveWithinDays`：45 \|/);
    expect(text).not.toEqual(other);
  });
});
