import { TransactionRunner } from '../database/transaction-runner';
import { openDatabase } from '../database/data-source';
import { sqliteTestDatabase, type TestDatabase } from '../../test/support/databases';
import { actors, engineFixture, sharedCalendar, type EngineFixture } from '../../test/support/engine-fixture';
import { createDecision, overdueRows, scannerOn } from '../../test/support/overdue-scan';

describe('DeadlineScanService on SQLite', () => {
  let db: TestDatabase;
  let f: EngineFixture;

  beforeEach(async () => {
    db = await sqliteTestDatabase();
    f = await engineFixture(db);
  });
  afterEach(async () => {
    await f.close();
    await db.drop();
  });

  it('records each overdue step once, with the inputs of its deadline', async () => {
    // Today is 2026-11-28: the 2026 catalog was due by March 31 and the start by June 1; the decision is not yet due.
    const late = await createDecision(f, { year: 2026, plannedStartOn: '2026-06-01', plannedDecisionOn: '2026-12-31' });
    await createDecision(f, { year: 2027, plannedStartOn: '2027-02-01' });
    await createDecision(f, {});

    const scanner = scannerOn(f.runner);
    expect(await scanner.scan()).toEqual({ scanned: 3, newlyOverdue: 2, skipped: false });
    const rows = await overdueRows(f.runner);
    expect(rows).toEqual([
      {
        decision_id: late.id,
        revision: 1,
        step: 'catalog',
        due_on: '2026-03-31',
        rule: 'catalogPublishedBy',
        start_on: '2026-03-31',
        days: 0,
        unit: 'fixed_date',
        calendar_data_version: sharedCalendar().dataVersion,
        detected_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
      expect.objectContaining({ decision_id: late.id, step: 'start', due_on: '2026-06-01', rule: 'plannedStartOn' }),
    ]);

    expect(await scanner.scan()).toEqual({ scanned: 3, newlyOverdue: 0, skipped: false });
    expect(await overdueRows(f.runner)).toEqual(rows);
  });

  it('pages through every incomplete decision and skips complete ones', async () => {
    for (let i = 0; i < 7; i++) await createDecision(f, { year: 2026 });
    const withdrawn = await createDecision(f, { year: 2026 });
    await f.engine.apply(withdrawn.id, { type: 'WITHDRAW', payload: { withdrawnOn: '2026-02-01', reason: '不再需要' } }, actors.office);
    expect((await f.engine.get(withdrawn.id))!.complete).toBe(true);

    expect(await scannerOn(f.runner, 3).scan()).toEqual({ scanned: 7, newlyOverdue: 7, skipped: false });
    expect(new Set((await overdueRows(f.runner)).map((r) => r.decision_id)).has(withdrawn.id)).toBe(false);
  });

  it('keeps the row of a step done late, and adds none for it again', async () => {
    const d = await createDecision(f, { year: 2026, plannedStartOn: '2026-06-01' });
    const scanner = scannerOn(f.runner);
    expect((await scanner.scan()).newlyOverdue).toBe(2);
    await f.engine.apply(
      d.id,
      { type: 'CATALOG_PUBLISHED', payload: { catalogId: f.catalogId, catalogRevision: 1, partyCommitteeApprovedOn: '2026-11-20', partyCommitteeRef: '区委〔2026〕9号', publishedOn: '2026-11-20' } },
      actors.office,
      { system: true },
    );
    expect(await scanner.scan()).toEqual({ scanned: 1, newlyOverdue: 0, skipped: false });
    expect((await overdueRows(f.runner)).map((r) => r.step)).toEqual(['catalog', 'start']);
  });

  it('records nothing twice after a restart on the same file', async () => {
    await createDecision(f, { year: 2026, plannedStartOn: '2026-06-01' });
    expect((await scannerOn(f.runner).scan()).newlyOverdue).toBe(2);
    const before = await overdueRows(f.runner);
    await f.close();
    await db.dataSource.destroy();

    const reopened = await openDatabase(db.config);
    const runner = TransactionRunner.for(reopened);
    try {
      expect(await scannerOn(runner).scan()).toEqual({ scanned: 1, newlyOverdue: 0, skipped: false });
      expect(await overdueRows(runner)).toEqual(before);
    } finally {
      await runner.close();
      await reopened.destroy();
    }
  });

  it('joins a pass already under way instead of starting a second one', async () => {
    await createDecision(f, { year: 2026 });
    const scanner = scannerOn(f.runner);
    const [a, b] = await Promise.all([scanner.scan(), scanner.scan()]);
    expect(a).toBe(b);
    expect(a.newlyOverdue).toBe(1);
  });

  it('skips a decision it cannot read and records the others', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createDecision(f, { year: 2026 })).id);
    await f.runner.write((tx) => tx.execute('UPDATE decision SET snapshot = ? WHERE id = ?', ['{not json', ids[2]]));
    expect(await scannerOn(f.runner, 2).scan()).toEqual({ scanned: 5, newlyOverdue: 4, skipped: false });
    expect((await overdueRows(f.runner)).map((r) => r.decision_id).sort()).toEqual(ids.filter((_, i) => i !== 2).sort());
  });
});
