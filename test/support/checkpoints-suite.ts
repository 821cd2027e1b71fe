/**
 * Signed checkpoints of the record, through HTTP on a real database: made on demand, served to
 * anyone, each one's root, chain and signature checked here with code of the test's own
 * (RFC 6962 in test/support/rfc6962.ts, RFC 8785 from `canonicalize`, Ed25519 from node:crypto);
 * inclusion proofs checked the same way. Then an insider — with the database's own rights — rewrites
 * a record row and hashes every later row and the decision row again, and cuts another record
 * short: the chain verifier finds nothing, the kept checkpoints name both decisions and the seqs.
 */
import { createPublicKey, createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import type { Row, Tx } from '../../src/database/transaction-runner';
import { canonicalRecord, GENESIS_HASH, sha256 } from '../../src/engine/record-hash';
import { checkpointTriggers } from '../../src/database/migrations/1796000010000-checkpoints';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, type District } from './district';
import { asInsider } from './insider';
import { rfcLeafHash, rfcRoot, rfcVerifyInclusion } from './rfc6962';
import { createTestApp, expectProblem, type TestApp } from './test-app';

export interface KeptCheckpoint {
  seq: number;
  at: string;
  decisions: number;
  events: number;
  root: string;
  prevCheckpointHash: string;
  keyId: string;
  signature: string;
}

interface Mismatch {
  decisionId: string | null;
  checkpointSeq: number;
  firstDifferingSeq: number | null;
  intactUpToSeq: number | null;
  problem: string;
  reason: string;
}

/** What the signature covers: the canonical JSON of every member but the signature. */
export const signedText = (c: KeptCheckpoint): string => {
  const { signature: _signature, ...rest } = c;
  return canonicalize(rest) as string;
};
const hashOf = (c: KeptCheckpoint): string => createHash('sha256').update(canonicalize(c) as string).digest('hex');

/** The leaf data of a head, written out here: `{"decisionId":…,"hash":…,"seq":…}`. */
const leafJson = (decisionId: string, seq: number, hash: string): string => canonicalize({ decisionId, seq, hash }) as string;

/** Rewrites record row `seq` of a decision as an insider would, and hashes every row after it and the decision row again. */
export async function rewriteRow(tx: Tx, decisionId: string, seq: number, change: (payload: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const rows = await tx.query<Row>('SELECT * FROM procedure_record WHERE decision_id = ? ORDER BY seq', [decisionId]);
  let prev = seq > 1 ? (rows[seq - 2].hash as string) : GENESIS_HASH;
  for (const r of rows.slice(seq - 1)) {
    const payload = JSON.parse(r.payload as string) as Record<string, unknown>;
    const c = canonicalRecord({
      decisionId,
      seq: Number(r.seq),
      revision: Number(r.revision),
      type: r.type as string,
      payload: Number(r.seq) === seq ? change(payload) : payload,
      facts: JSON.parse(r.facts as string),
      actor: JSON.parse(r.actor as string),
      recordedAt: r.recorded_at as string,
      fromStage: r.from_stage as string | null,
      toStage: r.to_stage as string,
      prevHash: prev,
    });
    const hash = sha256(c.json);
    await tx.execute('UPDATE procedure_record SET payload = ?, prev_hash = ?, hash = ? WHERE decision_id = ? AND seq = ?', [c.payload, prev, hash, decisionId, r.seq]);
    prev = hash;
  }
  await tx.execute('UPDATE decision SET last_hash = ? WHERE id = ?', [prev, decisionId]);
}

/** Deletes the record rows of a decision from `seq` on, and makes the decision row agree with what is left. */
export async function cutRecord(tx: Tx, decisionId: string, seq: number): Promise<void> {
  await tx.execute('DELETE FROM procedure_record WHERE decision_id = ? AND seq >= ?', [decisionId, seq]);
  const [last] = await tx.query<Row>('SELECT seq, hash, to_stage FROM procedure_record WHERE decision_id = ? ORDER BY seq DESC LIMIT 1', [decisionId]);
  await tx.execute('UPDATE decision SET last_seq = ?, last_hash = ?, stage = ? WHERE id = ?', [last.seq, last.hash, last.to_stage, decisionId]);
}

/** A key file for the PostgreSQL apps (they generate none) and how to remove it. */
export function keyFileForPostgres(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-key-'));
  const file = join(dir, 'checkpoint-key.pem');
  writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function checkpointsSuite(postgres: boolean): void {
  describe(`signed checkpoints (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let f: DecisionFixture;
    let a: string;
    let b: string;
    let foreign: string;
    let key: { file: string; remove(): void } | undefined;
    const kept: KeptCheckpoint[] = [];

    const make = async (): Promise<KeptCheckpoint> => {
      const res = await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.auditor)).expect(201);
      return res.body as KeptCheckpoint;
    };
    const publicList = async (): Promise<KeptCheckpoint[]> => {
      const res = await t.http.get('/public/checkpoints?pageSize=500').expect(200);
      expect(res.headers['x-total-count']).toBe(String((res.body as unknown[]).length));
      return res.body as KeptCheckpoint[];
    };
    const verifyKept = (list: unknown[]) => t.http.post('/audit/checkpoints/verify').set(t.bearer(d.tokens.auditor)).send({ checkpoints: list });
    const heads = async () =>
      (await t.tx.read((tx) => tx.query<Row>('SELECT id, last_seq, last_hash FROM decision'))).map((r) => ({ id: r.id as string, seq: Number(r.last_seq), hash: r.last_hash as string }));

    beforeAll(async () => {
      if (postgres) {
        key = keyFileForPostgres();
        process.env.CHECKPOINT_KEY_FILE = key.file;
      }
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
      f = decisionFixture(t, d);
      a = await f.decision({ title: 'A', through: ['CATALOG_PUBLISHED'] });
      b = await f.decision({ title: 'B', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      foreign = await f.decision({ title: '后进区的决策', organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: ['CATALOG_PUBLISHED'] });
      // A checkpoint, then one after each step of A, as the hourly schedule would make them.
      kept.push(await make());
      for (const type of TO_REVIEW.slice(1, 6)) {
        await f.advance(a, [type]);
        kept.push(await make());
      }
    });
    afterAll(async () => {
      await t?.close();
      delete process.env.CHECKPOINT_KEY_FILE;
      key?.remove();
    });

    it('serves the checkpoints to anyone, oldest first, each chained to the one before and signed by a listed key', async () => {
      const list = await publicList();
      expect(list).toEqual(kept);
      expect(list.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const c of list) expect(Object.keys(c).sort()).toEqual(['at', 'decisions', 'events', 'keyId', 'prevCheckpointHash', 'root', 'seq', 'signature']);
      expect(list[0].prevCheckpointHash).toBe('0'.repeat(64));
      for (let i = 1; i < list.length; i++) expect(list[i].prevCheckpointHash).toBe(hashOf(list[i - 1]));

      const keys = (await t.http.get('/public/checkpoints/keys').expect(200)).body as Array<{ keyId: string; algorithm: string; publicKey: string }>;
      expect(keys[0]).toMatchObject({ algorithm: 'ed25519', keyId: list[0].keyId });
      const pub = createPublicKey(keys[0].publicKey);
      expect(createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex')).toBe(keys[0].keyId);
      for (const c of list) expect(verify(null, Buffer.from(signedText(c)), pub, Buffer.from(c.signature, 'base64'))).toBe(true);
      expect(list[5]).toMatchObject({ decisions: 3, events: 7 + 3 + 2 });
    });

    it('roots the last checkpoint in every decision’s chain head, in decision-id order (RFC 6962)', async () => {
      const leaves = (await heads()).sort((x, y) => (x.id < y.id ? -1 : 1)).map((h) => rfcLeafHash(leafJson(h.id, h.seq, h.hash)));
      expect(rfcRoot(leaves).toString('hex')).toBe(kept[5].root);
    });

    it('proves a decision’s head in a checkpoint with an audit path a verifier of its own accepts', async () => {
      for (const [checkpoint, seq] of [
        [1, 2],
        [4, 5],
        [6, 7],
      ] as const) {
        const proof = (await t.http.get(`/audit/decisions/${a}/proof?checkpoint=${checkpoint}`).set(t.bearer(d.tokens.auditor)).expect(200)).body as {
          checkpoint: KeptCheckpoint;
          leaf: { decisionId: string; seq: number; hash: string };
          leafIndex: number;
          treeSize: number;
          auditPath: string[];
          recordHolds: boolean;
        };
        expect(proof.checkpoint).toEqual(kept[checkpoint - 1]);
        expect(proof.leaf).toMatchObject({ decisionId: a, seq });
        expect(proof.treeSize).toBe(3);
        expect(proof.recordHolds).toBe(true);
        const leaf = rfcLeafHash(leafJson(a, proof.leaf.seq, proof.leaf.hash));
        expect(rfcVerifyInclusion(leaf, proof.leafIndex, proof.treeSize, proof.auditPath, kept[checkpoint - 1].root)).toBe(true);
        expect(rfcVerifyInclusion(rfcLeafHash(leafJson(a, proof.leaf.seq + 1, proof.leaf.hash)), proof.leafIndex, proof.treeSize, proof.auditPath, kept[checkpoint - 1].root)).toBe(false);
      }
      const latest = (await t.http.get(`/audit/decisions/${foreign}/proof`).set(t.bearer(d.tokens.auditor)).expect(200)).body as { checkpoint: KeptCheckpoint };
      expect(latest.checkpoint.seq).toBe(6);
      // An office proves its own organ's decisions; another organ's is not there for it; other roles may not.
      await t.http.get(`/audit/decisions/${a}/proof?checkpoint=2`).set(t.bearer(d.tokens.office)).expect(200);
      expectProblem(await t.http.get(`/audit/decisions/${foreign}/proof`).set(t.bearer(d.tokens.office)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/audit/decisions/${a}/proof`).set(t.bearer(d.tokens.department)), 403, 'FORBIDDEN_ROLE');
      expectProblem(await t.http.get(`/audit/decisions/${a}/proof?checkpoint=99`).set(t.bearer(d.tokens.auditor)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/audit/decisions/${a}/proof?checkpoint=0`).set(t.bearer(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
    });

    it('finds today’s database holding everything the kept checkpoints covered, and two of them consistent', async () => {
      expect((await verifyKept(kept).expect(200)).body).toMatchObject({ ok: true, checked: 6, decisions: 3, mismatches: [] });
      expect((await verifyKept([kept[0], kept[3], kept[5]]).expect(200)).body).toMatchObject({ ok: true, checked: 3, mismatches: [] });
      expect((await t.http.get('/audit/checkpoints/consistency?from=1&to=6').set(t.bearer(d.tokens.auditor)).expect(200)).body).toMatchObject({ ok: true, checked: 2 });
    });

    it('refuses a forged signature, an unknown key and a broken order with 422 naming the checkpoint, changing nothing', async () => {
      await t.unchanged(async () => {
        const forged = kept.map((c, i) => (i === 2 ? { ...c, root: c.root.replace(/^./, (x) => (x === '0' ? '1' : '0')) } : c));
        const bad = expectProblem(await verifyKept(forged), 422, 'CHECKPOINT_SIGNATURE_INVALID');
        expect(bad.detail).toContain('第 3 个检查点（序号 3）');
        // The next one no longer chains to it either: both are named.
        expect(bad.errors).toEqual([
          { field: 'checkpoints[2].signature', message: expect.stringContaining('签名不成立') as unknown },
          { field: 'checkpoints[3].prevCheckpointHash', message: expect.stringContaining('不是序号 3 的检查点的哈希值') as unknown },
        ]);

        const stranger = generateKeyPairSync('ed25519');
        const strangerId = createHash('sha256').update(stranger.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
        const resigned = { ...kept[1], keyId: strangerId, signature: '' };
        resigned.signature = sign(null, Buffer.from(signedText(resigned)), stranger.privateKey).toString('base64');
        const unknown = expectProblem(await verifyKept([kept[0], resigned]), 422, 'CHECKPOINT_KEY_UNKNOWN');
        expect(unknown.detail).toContain('第 2 个检查点（序号 2）');
        expect(unknown.errors).toEqual([expect.objectContaining({ field: 'checkpoints[1].keyId' })]);

        const swapped = expectProblem(await verifyKept([kept[0], kept[2], kept[1], kept[3]]), 422, 'CHECKPOINT_ORDER_BROKEN');
        expect(swapped.detail).toContain('第 3 个检查点（序号 2）');
        const repeated = expectProblem(await verifyKept([kept[0], kept[0]]), 422, 'CHECKPOINT_ORDER_BROKEN');
        expect(repeated.errors).toEqual([expect.objectContaining({ field: 'checkpoints[1].seq' })]);

        expectProblem(await verifyKept([]), 400, 'VALIDATION_FAILED');
        const shape = expectProblem(await verifyKept([{ ...kept[0], root: 'xyz' }]), 400, 'VALIDATION_FAILED');
        expect(shape.errors).toEqual([expect.objectContaining({ field: 'checkpoints[0].root' })]);
        expectProblem(await t.http.post('/audit/checkpoints/verify').set(t.bearer(d.tokens.office)).send({ checkpoints: kept }), 403, 'FORBIDDEN_ROLE');
        expectProblem(await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.office)), 403, 'FORBIDDEN_ROLE');
      });
    });

    it('names the decision an insider rewrote and the first differing seq, where the chain verifier finds nothing; a truncated record too', async () => {
      await asInsider(t, async (tx) => {
        // A's fifth row (the public comment opened), rewritten: every later hash and the decision row follow it.
        await rewriteRow(tx, a, 5, (p) => ({ ...p, channels: ['区政府门户网站（改写）'] }));
        // B's third row and what followed, gone; the decision row says it ends at 2.
        await cutRecord(tx, b, 3);
      });
      expect((await t.http.get('/audit/verify').set(t.bearer(d.tokens.auditor)).expect(200)).body).toMatchObject({ ok: true, broken: [] });

      const res = (await verifyKept(kept).expect(200)).body as { ok: boolean; mismatches: Mismatch[] };
      expect(res.ok).toBe(false);
      expect(res.mismatches).toHaveLength(2);
      expect(res.mismatches).toEqual(
        expect.arrayContaining([
          { decisionId: b, checkpointSeq: 1, firstDifferingSeq: 3, intactUpToSeq: 0, problem: 'missing', reason: expect.stringContaining('缺失') as unknown },
          // Checkpoint 4 was the first to cover A's fifth row; checkpoint 3 (A up to 4) still holds.
          { decisionId: a, checkpointSeq: 4, firstDifferingSeq: 5, intactUpToSeq: 4, problem: 'changed', reason: expect.stringContaining('改动') as unknown },
        ]),
      );

      // Fewer checkpoints kept narrow it down less: the change lies after seq 2 and at or before 7.
      const sparse = (await verifyKept([kept[0], kept[5]]).expect(200)).body as { mismatches: Mismatch[] };
      expect(sparse.mismatches.find((m) => m.decisionId === a)).toMatchObject({ checkpointSeq: 6, firstDifferingSeq: 7, intactUpToSeq: 2, problem: 'changed' });

      const proof = (await t.http.get(`/audit/decisions/${a}/proof?checkpoint=6`).set(t.bearer(d.tokens.auditor)).expect(200)).body as { recordHolds: boolean };
      expect(proof.recordHolds).toBe(false);

      // A checkpoint made now covers the rewritten record: it is not consistent with the ones before.
      const after = await make();
      const consistency = (await t.http.get(`/audit/checkpoints/consistency?from=4&to=${after.seq}`).set(t.bearer(d.tokens.auditor)).expect(200)).body as { ok: boolean; mismatches: Mismatch[] };
      expect(consistency.ok).toBe(false);
      expect(consistency.mismatches.map((m) => [m.decisionId, m.checkpointSeq, m.problem]).sort()).toEqual(
        [
          [a, 4, 'changed'],
          [b, 4, 'missing'],
        ].sort(),
      );
    });

    it('still names the checkpoint when the insider rewrites the stored leaves too', async () => {
      await t.tx.write(async (tx) => {
        const triggers = checkpointTriggers(tx.dialect);
        if (tx.dialect === 'postgres') await tx.execute('ALTER TABLE checkpoint_leaf DISABLE TRIGGER USER');
        else for (const tr of triggers) await tx.execute(tr.drop);
        const [head] = await tx.query<Row>('SELECT hash FROM procedure_record WHERE decision_id = ? AND seq = 7', [a]);
        await tx.execute('UPDATE checkpoint_leaf SET hash = ? WHERE decision_id = ? AND checkpoint_seq = 6', [head.hash, a]);
        if (tx.dialect === 'postgres') await tx.execute('ALTER TABLE checkpoint_leaf ENABLE TRIGGER USER');
        else for (const tr of triggers) await tx.execute(tr.create);
      });
      const res = (await verifyKept(kept).expect(200)).body as { mismatches: Mismatch[] };
      expect(res.mismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ decisionId: null, checkpointSeq: 6, problem: 'leaves' }),
          expect.objectContaining({ decisionId: a, checkpointSeq: 4, firstDifferingSeq: 5 }),
        ]),
      );
      expectProblem(await t.http.get(`/audit/decisions/${a}/proof?checkpoint=6`).set(t.bearer(d.tokens.auditor)), 409, 'CHECKPOINT_LEAVES_ALTERED');
    });
  });
}
