/**
 * Durability (README, "The engine"): the built service is killed with SIGKILL in the middle of a load of procedure
 * steps (several in flight, committed in groups), then started again on the same SQLite file.
 * Every step answered 200 is in the record, no decision's state is ahead of or behind its record,
 * and the hash chain verifies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openDatabase } from '../../src/database/data-source';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { itemA, publishedCatalogWith } from '../support/catalog-fixture';
import { createDistrict, type District } from '../support/district';
import { TEST_ADMIN, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
/** Its own output folder, so that the test never races `npm start` or the benchmarks over dist/. */
const OUT = join(ROOT, 'dist-test');
const STEPS = [
  { type: 'RECORD_PUBLIC_PARTICIPATION', payload: { method: 'forum', heldOn: '2026-03-10', summary: '座谈会', adoptionSummary: '采纳三条' } },
  { type: 'RECORD_RISK_ASSESSMENT', payload: { assessedOn: '2026-03-10', riskLevel: 'low', controllable: true, riskPoints: ['价格'], measures: ['分步'], contingencyPlan: '预案' } },
];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });

describe('SIGKILL during a load of steps, then a restart (R1)', () => {
  let dir: string;
  let dbPath: string;
  let server: ChildProcess | undefined;

  const start = async (): Promise<TestApp> => {
    const port = await freePort();
    server = spawn(process.execPath, [join(OUT, 'src', 'main.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        DB_PATH: dbPath,
        DB_SYNCHRONOUS: 'FULL',
        JWT_SECRET: 'crash-recovery-test-secret-0123456789abcdef',
        ADMIN_USERNAME: TEST_ADMIN.username,
        ADMIN_PASSWORD: TEST_ADMIN.password,
        BCRYPT_COST: '4',
        CONFIG_DIR: join(ROOT, 'config'),
        DEADLINE_SCAN_INTERVAL_MINUTES: '0',
      },
      stdio: 'ignore',
    });
    const http = request(`http://127.0.0.1:${port}`);
    for (let i = 0; ; i++) {
      const up = await http.get('/health').then((r) => r.status === 200, () => false);
      if (up) break;
      if (i > 200) throw new Error('the service did not become healthy');
      await new Promise((r) => setTimeout(r, 50));
    }
    const login = async (username: string, password: string): Promise<string> =>
      ((await http.post('/auth/login').send({ username, password }).expect(200)).body as { accessToken: string }).accessToken;
    return { http, login, adminToken: () => login(TEST_ADMIN.username, TEST_ADMIN.password), bearer: (token: string) => ({ Authorization: `Bearer ${token}` }) } as TestApp;
  };

  beforeAll(() => {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed: ${built.stdout}${built.stderr}`);
    dir = mkdtempSync(join(tmpdir(), 'decisions-r1-'));
    dbPath = join(dir, 'decisions.sqlite');
  }, 120_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged step, and no state without its record row', async () => {
    let t = await start();
    const d: District = await createDistrict(t);
    const { decisionIds } = await publishedCatalogWith(t, d, Array.from({ length: 8 }, (_, i) => itemA(d, { title: `供热价格调整方案 ${i + 1}` })));
    for (const id of decisionIds) {
      await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.office)).send({ type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } }).expect(200);
    }

    // 10 loops send steps until the service dies; each 200 is remembered with the version it reported.
    const acknowledged: Array<{ id: string; version: number; type: string }> = [];
    let n = 0;
    const loop = async () => {
      for (;;) {
        const id = decisionIds[n % decisionIds.length];
        const step = STEPS[n++ % STEPS.length];
        const res = await t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send(step).then((r) => r, () => undefined);
        if (!res) return; // the connection died with the service
        if (res.status !== 200) throw new Error(`unexpected ${res.status} ${res.text}`);
        acknowledged.push({ id, version: (res.body as { version: number }).version, type: step.type });
      }
    };
    const loops = Array.from({ length: 10 }, loop);
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    server!.kill('SIGKILL');
    await Promise.all(loops);
    await new Promise((r) => server!.once('exit', r));
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    // The restarted service answers for every acknowledged step.
    t = await start();
    for (const id of decisionIds) {
      const history = (await t.http.get(`/decisions/${id}/history`).query({ pageSize: 500 }).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<{ seq: number; type: string }>;
      const detail = (await t.http.get(`/decisions/${id}`).set(t.bearer(d.tokens.auditor)).expect(200)).body as { version: number };
      // One record row per version: the state is neither ahead of its record nor behind it.
      expect(history.map((r) => r.seq)).toEqual(Array.from({ length: detail.version }, (_, i) => i + 1));
      for (const ack of acknowledged.filter((a) => a.id === id)) expect(history[ack.version - 1].type).toBe(ack.type);
    }
    server!.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    const ds = await openDatabase({ type: 'better-sqlite3', path: dbPath, synchronous: 'FULL' });
    try {
      const runner = TransactionRunner.for(ds);
      const verified = await new ChainVerifier(runner).verifyAll();
      expect(verified).toMatchObject({ ok: true, broken: [] });
      const [{ behind }] = await runner.read((tx) =>
        tx.query<{ behind: number }>('SELECT COUNT(*) AS behind FROM decision d WHERE d.last_seq <> (SELECT MAX(seq) FROM procedure_record r WHERE r.decision_id = d.id)'),
      );
      expect(Number(behind)).toBe(0);
      await runner.close();
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
