import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database-config';
import { MIGRATIONS } from './migrations';

/**
 * The one way the service opens its database. Never `synchronize`: the schema is the migrations,
 * and the tables are read and written by SQL in each table's own module (no entity classes).
 * SQLite runs in WAL mode with `synchronous=FULL` unless told otherwise, so that an acknowledged
 * step survives a power loss.
 */
export function createDataSource(config: DatabaseConfig): DataSource {
  const common = { entities: [] as string[], migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  let options: DataSourceOptions;
  if (config.type === 'postgres') {
    options = {
      ...common,
      type: 'postgres',
      url: config.url,
      ...(config.schema ? { schema: config.schema } : {}),
      extra: { max: 10, ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}) },
    };
  } else {
    if (config.path !== ':memory:') createPrivateFile(config.path);
    options = {
      ...common,
      type: 'better-sqlite3',
      database: config.path,
      enableWAL: true,
      statementCacheSize: 200,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma(`synchronous = ${config.synchronous}`);
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return new DataSource(options);
}

/**
 * The SQLite file holds password hashes and the whole record: readable by the service's own user
 * only (0600), its folder created 0700. A file made by an earlier release with the default 0644 is
 * narrowed at start. SQLite creates the `-wal` and `-shm` files with the database file's mode.
 */
function createPrivateFile(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  for (const side of [`${path}-wal`, `${path}-shm`]) if (existsSync(side)) chmodSync(side, 0o600);
}

export async function openDatabase(config: DatabaseConfig, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  const ds = createDataSource(config);
  await ds.initialize();
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
