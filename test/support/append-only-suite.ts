/**
 * The record and the refused attempts are append-only in the database itself (migration
 * 1796000004000-append-only-record), on SQLite and PostgreSQL: a direct UPDATE or DELETE of either
 * table fails and leaves every row as it was, while the engine goes on appending. An insider with
 * DDL rights can drop the triggers; a record row changed then is still found by the chain verifier,
 * which names the decision and the seq.
 */
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { APPEND_ONLY_TABLES, appendOnlyTriggers } from '../../src/database/migrations/1796000004000-append-only-record';
import type { TransactionRunner, Tx } from '../../src/database/transaction-runner';
import type { TestDatabase } from './databases';
import { engineFixture, type EngineFixture } from './engine-fixture';
import { newDecision, send, sendAll } from './engine-suite';

/**
 * The database's refusal. Matched as an object, not with toThrow: better-sqlite3 builds its errors
 * with the class of the first test file that loaded it, which another file's realm does not know as an Error.
 */
const REFUSED = { message: expect.stringMatching(/append-only/) as unknown };

/** What an insider with DDL rights does before changing the record by hand: drops the triggers. */
async function dropAppendOnlyTriggers(runner: TransactionRunner): Promise<void> {
  await runner.write(async (tx) => {
    for (const table of APPEND_ONLY_TABLES) for (const trigger of appendOnlyTriggers(tx.dialect === 'postgres' ? 'postgres' : 'sqlite', table)) await tx.execute(trigger.drop);
  });
}

export function appendOnlySuite(name: string, makeDb: () => Promise<TestDatabase>): void {
  describe(`the record and the refused attempts are append-only (${name})`, () => {
    let db: TestDatabase;
    let f: EngineFixture;
    let decisionId: string;
    let violationId: string;
    const rows = (table: string) => f.runner.read((tx) => tx.query(`SELECT * FROM ${table} ORDER BY ${table === 'procedure_record' ? 'decision_id, seq' : 'id'}`));
    const write = (sql: string, params: unknown[] = []) => f.runner.write((tx: Tx) => tx.execute(sql, params));

    beforeAll(async () => {
      db = await makeDb();
      f = await engineFixture(db);
      const d = await newDecision(f, '城区集中供热价格调整方案');
      decisionId = d.id;
      await sendAll(f.engine, decisionId, ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT']);
      await expect(send(f.engine, decisionId, 'RECORD_DISCUSSION')).rejects.toMatchObject({ status: 422 });
      const [v] = await f.runner.read((tx) => tx.query<{ id: string }>('SELECT id FROM violation_attempt'));
      violationId = v.id;
    });
    afterAll(async () => {
      await f.close();
      await db.drop();
    });

    const changes: Array<[string, string, (ids: { decisionId: string; violationId: string }) => [string, unknown[]]]> = [
      ['procedure_record', 'UPDATE', (x) => ['UPDATE procedure_record SET payload = ? WHERE decision_id = ? AND seq = 2', ['{"startedOn":"2026-01-01"}', x.decisionId]]],
      ['procedure_record', 'UPDATE of every row', () => ["UPDATE procedure_record SET actor = '{}'", []]],
      ['procedure_record', 'DELETE', (x) => ['DELETE FROM procedure_record WHERE decision_id = ? AND seq = 3', [x.decisionId]]],
      ['procedure_record', 'DELETE of every row', () => ['DELETE FROM procedure_record', []]],
      ['violation_attempt', 'UPDATE', (x) => ["UPDATE violation_attempt SET code = 'DATE_IN_FUTURE' WHERE id = ?", [x.violationId]]],
      ['violation_attempt', 'DELETE', (x) => ['DELETE FROM violation_attempt WHERE id = ?', [x.violationId]]],
      ['violation_attempt', 'DELETE of every row', () => ['DELETE FROM violation_attempt', []]],
    ];

    it.each(changes)('refuses a direct change of %s (%s) and leaves its rows as they were', async (table, _what, change) => {
      const before = await rows(table);
      const [sql, params] = change({ decisionId, violationId });
      await expect(write(sql, params)).rejects.toMatchObject(REFUSED);
      expect(await rows(table)).toEqual(before);
    });

    // SQLite has no TRUNCATE; its DELETE without WHERE is refused above.
    if (name === 'PostgreSQL') {
      it('refuses TRUNCATE of either table', async () => {
        for (const table of APPEND_ONLY_TABLES) {
          const before = await rows(table);
          await expect(write(`TRUNCATE ${table}`)).rejects.toMatchObject(REFUSED);
          expect(await rows(table)).toEqual(before);
        }
      });
    }

    it('still appends: the engine records the next step and the next refusal', async () => {
      await send(f.engine, decisionId, 'OPEN_PUBLIC_COMMENT');
      await expect(send(f.engine, decisionId, 'PUBLISH')).rejects.toMatchObject({ status: 422 });
      expect(await f.count('procedure_record')).toBe(5);
      expect(await f.count('violation_attempt')).toBe(2);
      expect(await new ChainVerifier(f.runner).verifyAll()).toMatchObject({ ok: true, decisions: 1, events: 5, broken: [] });
    });

    it('with the triggers dropped, as an insider with DDL rights would, a changed row is still found by the chain verifier', async () => {
      await dropAppendOnlyTriggers(f.runner);
      await write('UPDATE procedure_record SET payload = ? WHERE decision_id = ? AND seq = 3', ['{"draftedOn":"2026-01-05","draftVersion":"v9","summary":"改过的草案","lawsReviewed":[]}', decisionId]);
      await write('DELETE FROM violation_attempt WHERE id = ?', [violationId]);
      expect(await f.count('violation_attempt')).toBe(1);
      const verifier = new ChainVerifier(f.runner);
      expect(await verifier.verifyAll()).toMatchObject({ ok: false, broken: [expect.objectContaining({ decisionId, seq: 3 })] });
      expect(await verifier.verifyDecision(decisionId)).toMatchObject({ ok: false, brokenAtSeq: 3 });
    });
  });
}
