import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { DatabaseConfig } from '../config/database-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;

/**
 * The one way the service opens its database. Never `synchronize`: the schema is the migrations.
 * SQLite runs in WAL mode with `synchronous=FULL` unless told otherwise, so that an acknowledged
 * step survives a power loss.
 */
export function createDataSource(config: DatabaseConfig, entities: EntityList = ENTITIES): DataSource {
  const common = { entities, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
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
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
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

export async function openDatabase(config: DatabaseConfig, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  const ds = createDataSource(config);
  await ds.initialize();
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
