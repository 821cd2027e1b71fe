/**
 * On PostgreSQL the verifier lets the database join and hash each row (PG_HASH_COLUMNS): that text
 * must be, byte for byte, the one the engine hashed when it wrote the row, whatever the strings
 * hold, or every row would fall back to the slow path (and a wrong join could hide a change).
 */
import { ChainVerifier, PG_HASH_COLUMNS } from './chain-verifier';
import { postgresTestDatabase, type TestDatabase } from '../../test/support/databases';
import { engineFixture, type EngineFixture } from '../../test/support/engine-fixture';
import { newDecision, send, sendAll } from '../../test/support/engine-suite';
import { asInsider } from '../../test/support/insider';

const AWKWARD = '「引号」"double" \\ back\\slash\n换行\t制表 😀 \u00e9 </script> \u2028';

describe('ChainVerifier on PostgreSQL: the hash the database computes', () => {
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

  it('is the stored hash of every row the engine wrote, strings with quotes, escapes and emoji included', async () => {
    const d = await newDecision(f, `集中供热${AWKWARD}`);
    await sendAll(f.engine, d.id, ['CATALOG_PUBLISHED', 'START_DRAFTING']);
    await send(f.engine, d.id, 'RECORD_DRAFT', { summary: AWKWARD, draftVersion: 'v1 "第一稿"', lawsReviewed: [AWKWARD, '《价格法》'] });

    const rows = await f.runner.read((tx) => tx.values(`SELECT ${PG_HASH_COLUMNS} FROM procedure_record WHERE decision_id = ? ORDER BY seq`, [d.id]));
    expect(rows).toHaveLength(4);
    for (const [, , , hash, , computed] of rows) expect(computed).toBe(hash);
    expect(await new ChainVerifier(f.runner).verifyAll()).toMatchObject({ ok: true, decisions: 1, events: 4, broken: [] });
  });

  it('still names a changed row, and one whose text is no longer canonical but means the same is whole', async () => {
    const a = await newDecision(f, '甲');
    const b = await newDecision(f, '乙');
    for (const id of [a.id, b.id]) await sendAll(f.engine, id, ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT']);
    await asInsider({ tx: f.runner }, async (tx) => {
      // a: the same payload written with other spacing (parsed, it hashes as before);
      // b: a changed summary.
      const [[payload]] = await tx.values('SELECT payload FROM procedure_record WHERE decision_id = ? AND seq = 4', [a.id]);
      await tx.execute('UPDATE procedure_record SET payload = ? WHERE decision_id = ? AND seq = 4', [JSON.stringify(JSON.parse(payload as string), null, 2), a.id]);
      await tx.execute("UPDATE procedure_record SET payload = replace(payload, '\"summary\":\"', '\"summary\":\"改') WHERE decision_id = ? AND seq = 4", [b.id]);
    });
    const res = await new ChainVerifier(f.runner).verifyAll({ rowsPerBatch: 3 });
    expect(res).toMatchObject({ ok: false, decisions: 2, events: 8, broken: [{ decisionId: b.id, seq: 4, problem: 'hash' }] });
  });
});
