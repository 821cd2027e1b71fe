import { DatabaseLock } from '../database/database-locks';
import { postgresTestDatabase, type TestDatabase } from '../../test/support/databases';
import { engineFixture, type EngineFixture } from '../../test/support/engine-fixture';
import { createDecision, overdueRows, scannerOn } from '../../test/support/overdue-scan';

describe('DeadlineScanService on PostgreSQL', () => {
  let db: TestDatabase;
  let f: EngineFixture;

  beforeEach(async () => {
    db = await postgresTestDatabase();
    f = await engineFixture(db);
  });
  afterEach(async () => {
    await f.close();
    await db.drop();
  });

  it('records each overdue step once when several instances scan at the same time', async () => {
    for (let i = 0; i < 12; i++) await createDecision(f, { year: 2026, plannedStartOn: '2026-06-01' });
    // Eight instances (each its own service) racing: 12 decisions × (catalog, start) = 24 rows.
    const results = await Promise.all(Array.from({ length: 8 }, () => scannerOn(f.runner, 5).scan()));
    expect(results.reduce((n, r) => n + r.newlyOverdue, 0)).toBe(24);
    expect(results.filter((r) => !r.skipped).length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect(r).toEqual(r.skipped ? { scanned: 0, newlyOverdue: 0, skipped: true } : { scanned: 12, newlyOverdue: expect.any(Number), skipped: false });
    const rows = await overdueRows(f.runner);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => `${r.decision_id}/${r.step}`)).size).toBe(24);
  });

  it('skips while another session holds the scan lock, and scans once it is released', async () => {
    await createDecision(f, { year: 2026 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const isTaken = new Promise<void>((resolve) => (taken = resolve));
    const holder = f.runner.write(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(?)', [DatabaseLock.DeadlineScan]);
      taken();
      await released;
    });
    await isTaken;
    try {
      expect(await scannerOn(f.runner).scan()).toEqual({ scanned: 0, newlyOverdue: 0, skipped: true });
      expect(await overdueRows(f.runner)).toEqual([]);
    } finally {
      release();
      await holder;
    }
    expect(await scannerOn(f.runner).scan()).toEqual({ scanned: 1, newlyOverdue: 1, skipped: false });
  });
});
