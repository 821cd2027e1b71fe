import { randomUUID } from 'node:crypto';
import { sqliteTestDatabase, type TestDatabase } from '../../test/support/databases';
import { TransactionRunner } from '../database/transaction-runner';
import { ChainVerifier, verifyChain } from './chain-verifier';
import type { StoredRecord } from './procedure-store';
import { canonicalRecord, GENESIS_HASH, recordHash } from './record-hash';

const STAGES = ['proposed', 'cataloged', 'drafting', 'drafting', 'drafting', 'legality_review'];

/** A well-formed chain of `n` rows for one decision, as the engine writes it. */
function chain(decisionId: string, n: number): StoredRecord[] {
  const rows: StoredRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r = {
      decisionId,
      seq,
      revision: 1,
      type: seq === 1 ? 'ITEM_PROPOSED' : 'RECORD_DRAFT',
      payload: { n: seq, text: '草案' },
      facts: { today: '2026-03-01' },
      actor: { userId: 'u1', username: 'fgj', role: 'department', orgUnitId: 'ndrc' },
      recordedAt: `2026-03-01T08:00:0${seq % 10}.000Z`,
      fromStage: seq === 1 ? null : STAGES[Math.min(seq - 2, STAGES.length - 1)],
      toStage: STAGES[Math.min(seq - 1, STAGES.length - 1)],
      prevHash: prev,
    };
    const hash = recordHash(r);
    rows.push({
      decision_id: decisionId,
      seq,
      revision: 1,
      type: r.type,
      payload: JSON.stringify(r.payload),
      facts: JSON.stringify(r.facts),
      actor: JSON.stringify(r.actor),
      recorded_at: r.recordedAt,
      from_stage: r.fromStage,
      to_stage: r.toStage,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  return rows;
}

describe('verifyChain: what is wrong, and where', () => {
  const rows = chain('d1', 6);
  const last = rows[5];

  it('holds for the chain as written', () => {
    expect(verifyChain(rows, 6, last.hash, 'legality_review')).toEqual({ ok: true, events: 6 });
  });

  it('names a changed row (hash)', () => {
    const changed = rows.map((r) => (r.seq === 3 ? { ...r, payload: '{"n":3,"text":"改过的草案"}' } : r));
    expect(verifyChain(changed, 6, last.hash, 'legality_review')).toEqual({ ok: false, events: 6, brokenAtSeq: 3, problem: 'hash' });
  });

  it('names a row whose stored hash was replaced (hash)', () => {
    const changed = rows.map((r) => (r.seq === 3 ? { ...r, hash: 'f'.repeat(64) } : r));
    expect(verifyChain(changed, 6, last.hash, 'legality_review')).toMatchObject({ ok: false, brokenAtSeq: 3, problem: 'hash' });
  });

  it('names a row deleted in the middle, and two rows swapped (sequence)', () => {
    expect(verifyChain(rows.filter((r) => r.seq !== 4), 6, last.hash, 'legality_review')).toMatchObject({ ok: false, brokenAtSeq: 4, problem: 'sequence' });
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    expect(verifyChain(swapped, 6, last.hash, 'legality_review')).toMatchObject({ ok: false, brokenAtSeq: 2, problem: 'sequence' });
  });

  it('names a deleted last row through the decision row (tail)', () => {
    expect(verifyChain(rows.slice(0, 5), 6, last.hash, 'legality_review')).toEqual({ ok: false, events: 5, brokenAtSeq: 6, problem: 'tail' });
  });

  it('holds for rows stored as the engine stores them (canonical texts, read without parsing) and for equivalent texts in another order', () => {
    const canonicalRows = rows.map((r) => {
      const c = canonicalRecord({ decisionId: r.decision_id, seq: Number(r.seq), revision: Number(r.revision), type: r.type, payload: JSON.parse(r.payload), facts: JSON.parse(r.facts), actor: JSON.parse(r.actor), recordedAt: r.recorded_at, fromStage: r.from_stage, toStage: r.to_stage, prevHash: r.prev_hash });
      return { ...r, payload: c.payload, facts: c.facts, actor: c.actor };
    });
    expect(canonicalRows[0].actor).not.toBe(rows[0].actor);
    expect(verifyChain(canonicalRows, 6, last.hash, 'legality_review')).toEqual({ ok: true, events: 6 });
    const changed = canonicalRows.map((r) => (r.seq === 2 ? { ...r, facts: '{"today":"2026-03-02"}' } : r));
    expect(verifyChain(changed, 6, last.hash, 'legality_review')).toMatchObject({ ok: false, brokenAtSeq: 2, problem: 'hash' });
  });

  it('names a decision whose stage is not where its last row went (stage)', () => {
    expect(verifyChain(rows, 6, last.hash, 'published')).toEqual({ ok: false, events: 6, brokenAtSeq: 6, problem: 'stage' });
  });
});

describe('ChainVerifier.verifyAll: in pages and batches, by organ', () => {
  let db: TestDatabase;
  let runner: TransactionRunner;
  const ids = Array.from({ length: 7 }, () => randomUUID()).sort();
  const organOf = (i: number) => (i % 2 ? 'organ-b' : 'organ-a');

  beforeAll(async () => {
    db = await sqliteTestDatabase();
    runner = TransactionRunner.for(db.dataSource);
    await runner.write(async (tx) => {
      await tx.execute("INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES ('c1', 'organ-a', 2026, 'draft', 0, '[]', 'x', 'x')");
      for (const [i, id] of ids.entries()) {
        const rows = chain(id, 3 + i);
        const last = rows[rows.length - 1];
        // Decision 2's stage was altered; decision 4 lost its last row; decision 5 has a changed row.
        const stage = i === 2 ? 'published' : last.to_stage;
        await tx.execute(
          'INSERT INTO decision (id, catalog_id, organ_id, undertaking_unit_id, implementing_unit_id, year, title, category, definition_id, definition_version, stage, revision, complete, snapshot, version, last_seq, last_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [id, 'c1', organOf(i), 'ndrc', null, 2026, `决策 ${i}`, 'public_policy', 'major-decision', 1, stage, 1, false, '{}', rows.length, rows.length, last.hash, 'x', 'x'],
        );
        for (const r of rows) {
          if (i === 4 && r.seq === rows.length) continue;
          const payload = i === 5 && r.seq === 2 ? '{"n":2,"text":"改"}' : r.payload;
          await tx.execute(
            'INSERT INTO procedure_record (decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [r.decision_id, r.seq, r.revision, r.type, payload, r.facts, r.actor, r.recorded_at, r.from_stage, r.to_stage, r.prev_hash, r.hash],
          );
        }
      }
    });
  });
  afterAll(() => db.drop());

  const expected = [
    { decisionId: ids[2], seq: 5, problem: 'stage' },
    { decisionId: ids[4], seq: 7, problem: 'tail' },
    { decisionId: ids[5], seq: 2, problem: 'hash' },
  ];

  it.each([
    ['one page, one batch', {}],
    ['pages of 2 decisions and batches of 3 rows (a decision’s rows across batches)', { decisionsPerPage: 2, rowsPerBatch: 3 }],
    ['batches of 1 row', { decisionsPerPage: 3, rowsPerBatch: 1 }],
  ])('names every broken decision with its seq and problem: %s', async (_what, opts) => {
    const res = await new ChainVerifier(runner).verifyAll(opts);
    const events = ids.reduce((n, _id, i) => n + 3 + i, 0) - 1;
    expect(res).toEqual({ ok: false, decisions: 7, events, broken: expected });
  });

  it('verifies the decisions of the organs asked for only', async () => {
    const res = await new ChainVerifier(runner).verifyAll({ organIds: ['organ-a'], decisionsPerPage: 2, rowsPerBatch: 4 });
    expect(res.decisions).toBe(4);
    expect(res.broken).toEqual([expected[0], expected[1]]);
    expect(await new ChainVerifier(runner).verifyAll({ organIds: [] })).toEqual({ ok: true, decisions: 0, events: 0, broken: [] });
  });
});
