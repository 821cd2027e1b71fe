/**
 * Real databases for module tests: a fresh SQLite file in a temp folder, or a throwaway schema on
 * the PostgreSQL server of DATABASE_URL (default: the local server's `test` database). Refuses to
 * run against a database whose name does not say "test".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config/database-config';
import { openDatabase } from '../../src/database/data-source';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  config: DatabaseConfig;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** `migrate: false` leaves the database empty (a migration test runs its own list). */
export interface TestDatabaseOptions {
  migrate?: boolean;
}

export async function sqliteTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'decisions-test-'));
  const config: DatabaseConfig = { type: 'better-sqlite3', path: join(dir, 'decisions.sqlite'), synchronous: 'NORMAL' };
  const dataSource = await openDatabase(config, opts);
  return {
    config,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onServer(sql: string): Promise<void> {
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A throwaway schema on the server of PG_URL (whose database name must say test), and how to drop it. */
export async function createPostgresSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const dbName = new URL(PG_URL).pathname.slice(1);
  if (!/test/i.test(dbName)) throw new Error(`refusing to run tests against database "${dbName}": its name must say test`);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => onServer(`DROP SCHEMA ${schema} CASCADE`) };
}

export async function postgresTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const { schema } = await createPostgresSchema();
  const config: DatabaseConfig = { type: 'postgres', path: '', url: PG_URL, schema, synchronous: 'FULL' };
  const dataSource = await openDatabase(config, opts);
  return {
    config,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await onServer(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
