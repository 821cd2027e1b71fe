import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './data-source';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the SQLite file is private to the service’s user', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'decisions-mode-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the database, its WAL and shared-memory files 0600 and a new folder 0700', async () => {
    const path = join(dir, 'data', 'decisions.sqlite');
    const ds = await openDatabase({ type: 'better-sqlite3', path, synchronous: 'FULL' });
    try {
      await ds.query("INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES ('u1', '区政府', 'government', NULL, '2026-01-01T00:00:00.000Z')");
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
      expect(modeOf(join(dir, 'data'))).toBe(0o700);
    } finally {
      await ds.destroy();
    }
  });

  it('narrows a world-readable file left by an earlier release, keeping its data', async () => {
    const path = join(dir, 'decisions.sqlite');
    let ds = await openDatabase({ type: 'better-sqlite3', path, synchronous: 'FULL' });
    await ds.query("INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES ('u1', '区政府', 'government', NULL, '2026-01-01T00:00:00.000Z')");
    await ds.destroy();
    chmodSync(path, 0o644);
    ds = await openDatabase({ type: 'better-sqlite3', path, synchronous: 'FULL' });
    try {
      expect(modeOf(path)).toBe(0o600);
      expect(await ds.query('SELECT name FROM org_unit')).toEqual([{ name: '区政府' }]);
    } finally {
      await ds.destroy();
    }
  });
});
