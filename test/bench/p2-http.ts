/**
 * P2: `POST /decisions/:id/events` through the real HTTP stack (JWT auth, validation, scope, the
 * engine, the record) against `GET /health` of the same server in the same run, 10 keep-alive
 * connections each; target ratio >= 0.33 and p99 <= 25 ms.
 *
 * The server is the built service (`dist-bench/src/main.js`) in a child process, on a fresh SQLite
 * file, so that the load generator (this process) and the server each get a core. Everything is
 * arranged through the public API, as a department and the general office would do it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, removeDb, round, tmpDbPath, type Bench, type BenchFigure, type SyncSetting } from './harness';

const CONNECTIONS = 10;
/** Decisions the events are spread over, in turn. */
const DECISIONS = 200;
const RUN_MS = 4000;
const WARM_MS = 1500;
const P99_LIMIT_MS = 25;
/** Pre-review steps a department may record again and again (the same as P1's), so state does not grow. */
export const REPEATABLE = [
  { type: 'RECORD_PUBLIC_PARTICIPATION', payload: { method: 'forum', heldOn: '2026-03-10', summary: '座谈会听取意见', adoptionSummary: '采纳三条' } },
  { type: 'RECORD_HEARING', payload: { materialsDeliveredOn: '2026-03-02', heldOn: '2026-03-10', participants: ['居民代表', '企业代表'], recordSigned: true, summary: '听证会' } },
  { type: 'RECORD_RISK_ASSESSMENT', payload: { assessedOn: '2026-03-10', riskLevel: 'medium', controllable: true, riskPoints: ['价格敏感'], measures: ['分步实施'], contingencyPlan: '应急预案' } },
];
export const ADMIN_PASSWORD = 'Bench-Chief-2026';
export const USER_PASSWORD = 'Bench-Staff-2026';

interface Reply {
  status: number;
  body: unknown;
}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  constructor(private readonly port: number) {}

  request(method: string, url: string, body?: unknown, token?: string): Promise<Reply> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path: url,
          agent: this.agent,
          headers: {
            ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // plain text body
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  }

  async expect(status: number, method: string, url: string, body?: unknown, token?: string): Promise<Record<string, unknown>> {
    const r = await this.request(method, url, body, token);
    if (r.status !== status) throw new Error(`${method} ${url}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown>;
  }

  close(): void {
    this.agent.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `env`: variables over the defaults (e.g. `DB_TYPE=postgres` and `DATABASE_URL` for P4 on PostgreSQL). */
export async function startServer(sync: SyncSetting, dbPath: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const main = path.join(__dirname, '..', '..', 'src', 'main.js');
  // P2_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p2` to profile it.
  // The heap limit `npm run start:prod` gives the service (MAX_HEAP_MB, default 512).
  const nodeArgs = [`--max-old-space-size=${process.env.MAX_HEAP_MB ?? 512}`, ...(process.env.P2_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      PORT: String(port),
      DB_TYPE: 'better-sqlite3',
      DB_PATH: dbPath,
      DB_SYNCHRONOUS: sync,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD,
      BCRYPT_COST: '4',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      CONFIG_DIR: path.join(__dirname, '..', '..', '..', 'config'),
      DEADLINE_SCAN_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const client = new Client(port);
  const deadline = Date.now() + 30000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await client.request('GET', '/health')).status === 200) return { child, port };
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('server not healthy within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    client.close();
  }
}

/** A district, a published catalog with DECISIONS items in drafting, and a department token. */
async function arrange(c: Client): Promise<{ token: string; decisions: string[] }> {
  const login = async (username: string, password: string) =>
    (await c.expect(200, 'POST', '/auth/login', { username, password })).accessToken as string;
  const admin = await login('admin', ADMIN_PASSWORD);
  const gov = (await c.expect(201, 'POST', '/org-units', { name: '前进区人民政府', kind: 'government' }, admin)).id as string;
  const ndrc = (await c.expect(201, 'POST', '/org-units', { name: '区发改局', kind: 'department', parentId: gov }, admin)).id as string;
  const user = async (username: string, role: string, orgUnitId: string) => {
    await c.expect(201, 'POST', '/users', { username, password: USER_PASSWORD, displayName: username, orgUnitId, roles: [role] }, admin);
    return login(username, USER_PASSWORD);
  };
  const office = await user('zfb', 'office', gov);
  const department = await user('fgj', 'department', ndrc);
  const catalog = (await c.expect(201, 'POST', '/catalogs', { organId: gov, year: 2026 }, office)).id as string;
  const required = { required: true };
  const decisions: string[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const item = await c.expect(
      201,
      'POST',
      `/catalogs/${catalog}/items`,
      {
        title: `决策事项 ${i + 1}`,
        category: 'public_policy',
        undertakingUnitId: ndrc,
        legalBasis: ['《重大行政决策程序暂行条例》'],
        requirements: { publicParticipation: required, hearing: required, expertArgumentation: required, riskAssessment: required, partyCommitteeReport: required },
      },
      department,
    );
    decisions.push(item.id as string);
  }
  await c.expect(200, 'POST', `/catalogs/${catalog}/publish`, { partyCommitteeApprovedOn: '2026-02-10', partyCommitteeRef: '区委常委会纪要〔2026〕3号', publishedOn: '2026-02-15' }, office);
  for (const id of decisions) {
    await c.expect(200, 'POST', `/decisions/${id}/events`, { type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } }, office);
  }
  return { token: department, decisions };
}

export interface LoadResult {
  perSecond: number;
  p99: number;
  requests: number;
}

/** CONNECTIONS loops sending `next()` for `ms`; every answer must be `status`. */
export async function load(c: Client, ms: number, status: number, next: () => { method: string; url: string; body?: unknown; token?: string }): Promise<LoadResult> {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  const t0 = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      const r = next();
      const s = performance.now();
      const reply = await c.request(r.method, r.url, r.body, r.token);
      latencies.push(performance.now() - s);
      if (reply.status !== status) throw new Error(`${r.method} ${r.url}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { perSecond: (latencies.length * 1000) / elapsed, p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))], requests: latencies.length };
}

async function measure(sync: SyncSetting, log: (m: string) => void): Promise<BenchFigure[]> {
  const dbPath = tmpDbPath(`p2-${sync}`);
  const { child, port } = await startServer(sync, dbPath);
  const c = new Client(port);
  try {
    const { token, decisions } = await arrange(c);
    let n = 0;
    const post = () => {
      n++;
      const event = REPEATABLE[Math.floor(n / decisions.length) % REPEATABLE.length];
      return { method: 'POST', url: `/decisions/${decisions[n % decisions.length]}/events`, body: event, token };
    };
    const health = () => ({ method: 'GET', url: '/health' });
    await load(c, WARM_MS, 200, health);
    await load(c, WARM_MS, 200, post);
    const refs: LoadResult[] = [];
    const ours: LoadResult[] = [];
    for (let i = 0; i < 3; i++) {
      refs.push(await load(c, RUN_MS, 200, health));
      ours.push(await load(c, RUN_MS, 200, post));
      log(`P2 sync=${sync} run ${i + 1}/3: health ${refs[i].perSecond.toFixed(0)}/s, events ${ours[i].perSecond.toFixed(0)}/s, p99 ${ours[i].p99.toFixed(1)} ms`);
    }
    const reference = median(refs.map((r) => r.perSecond));
    const oursRate = median(ours.map((r) => r.perSecond));
    const p99 = median(ours.map((r) => r.p99));
    return [
      {
        id: 'P2',
        ours: round(oursRate),
        reference: round(reference),
        ratio: round(oursRate / reference),
        unit: 'req/s',
        target: '>= 0.33',
        sync,
        connections: CONNECTIONS,
        samples: { ours: ours.map((r) => round(r.perSecond)), reference: refs.map((r) => round(r.perSecond)) },
      },
      {
        id: 'P2-p99',
        ours: round(p99),
        reference: P99_LIMIT_MS,
        ratio: round(p99 / P99_LIMIT_MS),
        unit: 'ms',
        target: '<= 1 (p99 <= 25 ms)',
        sync,
        healthP99: round(median(refs.map((r) => r.p99))),
      },
    ];
  } finally {
    c.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    removeDb(dbPath);
  }
}

export const p2Bench: Bench = {
  id: 'P2',
  async run(opts) {
    const figures: BenchFigure[] = [];
    for (const sync of opts.syncs) figures.push(...(await measure(sync, opts.log)));
    return figures;
  },
};
