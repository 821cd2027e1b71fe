/**
 * The README's walkthrough ("Using it: a walkthrough per role") is run as it is written: its
 * shell blocks, in order, through bash, against a real server on a fresh SQLite file, with the
 * first administrator's password the README starts the service with. Only two lines are not run
 * as written: the start of the service (`npm start`), which the test does itself, and the address
 * `API=http://localhost:3000`, which becomes the test server's. Every request but the refused one
 * is sent with `curl --fail-with-body` under `set -e`, so any answer of 4xx or 5xx stops the run;
 * the refused one must answer 422 with LEGALITY_REVIEW_REQUIRED. At the end the decision is
 * published and archived, and its record verifies.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

const README = join(__dirname, '..', '..', 'README.md');
const SECTION = '## Using it: a walkthrough per role';
const START = /^ADMIN_PASSWORD='([^']+)' npm start\b.*$/m;
const API_LINE = /^API=http:\/\/localhost:3000$/m;

/** The shell blocks of the walkthrough section, in order. */
export function walkthroughBlocks(readme: string): string[] {
  const from = readme.indexOf(`\n${SECTION}\n`);
  if (from < 0) throw new Error(`README.md has no section "${SECTION}"`);
  const rest = readme.slice(from + SECTION.length + 2);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

function runBash(file: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [file], { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('README walkthrough, run as written', () => {
  const blocks = walkthroughBlocks(readFileSync(README, 'utf8'));
  const adminPassword = START.exec(blocks[0] ?? '')?.[1];
  let t: TestApp;

  beforeAll(async () => {
    if (!adminPassword) throw new Error('the walkthrough does not start with ADMIN_PASSWORD=... npm start');
    // As a fresh `npm start`: new decisions on the default version of the procedure (2).
    t = await createTestApp({ env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: adminPassword, MAJOR_DECISION_DEFAULT_VERSION: '2' } });
  });
  afterAll(() => t?.close());

  it('sends every request but the refused one with curl --fail-with-body', () => {
    const commands = blocks.join('\n').split(/(?=\bcurl )/).filter((c) => c.startsWith('curl '));
    expect(commands.length).toBeGreaterThan(25);
    const unchecked = commands.filter((c) => !c.startsWith('curl -sS --fail-with-body '));
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]).toContain('"type": "RECORD_DISCUSSION"');
  });

  it('takes one decision from an empty database to published and archived', async () => {
    expect(blocks[0]).toMatch(API_LINE);
    const address = t.app.getHttpServer().address() as { port: number };
    const first = blocks[0].replace(START, '').replace(API_LINE, `API=http://127.0.0.1:${address.port}`);
    const script = [
      'set -euo pipefail',
      `trap 'echo "the walkthrough failed at line $LINENO: $BASH_COMMAND" >&2' ERR`,
      ...[first, ...blocks.slice(1)].map((b, i) => `echo '--- block ${i + 1}'\n${b}`),
    ].join('\n');
    const file = join(t.dir, 'walkthrough.sh');
    writeFileSync(file, script);
    const run = await runBash(file, t.dir);
    if (run.code !== 0) throw new Error(`bash exited ${run.code}\n${run.stderr}\n--- stdout\n${run.stdout}`);

    // The refused step: 422, with the code and every required step missing.
    expect(run.stdout).toContain('422 LEGALITY_REVIEW_REQUIRED draft,publicParticipation,riskAssessment,legalityReview');
    // The archive's answer: published, in force, archived.
    expect(run.stdout).toContain('{"published":{"implementation":"in_force","archive":"archived"}}');

    const rows = await t.tx.read((q) => q.query<{ stage: string; complete: number | boolean; snapshot: string; definition_version: number }>('SELECT stage, complete, snapshot, definition_version FROM decision'));
    expect(rows).toHaveLength(1);
    expect(rows[0].stage).toBe('published');
    expect(Number(rows[0].definition_version)).toBe(2);
    expect(Boolean(rows[0].complete)).toBe(true);
    expect((JSON.parse(rows[0].snapshot) as { value: unknown }).value).toEqual({ published: { implementation: 'in_force', archive: 'archived' } });
    expect(await t.countRows('violation_attempt')).toBe(1);
  }, 120_000);
});
