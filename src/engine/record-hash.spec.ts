import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { canonicalRecord, GENESIS_HASH, recordHash, storedRecordJson, type HashedRecord } from './record-hash';

const records: HashedRecord[] = [
  {
    decisionId: 'd1',
    seq: 1,
    revision: 1,
    type: 'ITEM_PROPOSED',
    payload: { title: '城区集中供热价格调整方案', requirements: { hearing: { required: false, reason: '不涉及\n"听证"' } }, legalBasis: ['价格法'] },
    facts: { today: '2026-03-01' },
    actor: { userId: 'u1', username: 'fgj', role: 'department', orgUnitId: null },
    recordedAt: '2026-03-01T08:00:00.000Z',
    fromStage: null,
    toStage: 'proposed',
    prevHash: GENESIS_HASH,
  },
  {
    decisionId: 'd1',
    seq: 12,
    revision: 2,
    type: 'CONCLUDE_REVIEW',
    payload: { z: 1, a: [3, 2.5, -0, 1e21, { y: true, b: null }], 'é': '😀\u2028', '\u00e9a': 'x' },
    facts: { reviewMinDueOn: '2026-10-12', reviewWorkingDaysGiven: 7 },
    actor: { username: 'sfj', userId: 'u2', role: 'legal_reviewer', orgUnitId: 'j' },
    recordedAt: '2026-10-12T01:02:03.004Z',
    fromStage: 'legality_review',
    toStage: 'awaiting_discussion',
    prevHash: 'a'.repeat(64),
  },
];

describe('the record hash', () => {
  it.each(records.map((r) => [r.type, r] as const))('is SHA-256 of the JCS of the whole record, assembled from canonical parts (%s)', (_type, r) => {
    const whole = canonicalize(r) as string;
    expect(canonicalRecord(r).json).toBe(whole);
    expect(recordHash(r)).toBe(createHash('sha256').update(whole, 'utf8').digest('hex'));
  });

  it('rebuilds the canonical record from columns holding canonical texts, and not from equivalent texts in another order', () => {
    const r = records[1];
    const c = canonicalRecord(r);
    const columns = { decision_id: r.decisionId, seq: r.seq, revision: r.revision, type: r.type, recorded_at: r.recordedAt, from_stage: r.fromStage, to_stage: r.toStage, prev_hash: r.prevHash };
    expect(storedRecordJson({ ...columns, payload: c.payload, facts: c.facts, actor: c.actor })).toBe(c.json);
    // The same values as JSON.stringify writes them: equal once parsed, but not the canonical bytes.
    expect(storedRecordJson({ ...columns, payload: JSON.stringify(r.payload), facts: c.facts, actor: JSON.stringify(r.actor) })).not.toBe(c.json);
  });
});
