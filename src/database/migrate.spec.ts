/** `npm run migrate`: a new SQLite file gets every migration, once; the tables the service reads are then there. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';

describe('npm run migrate', () => {
  it('applies every migration to a new database, then none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    const path = join(dir, 'decisions.sqlite');
    try {
      const first = await migrate({ type: 'better-sqlite3', path, synchronous: 'FULL' });
      expect(first).toHaveLength(MIGRATIONS.length);
      expect(await migrate({ type: 'better-sqlite3', path, synchronous: 'FULL' })).toEqual([]);
      const db = new Database(path, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      db.close();
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['decision', 'procedure_record', 'catalog', 'org_unit', 'app_user', 'checkpoint']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
