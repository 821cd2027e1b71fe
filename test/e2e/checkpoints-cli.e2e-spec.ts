/**
 * `npm run cli -- verify --checkpoints <file>`: the checkpoints an outsider saved from
 * GET /public/checkpoints, verified against the database without the HTTP service; exit code 0
 * while the record holds what they covered, 1 naming the decision once an insider rewrote it, 1
 * with the reason for a file whose checkpoint was tampered with.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/run-cli';
import { loadConfig } from '../../src/config/app-config';
import { rewriteRow, type KeptCheckpoint } from '../support/checkpoints-suite';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict } from '../support/district';
import { asInsider } from '../support/insider';
import { createTestApp, type TestApp } from '../support/test-app';

describe('verify --checkpoints on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoints-cli-'));
  const dbPath = join(dir, 'decisions.sqlite');
  const file = join(dir, 'kept.json');
  let t: TestApp;

  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, loadConfig({ DB_PATH: dbPath, DEADLINE_SCAN_INTERVAL_MINUTES: '0' }), new CliIo((s) => (out += s), (s) => (err += s), 0));
    return { code, out, err };
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { DB_PATH: dbPath } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 while the record holds, 1 naming the rewritten decision and seq, 1 for a tampered file', async () => {
    const d = await createDistrict(t);
    const f = decisionFixture(t, d);
    const id = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.auditor)).expect(201);
    await f.advance(id, ['RECORD_DRAFT']);
    await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.auditor)).expect(201);
    const kept = (await t.http.get('/public/checkpoints').expect(200)).body as KeptCheckpoint[];
    writeFileSync(file, JSON.stringify(kept));

    const whole = await cli('verify', '--checkpoints', file);
    expect(whole).toEqual({ code: 0, out: '检查点所覆盖的记录全部如初：2 个检查点，覆盖 1 件决策事项，重算 4 条记录\n', err: '' });

    await asInsider(t, (tx) => rewriteRow(tx, id, 4, (p) => ({ ...p, summary: '改写后的草案说明' })));
    expect((await cli('verify')).code).toBe(0);
    const changed = await cli('verify', '--checkpoints', file);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(`${id} 自第 2 号检查点起不符，第 4 条（第 3 条及以前如初）：`);

    writeFileSync(file, JSON.stringify({ checkpoints: [kept[0], { ...kept[1], events: kept[1].events + 1 }] }));
    const forged = await cli('verify', '--checkpoints', file);
    expect(forged.code).toBe(1);
    expect(forged.err).toContain('第 2 个检查点（序号 2）的签名不成立');
  });
});
