/**
 * P4 and P5 on PostgreSQL: the same data as on SQLite (seed-large.ts writes a SQLite file), copied
 * into a fresh database on the server of `BENCH_DATABASE_URL` (default the local server), whose
 * schema the service's own migrations make. Rows go over in batches of `json_populate_recordset`,
 * one parameter per batch, so that a million rows take seconds, not one INSERT each.
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openDatabase } from '../../src/database/data-source';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BATCH = 10_000;
/** Referenced tables first; any other table of the file follows in name order. */
const FIRST = ['org_unit', 'app_user', 'catalog', 'catalog_item', 'decision', 'procedure_record', 'violation_attempt', 'overdue_step'];

/** The URL of `database` on the benchmark's server. */
export function benchDatabaseUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropBenchDatabase(database: string): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** A new database `database` holding every row of the SQLite file; answers its URL. */
export async function copyToPostgres(sqlitePath: string, database: string): Promise<{ url: string; rows: number; ms: number }> {
  const t0 = Date.now();
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
  await dropBenchDatabase(database);
  await onServer((c) => c.query(`CREATE DATABASE "${database}"`));
  const url = benchDatabaseUrl(database);
  const ds = await openDatabase({ type: 'postgres', path: '', url, synchronous: 'FULL' });
  await ds.destroy();

  const lite = new Database(sqlitePath, { readonly: true });
  const pg = new Client({ connectionString: url });
  await pg.connect();
  let rows = 0;
  try {
    const names = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'").all() as Array<{ name: string }>).map((t) => t.name);
    const tables = [...FIRST.filter((t) => names.includes(t)), ...names.filter((t) => !FIRST.includes(t)).sort()];
    for (const table of tables) {
      const read = lite.prepare(`SELECT * FROM "${table}"`);
      let batch: unknown[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await pg.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1)`, [JSON.stringify(batch)]);
        rows += batch.length;
        batch = [];
      };
      await pg.query('BEGIN');
      for (const row of read.iterate()) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      await pg.query('COMMIT');
    }
    // As autovacuum leaves a database in service: statistics, and the visibility map that lets
    // index-only scans (the audit lists' counts) skip the table.
    await pg.query('VACUUM ANALYZE');
  } finally {
    lite.close();
    await pg.end();
  }
  return { url, rows, ms: Date.now() - t0 };
}
