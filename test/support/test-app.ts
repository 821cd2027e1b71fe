/**
 * The real application on a fresh SQLite file in a temp folder, listening on an ephemeral port of
 * 127.0.0.1, for e2e tests through HTTP. It is started by the same createApp() as main.ts, so every
 * pipe, guard and filter is the production one. The first administrator is TEST_ADMIN; bcrypt runs
 * at cost 4.
 *
 *   const t = await createTestApp();                       // in beforeAll
 *   const admin = await t.adminToken();
 *   const res = await t.http.post('/org-units').set(t.bearer(admin)).send({ name: '市政府', kind: 'government' });
 *   const body = await t.unchanged(async () =>             // no row added, changed or removed
 *     expectProblem(await t.http.post('/org-units').set(t.bearer(admin)).send({}), 400, 'VALIDATION_FAILED'));
 *   expect(fieldsOf(body)).toContain('name');
 *   await t.close();                                       // in afterAll
 *
 * Failed logins are rate-limited per client address, and every request comes from 127.0.0.1: a
 * suite that tests the limit should use an app of its own.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService, LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request, { type Response } from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import type { DatabaseConfig } from '../../src/config/database-config';
import { createPostgresSchema, PG_URL, postgresTestDatabase } from './databases';
import { TransactionRunner } from '../../src/database/transaction-runner';

/** The first administrator of every test app. */
export const TEST_ADMIN = { username: 'admin', password: 'Chief-Of-Units-2026' } as const;

export interface TestApp {
  app: NestExpressApplication;
  /** supertest bound to the running server: `t.http.get('/health')`. */
  http: ReturnType<typeof request>;
  config: AppConfig;
  /** The temp folder holding the database (removed by close()). */
  dir: string;
  /** The TransactionRunner of the app, to arrange or inspect rows directly. */
  tx: TransactionRunner;
  /** Signs in through POST /auth/login and returns the access token (fails the test on non-200). */
  login(username: string, password: string): Promise<string>;
  /** A token of TEST_ADMIN. */
  adminToken(): Promise<string>;
  /** `{ Authorization: 'Bearer <token>' }`, for `.set(...)`. */
  bearer(token: string): { Authorization: string };
  /** Rows in one table. */
  countRows(table: string): Promise<number>;
  /** Rows in every table (migrations bookkeeping excluded). */
  tableCounts(): Promise<Record<string, number>>;
  /** Every row of every table (migrations excluded), in storage order. */
  snapshot(): Promise<Record<string, unknown[]>>;
  /** Runs `fn` (a refused request) and asserts that no row of any table was added, changed or removed. */
  unchanged<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra or overriding environment variables, as loadConfig reads them. */
  env?: Record<string, string>;
  /**
   * Run on a throwaway schema of the PostgreSQL server of DATABASE_URL (test/support/databases.ts)
   * instead of a SQLite file; `close()` drops the schema. For the `*.pg.spec.ts` suites.
   */
  postgres?: boolean;
  /**
   * Run on this database, made beforehand (test/support/databases.ts), which `close()` leaves as it
   * is: several instances on one PostgreSQL schema, as in production. They share a signing key.
   */
  database?: DatabaseConfig;
  /** Nest logger; errors only by default. */
  logger?: LoggerService | LogLevel[] | false;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'decisions-test-'));
  let app: NestExpressApplication | undefined;
  const created = options.postgres ? await createPostgresSchema() : undefined;
  const shared = options.database?.type === 'postgres' ? options.database : undefined;
  /** The PostgreSQL schema the app runs on, if it runs on PostgreSQL. */
  const pg = created ?? (shared ? { schema: shared.schema as string } : undefined);
  try {
    const loaded = loadConfig({
      DB_PATH: join(dir, 'decisions.sqlite'),
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      BCRYPT_COST: '4',
      // No scheduled overdue scan: its rows would appear in the middle of t.unchanged(); tests call scan() themselves.
      DEADLINE_SCAN_INTERVAL_MINUTES: '0',
      // The suites written for version 1 of major-decision walk it; a test of version 2 asks for it (env).
      MAJOR_DECISION_DEFAULT_VERSION: '1',
      // The API alone, whether or not the console is built here (the browser suite serves it).
      WEB_ROOT: join(dir, 'no-console'),
      ...(pg ? { DB_TYPE: 'postgres', DATABASE_URL: PG_URL, JWT_SECRET: 'a-secret-for-the-postgresql-test-apps-0123456789' } : {}),
      ...options.env,
    });
    const config: AppConfig = options.database ? { ...loaded, database: options.database } : pg ? { ...loaded, database: { ...loaded.database, schema: pg.schema } } : loaded;
    app = await createApp(config, { logger: options.logger ?? ['error', 'fatal'] });
    await app.listen(0, '127.0.0.1');
    const http = request(app.getHttpServer());
    const tx = app.get(TransactionRunner);
    const started = app;

    const login = async (username: string, password: string): Promise<string> => {
      const res = await http.post('/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { accessToken: string }).accessToken;
    };
    const countRows = async (table: string): Promise<number> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
      const [row] = await tx.read((t) => t.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`));
      return Number(row.n);
    };
    const tables = async (): Promise<string[]> => {
      const rows = await tx.read((t) =>
        pg
          ? t.query<{ name: string }>(
              "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name",
              [pg.schema],
            )
          : t.query<{ name: string }>(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name",
            ),
      );
      return rows.map((r) => r.name);
    };
    const tableCounts = async (): Promise<Record<string, number>> => {
      const counts: Record<string, number> = {};
      for (const name of await tables()) counts[name] = await countRows(name);
      return counts;
    };
    const snapshot = async (): Promise<Record<string, unknown[]>> => {
      const all: Record<string, unknown[]> = {};
      for (const name of await tables()) {
        // PostgreSQL has no rowid: its rows are compared in a fixed order of their JSON.
        const rows = await tx.read((t) => t.query(pg ? `SELECT * FROM ${name}` : `SELECT * FROM ${name} ORDER BY rowid`));
        all[name] = pg ? rows.map((r) => JSON.stringify(r)).sort() : rows;
      }
      return all;
    };
    const unchanged = async <T>(fn: () => Promise<T>): Promise<T> => {
      const before = await snapshot();
      const result = await fn();
      assert.deepStrictEqual(await snapshot(), before, 'the refused request changed the database');
      return result;
    };

    return {
      app: started,
      http,
      config,
      dir,
      tx,
      login,
      adminToken: () => login(TEST_ADMIN.username, TEST_ADMIN.password),
      bearer: (token) => ({ Authorization: `Bearer ${token}` }),
      countRows,
      tableCounts,
      snapshot,
      unchanged,
      close: async () => {
        await started.close();
        rmSync(dir, { recursive: true, force: true });
        await created?.drop();
      },
    };
  } catch (err) {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
    await created?.drop();
    throw err;
  }
}

/**
 * `count` API instances on one throwaway PostgreSQL schema, as several instances share a database
 * in production (each its own data source and pool, one signing key). `close()` stops them and
 * drops the schema.
 */
export async function createPostgresInstances(count: number): Promise<{ instances: TestApp[]; close(): Promise<void> }> {
  const db = await postgresTestDatabase();
  const instances: TestApp[] = [];
  const close = async () => {
    for (const t of instances) await t.close();
    await db.drop();
  };
  try {
    for (let i = 0; i < count; i++) instances.push(await createTestApp({ database: db.config }));
  } catch (err) {
    await close();
    throw err;
  }
  return { instances, close };
}

/**
 * Asserts that `res` is an RFC 9457 problem (`application/problem+json`) with this status and code,
 * and returns its body.
 */
export function expectProblem(res: Response, status: number, code: string): ProblemBody {
  const body = res.body as ProblemBody;
  // node:assert rather than Jest's expect, so that benchmarks may use this module too.
  assert.deepStrictEqual({ status: res.status, code: body.code }, { status, code }, `unexpected answer: ${res.text}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(body.status, status);
  assert.match(body.type, /^urn:problem:/);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  return body;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

/** The fields named in a 400 problem's `errors`. */
export const fieldsOf = (body: ProblemBody): string[] => (body.errors ?? []).map((e) => e.field);
