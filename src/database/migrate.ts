/**
 * `npm run migrate`: applies the migrations the database of the configuration (DB_TYPE, DB_PATH,
 * DATABASE_URL) does not have yet, then exits; what the service also does at each start. Prints the
 * migrations it applied, in Chinese, and exits 1 with the reason when the database cannot be opened.
 */
import { ConfigError, loadConfig } from '../config/app-config';
import type { DatabaseConfig } from '../config/database-config';
import { openDatabase } from './data-source';

/** Applies the migrations the database lacks; returns their names, in order (none: it was up to date). */
export async function migrate(database: DatabaseConfig): Promise<string[]> {
  const ds = await openDatabase(database, { migrate: false });
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
  const applied = await migrate(config.database);
  const where = config.database.type === 'postgres' ? 'PostgreSQL 数据库' : `SQLite 数据库 ${config.database.path}`;
  console.log(applied.length ? `已在${where}上执行 ${applied.length} 个迁移：${applied.join('、')}` : `${where}已是最新结构，没有需要执行的迁移`);
  return 0;
}

if (require.main === module) {
  main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`迁移失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
  );
}
