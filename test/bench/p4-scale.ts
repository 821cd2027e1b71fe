/**
 * P4 and P5: the service on a large database — 100,000 decisions and about 1,000,000 record rows,
 * inserted in bulk by seed-large.ts — served by the built service in a child process, as P2.
 *
 * - P4: p95 latency of the auditor's lists (`/audit/incomplete`, `/audit/violations`) and of
 *   `/decisions?stage=`, each against its 50 ms limit; the time to verify every chain (10 s).
 * - P5: the built service's start to healthy on that database (3 s), and its resident memory while
 *   it serves P2's load of steps (200 MB).
 *
 * On SQLite and on PostgreSQL (the same rows; ids of the PostgreSQL figures end in `-pg`).
 * `P4_DECISIONS` sets the size (default 100,000). Latencies are limits, not ratios to a ceiling:
 * ratio = measured ÷ limit, so ≤ 1 meets the target.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median, removeDb, round, tmpDbPath, type Bench, type BenchFigure, type BenchOptions } from './harness';
import { ADMIN_PASSWORD, Client, load, REPEATABLE, startServer, USER_PASSWORD } from './p2-http';
import { seedLarge, type SeedResult } from './seed-large';
import { copyToPostgres, dropBenchDatabase } from './seed-large-pg';

const DECISIONS = Number(process.env.P4_DECISIONS ?? 100_000);
const VIOLATIONS = Math.round(DECISIONS / 2);
const SAMPLES = 200;
const LATENCY_LIMIT_MS = 50;
const PG_DATABASE = 'p4_bench';

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

async function latencies(c: Client, token: string, url: (i: number) => string): Promise<{ p95: number; status: number; error?: string }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const r = await c.request('GET', url(i), undefined, token);
    times.push(performance.now() - t0);
    if (r.status !== 200) return { p95: NaN, status: r.status, error: `${url(i)}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}` };
  }
  return { p95: p95(times), status: 200 };
}

const latencyFigure = (id: string, route: string, r: { p95: number; error?: string }): BenchFigure => ({
  id,
  ours: r.error ? null : round(r.p95),
  reference: LATENCY_LIMIT_MS,
  ratio: r.error ? null : round(r.p95 / LATENCY_LIMIT_MS),
  unit: 'ms (p95)',
  target: `<= 1 (p95 <= ${LATENCY_LIMIT_MS} ms)`,
  route,
  decisions: DECISIONS,
  ...(r.error ? { error: r.error } : {}),
});

type Database = { name: 'sqlite' | 'postgres'; suffix: string; env: Record<string, string> };

/** P4's four figures, and P5's, on one database holding the seeded data. */
async function measure(db: Database, dbPath: string, seeded: SeedResult, opts: BenchOptions): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const tag = (f: BenchFigure): BenchFigure => ({ ...f, id: f.id + db.suffix, database: db.name });
  const server = () => startServer('FULL', dbPath, db.env);

  // P5: start of the built service on the big database (migrations already applied), to healthy.
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const { child } = await server();
    starts.push(performance.now() - t0);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const start = median(starts);
  opts.log(`P5 (${db.name}) start to healthy: ${starts.map((s) => s.toFixed(0)).join(', ')} ms`);

  let ids: string[] = [];
  const { child, port } = await server();
  const c = new Client(port);
  try {
    const login = async (username: string, password: string) => (await c.expect(200, 'POST', '/auth/login', { username, password })).accessToken as string;
    const admin = await login('admin', ADMIN_PASSWORD);
    await c.expect(201, 'POST', '/users', { username: 'yfzqb', password: USER_PASSWORD, displayName: '依法治区办', orgUnitId: seeded.governmentId, roles: ['auditor'] }, admin);
    const unit = seeded.organIds[1];
    await c.expect(201, 'POST', '/users', { username: 'dept1', password: USER_PASSWORD, displayName: '区第1局', orgUnitId: unit, roles: ['department'] }, admin);
    const auditor = await login('yfzqb', USER_PASSWORD);
    const department = await login('dept1', USER_PASSWORD);
    const page = (i: number) => 1 + ((i * 37) % 40);

    const incomplete = await latencies(c, auditor, (i) => `/audit/incomplete?year=2026&page=${page(i)}&pageSize=50`);
    figures.push(tag(latencyFigure('P4-incomplete', 'GET /audit/incomplete?year=2026', incomplete)));
    const overdue = await latencies(c, auditor, (i) => `/audit/incomplete?year=2026&kind=overdue&page=${1 + (i % 5)}&pageSize=50`);
    figures.push(tag(latencyFigure('P4-incomplete-overdue', 'GET /audit/incomplete?kind=overdue', overdue)));
    const violations = await latencies(c, auditor, (i) => `/audit/violations?page=${page(i)}&pageSize=50`);
    figures.push(tag(latencyFigure('P4-violations', 'GET /audit/violations', violations)));
    const stages = ['drafting', 'legality_review', 'awaiting_discussion', 'published'];
    const byStage = await latencies(c, auditor, (i) => `/decisions?stage=${stages[i % stages.length]}&year=2026&page=${page(i)}&pageSize=50`);
    figures.push(tag(latencyFigure('P4-decisions-stage', 'GET /decisions?stage=', byStage)));
    opts.log(`P4 (${db.name}) p95: incomplete ${incomplete.p95?.toFixed(1)} ms, overdue ${overdue.p95?.toFixed(1)} ms, violations ${violations.p95?.toFixed(1)} ms, decisions?stage ${byStage.p95.toFixed(1)} ms`);

    const t0 = performance.now();
    const verified = await c.request('GET', '/audit/verify', undefined, auditor);
    const verifyMs = performance.now() - t0;
    const v = verified.body as { ok?: boolean; events?: number };
    figures.push(
      tag({
        id: 'P4-verify',
        ours: verified.status === 200 ? round(verifyMs / 1000) : null,
        reference: 10,
        ratio: verified.status === 200 ? round(verifyMs / 10_000) : null,
        unit: 's',
        target: '<= 1 (every chain of 1,000,000 rows in <= 10 s)',
        rows: v.events ?? null,
        ok: v.ok ?? null,
        ...(verified.status === 200 ? {} : { error: `${verified.status} ${JSON.stringify(verified.body).slice(0, 300)}` }),
      }),
    );
    opts.log(`P4 (${db.name}) verify: ${(verifyMs / 1000).toFixed(1)} s for ${v.events} rows (ok: ${v.ok})`);

    const list = (await c.expect(200, 'GET', `/decisions?stage=drafting&undertakingUnitId=${unit}&pageSize=200`, undefined, department)) as unknown as { items: Array<{ id: string }> };
    ids = list.items.map((d) => d.id);
  } finally {
    c.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }

  // P5: resident memory of a fresh server while it serves P2's load of steps on this database
  // (what the audit reads and the verification above allocated is not counted).
  const fresh = await server();
  const f = new Client(fresh.port);
  try {
    const department = (await f.expect(200, 'POST', '/auth/login', { username: 'dept1', password: USER_PASSWORD })).accessToken as string;
    let n = 0;
    const pid = fresh.child.pid as number;
    let peak = rssMb(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    const served = await load(f, 5000, 200, () => {
      n++;
      return { method: 'POST', url: `/decisions/${ids[n % ids.length]}/events`, body: REPEATABLE[Math.floor(n / ids.length) % REPEATABLE.length], token: department };
    });
    clearInterval(sampler);
    opts.log(`P5 (${db.name}) RSS peak ${peak.toFixed(0)} MB while serving ${served.perSecond.toFixed(0)} steps/s`);
    figures.push(tag({ id: 'P5-rss', ours: round(peak), reference: 200, ratio: round(peak / 200), unit: 'MB', target: '<= 1 (RSS <= 200 MB serving P2)', decisions: DECISIONS, stepsPerSecond: round(served.perSecond) }));
    figures.push(tag({ id: 'P5-start', ours: round(start), reference: 3000, ratio: round(start / 3000), unit: 'ms', target: '<= 1 (start to healthy <= 3 s)', decisions: DECISIONS, samples: starts.map((s) => round(s)) }));
  } finally {
    f.close();
    fresh.child.kill('SIGTERM');
    await new Promise((r) => fresh.child.once('exit', r));
  }
  return figures;
}

/**
 * `P4_DATABASES=sqlite,postgres` (default both): PostgreSQL gets the same rows, copied from the
 * seeded SQLite file into a fresh database (`BENCH_DATABASE_URL`'s server, database `p4_bench`).
 */
const DATABASES = (process.env.P4_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());

export const p4Bench: Bench = {
  id: 'P4',
  async run(opts) {
    const dbPath = tmpDbPath('p4');
    const figures: BenchFigure[] = [];
    try {
      const seeded = await seedLarge(dbPath, { decisions: DECISIONS, violations: VIOLATIONS });
      opts.log(`P4 seeded ${seeded.decisions} decisions, ${seeded.records} record rows, ${seeded.violations} refusals, ${seeded.overdue} overdue steps in ${(seeded.ms / 1000).toFixed(1)} s`);
      // Copied before the SQLite servers run: those add users and steps to the file.
      const copied = DATABASES.includes('postgres') ? await copyToPostgres(dbPath, PG_DATABASE) : null;
      if (copied) opts.log(`P4 copied ${copied.rows} rows to PostgreSQL in ${(copied.ms / 1000).toFixed(1)} s`);
      try {
        if (DATABASES.includes('sqlite')) figures.push(...(await measure({ name: 'sqlite', suffix: '', env: {} }, dbPath, seeded, opts)));
        if (copied) figures.push(...(await measure({ name: 'postgres', suffix: '-pg', env: { DB_TYPE: 'postgres', DATABASE_URL: copied.url } }, dbPath, seeded, opts)));
      } finally {
        if (copied) await dropBenchDatabase(PG_DATABASE);
      }
    } finally {
      removeDb(dbPath);
    }
    return figures;
  },
};
