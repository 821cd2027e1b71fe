/**
 * The console's client is generated from the service's OpenAPI document: this fails while the
 * checked-in `web/openapi.json` differs from what the service describes now, or the checked-in
 * client (`web/src/api/generated`) from what the generator makes of it. `npm run web:api` mends both;
 * the console's type check then shows where the console must follow the API.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { currentOpenApiText, OPENAPI_FILE } from './write-openapi';

const GENERATED = join('web', 'src', 'api', 'generated');

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('the console\'s API client', () => {
  it('is generated from the OpenAPI document the service serves now (npm run web:api)', async () => {
    const checkedIn = readFileSync(OPENAPI_FILE, 'utf8');
    expect(checkedIn === (await currentOpenApiText()) ? 'up to date' : 'web/openapi.json is stale: run npm run web:api').toBe('up to date');
  }, 30_000);

  it('is what the generator makes of that document', () => {
    const out = mkdtempSync(join(tmpdir(), 'client-'));
    try {
      execFileSync(process.execPath, [join('node_modules', '@hey-api', 'openapi-ts', 'bin', 'run.js'), '-i', `./${OPENAPI_FILE}`, '-o', out, '-p', '@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'], { stdio: 'ignore' });
      const fresh = files(out);
      const kept = files(GENERATED);
      expect([...kept.keys()].sort()).toEqual([...fresh.keys()].sort());
      const stale = [...fresh].filter(([name, text]) => kept.get(name) !== text).map(([name]) => name);
      expect(stale).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);
});
