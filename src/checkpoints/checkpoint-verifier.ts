/**
 * Whether today's database still holds exactly what each kept checkpoint covered (README,
 * "Checkpoints"). The verdict rests on the signed roots, never on what the database says it signed:
 *
 * 1. The list itself: every checkpoint signed by a known key, in order, each chained to the one
 *    before where both are in the list (`checkKeptList`, a 422 naming the checkpoint otherwise).
 * 2. Hash again: every record row of every decision the checkpoints cover, from the stored columns,
 *    each chained to the hash computed for the row before (not to the `prev_hash` stored), up to the
 *    highest seq covered; the hash at each covered seq is compared with the leaf stored for it.
 * 3. Rebuild each kept checkpoint's root from its stored leaves. If it is the signed root, the
 *    stored leaves are what was signed, and every leaf whose recomputed head differs names its
 *    decision (`changed`, or `missing` where the rows end or skip a seq before the covered seq). If
 *    it is not, the stored leaves were changed too: the root is built from the recomputed heads
 *    instead; if that gives the signed root, the record holds (only the copy of the leaves was
 *    changed), otherwise the checkpoint is reported as `leaves`, without a decision to name.
 *
 * For each decision, the earliest kept checkpoint whose signed head no longer holds is reported,
 * with `firstDifferingSeq`, the seq it covered (for `missing`: the first seq missing) and
 * `intactUpToSeq`, the highest seq of the decision whose signed head still holds: the changed row
 * lies after the one and at or before the other; with a checkpoint between every two steps, it is
 * `firstDifferingSeq` itself. A hash chain can tell no more: whoever rewrote a row and hashed every
 * later one again left no trace of which row it was, other than in the heads signed before.
 */
import { DomainError } from '../common/errors/domain-error';
import { GENESIS_HASH, storedRowHash } from '../engine/record-hash';
import type { StoredRecord } from '../engine/procedure-store';
import type { TransactionRunner } from '../database/transaction-runner';
import { checkpointHash, FIRST_PREV_HASH, signedBytes, type Checkpoint } from './checkpoint';
import type { VerifyingKey } from './checkpoint-keys';
import {
  byId,
  checkpointsBetween,
  coveredDecisions,
  leafRowsInOrder,
  leafRowsOf,
  recordRows,
  wholeRows,
  type LeafRow,
  type RecordRowRead,
} from './checkpoint-store';
import { leafHash, merkleRoot, MerkleLevels } from './merkle';

export type MismatchProblem = 'changed' | 'missing' | 'regressed' | 'leaves' | 'checkpoint';

/** What each problem means, for the person reading the answer. */
export const MISMATCH_TEXT: Record<MismatchProblem, string> = {
  changed: '检查点签名时该决策事项的记录已不复原样：按现存记录重新计算，所覆盖序号处的哈希值与签名的链头不同，其间的记录已被改动（并重算了其后的哈希值）',
  missing: '检查点所覆盖的记录已缺失：现存记录在所覆盖的序号之前就中断或者结束，记录已被删除',
  regressed: '较新的检查点覆盖该决策事项的记录少于较早的检查点：较早检查点覆盖的记录在其后被删除或者改动过',
  leaves: '数据库中该检查点的叶子（各决策事项的链头）与签名的根哈希不符，按现存记录重算也不符：记录和叶子都已被改动，无法据此指出是哪一件决策事项',
  checkpoint: '数据库中没有这一检查点，或者与所保存的副本不同：检查点已被删除或者替换',
};

export interface Mismatch {
  /** null when the checkpoint as a whole does not hold (`leaves`, `checkpoint`). */
  decisionId: string | null;
  /** The earliest kept checkpoint whose signed head of the decision no longer holds. */
  checkpointSeq: number;
  /** The seq that checkpoint covered (`missing`: the first seq missing); null for a whole checkpoint. */
  firstDifferingSeq: number | null;
  /** The highest seq of the decision whose signed head still holds (0: none); null for a whole checkpoint. */
  intactUpToSeq: number | null;
  problem: MismatchProblem;
  reason: string;
}

export interface CheckpointVerification {
  ok: boolean;
  /** Kept checkpoints checked. */
  checked: number;
  /** Decisions they cover. */
  decisions: number;
  /** Record rows hashed again. */
  events: number;
  mismatches: Mismatch[];
}

/** A problem of the kept list itself, naming the checkpoint by its place in the list. */
export interface ListProblem {
  code: 'CHECKPOINT_KEY_UNKNOWN' | 'CHECKPOINT_SIGNATURE_INVALID' | 'CHECKPOINT_ORDER_BROKEN';
  index: number;
  field: string;
  message: string;
}

/** Keys known, signatures good, seqs ascending, each chained to the one before where both are kept. */
export function checkKeptList(list: readonly Checkpoint[], keys: readonly VerifyingKey[]): ListProblem[] {
  const byKeyId = new Map(keys.map((k) => [k.keyId, k]));
  const problems: ListProblem[] = [];
  list.forEach((c, i) => {
    const name = `第 ${i + 1} 个检查点（序号 ${c.seq}）`;
    const key = byKeyId.get(c.keyId);
    if (!key) {
      problems.push({
        code: 'CHECKPOINT_KEY_UNKNOWN',
        index: i,
        field: `checkpoints[${i}].keyId`,
        message: `${name}由未知的密钥签名（keyId ${c.keyId}）：本系统的公钥（GET /public/checkpoints/keys）中没有它；轮换前的公钥须放在 CHECKPOINT_PUBLIC_KEYS_DIR 中`,
      });
    } else if (!key.verify(signedBytes(c), Buffer.from(c.signature, 'base64'))) {
      problems.push({
        code: 'CHECKPOINT_SIGNATURE_INVALID',
        index: i,
        field: `checkpoints[${i}].signature`,
        message: `${name}的签名不成立：检查点的内容在签名后被改动，或者签名不是用 keyId 所指的私钥作出的`,
      });
    }
    const before = list[i - 1];
    if (before && c.seq <= before.seq) {
      problems.push({ code: 'CHECKPOINT_ORDER_BROKEN', index: i, field: `checkpoints[${i}].seq`, message: `${name}排在序号 ${before.seq} 之后：检查点须按序号从小到大排列，且不得重复` });
    } else if (before && c.seq === before.seq + 1 && c.prevCheckpointHash !== checkpointHash(before)) {
      problems.push({
        code: 'CHECKPOINT_ORDER_BROKEN',
        index: i,
        field: `checkpoints[${i}].prevCheckpointHash`,
        message: `${name}的 prevCheckpointHash 不是序号 ${before.seq} 的检查点的哈希值：两者不在同一条检查点链上，或者其中之一被改动`,
      });
    } else if (c.seq === 1 && c.prevCheckpointHash !== FIRST_PREV_HASH) {
      problems.push({ code: 'CHECKPOINT_ORDER_BROKEN', index: i, field: `checkpoints[${i}].prevCheckpointHash`, message: `${name}是第一个检查点，其 prevCheckpointHash 须为 64 个 0` });
    }
  });
  return problems;
}

/** 422 naming the first checkpoint of the list that is not sound (every problem in `errors`). */
export function assertSoundList(list: readonly Checkpoint[], keys: readonly VerifyingKey[]): void {
  const problems = checkKeptList(list, keys);
  if (!problems.length) return;
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题，见 errors）` : '';
  throw new DomainError(422, problems[0].code, `所提交的检查点不能用于核验：${problems[0].message}${more}。`, {
    errors: problems.map((p) => ({ field: p.field, message: p.message })),
  });
}

/** A stored leaf whose head today's record does not give. */
interface BadLeaf {
  problem: 'changed' | 'missing';
  firstDifferingSeq: number;
  /** The head today's rows give at the covered seq (`changed`). */
  recomputed?: string;
}

const leafKey = (checkpointSeq: number, decisionId: string) => `${checkpointSeq}\n${decisionId}`;


/** The hash of a row whose predecessor's hash (computed, not stored) is `prev`. */
const rowHash = (r: StoredRecord, prev: string): string => storedRowHash(r, prev);

export interface VerifierOptions {
  /** Decisions hashed again per page (default 500). */
  decisionsPerPage?: number;
  /** Record rows read at once (default 2,000). */
  rowsPerBatch?: number;
}

export class CheckpointVerifier {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly opts: VerifierOptions = {},
  ) {}

  /** `kept`: a list that passed `checkKeptList`. */
  async verify(kept: readonly Checkpoint[]): Promise<CheckpointVerification> {
    if (!kept.length) return { ok: true, checked: 0, decisions: 0, events: 0, mismatches: [] };
    const upTo = kept[kept.length - 1].seq;
    const hashed = await this.hashAgain(upTo);
    const mismatches = await this.replay(kept, hashed.bad);
    mismatches.sort((a, b) => a.checkpointSeq - b.checkpointSeq || byId(a.decisionId ?? '', b.decisionId ?? ''));
    return { ok: mismatches.length === 0, checked: kept.length, decisions: hashed.decisions, events: hashed.events, mismatches };
  }

  /**
   * Step 2: every decision with a leaf up to checkpoint `upTo`, a page at a time; each one's rows
   * hashed again up to its highest covered seq and compared with its stored leaves.
   */
  private async hashAgain(upTo: number): Promise<{ bad: Map<string, BadLeaf>; decisions: number; events: number }> {
    const perPage = this.opts.decisionsPerPage ?? 500;
    const perBatch = this.opts.rowsPerBatch ?? 2_000;
    const bad = new Map<string, BadLeaf>();
    let decisions = 0;
    let events = 0;
    let after = '';
    for (;;) {
      const ids = await this.runner.read((tx) => coveredDecisions(tx, upTo, after, perPage));
      if (!ids.length) break;
      after = ids[ids.length - 1];
      decisions += ids.length;
      const leaves = await this.runner.read((tx) => leafRowsOf(tx, ids, upTo));
      const walks = new Map<string, Walk>();
      for (const l of leaves) {
        if (l.hash === null) continue;
        let w = walks.get(l.decisionId);
        if (!w) walks.set(l.decisionId, (w = new Walk()));
        w.need(l);
      }
      for (const w of walks.values()) w.ready();
      const dialect = this.runner.dialect;
      let cursor = { decisionId: dialect === 'sqlite' ? ids[0] : '', seq: 0 };
      for (;;) {
        const batch: RecordRowRead[] = await this.runner.read((tx) => recordRows(tx, ids, cursor, perBatch));
        for (const read of batch) {
          const w = walks.get(read.row.decision_id);
          if (!w || w.done) continue;
          events += 1;
          await w.feed(read, (key) => this.runner.read((tx) => wholeRows(tx, [key])).then((rows) => rows[0]));
        }
        if (batch.length < perBatch) break;
        const last = batch[batch.length - 1].row;
        cursor = { decisionId: last.decision_id, seq: Number(last.seq) };
      }
      for (const w of walks.values()) w.finish(bad);
    }
    return { bad, decisions, events };
  }

  /**
   * Step 3: the stored leaves replayed in the order checkpoints were made; at each kept checkpoint
   * the tree is brought up to date where it changed and its root compared with the signed one.
   */
  private async replay(kept: readonly Checkpoint[], bad: Map<string, BadLeaf>): Promise<Mismatch[]> {
    const upTo = kept[kept.length - 1].seq;
    const stored = new Map((await this.runner.read((tx) => checkpointsBetween(tx, kept[0].seq, upTo))).map((c) => [c.seq, c]));
    const mismatches: Mismatch[] = [];
    const reported = new Set<string>();
    const report = (decisionId: string, checkpointSeq: number, problem: MismatchProblem, firstDifferingSeq: number | null, intactUpToSeq: number | null) => {
      if (reported.has(decisionId)) return;
      reported.add(decisionId);
      mismatches.push({ decisionId, checkpointSeq, firstDifferingSeq, intactUpToSeq, problem, reason: MISMATCH_TEXT[problem] });
    };

    // The leaves as stored, in the tree's order, and the tree over them.
    let ids: string[] = [];
    const position = new Map<string, number>();
    const current = new Map<string, { seq: number; hash: string; checkpointSeq: number }>();
    const hashes: Buffer[] = [];
    const tree = new MerkleLevels();
    // Changed since the last kept checkpoint: in place, added, gone.
    const changed = new Set<string>();
    const added = new Set<string>();
    const gone = new Set<string>();
    // Since the last checkpoint whose stored leaves were confirmed by its signed root.
    const changedSinceConfirmed = new Set<string>();
    const goneSinceConfirmed = new Set<string>();
    const intactUpTo = new Map<string, number>();
    const confirmedSeq = new Map<string, number>();
    const currentBad = new Map<string, BadLeaf>();

    const apply = (r: LeafRow) => {
      const had = current.has(r.decisionId);
      if (r.hash === null) {
        if (!had) return;
        current.delete(r.decisionId);
        currentBad.delete(r.decisionId);
        if (added.has(r.decisionId)) added.delete(r.decisionId);
        else gone.add(r.decisionId);
        changed.delete(r.decisionId);
        changedSinceConfirmed.delete(r.decisionId);
        goneSinceConfirmed.add(r.decisionId);
        return;
      }
      current.set(r.decisionId, { seq: r.seq, hash: r.hash, checkpointSeq: r.checkpointSeq });
      const b = bad.get(leafKey(r.checkpointSeq, r.decisionId));
      if (b) currentBad.set(r.decisionId, b);
      else currentBad.delete(r.decisionId);
      if (!had) {
        if (gone.has(r.decisionId)) {
          gone.delete(r.decisionId);
          changed.add(r.decisionId);
        } else added.add(r.decisionId);
      } else if (!added.has(r.decisionId)) changed.add(r.decisionId);
      changedSinceConfirmed.add(r.decisionId);
      goneSinceConfirmed.delete(r.decisionId);
    };

    const leafOf = (id: string) => {
      const c = current.get(id) as { seq: number; hash: string };
      return leafHash({ decisionId: id, seq: c.seq, hash: c.hash });
    };

    const evaluate = (k: Checkpoint) => {
      let from = ids.length;
      if (added.size || gone.size) {
        // Merge the added ids into the order, without the gone ones; everything from the first
        // place that moved is computed again.
        const fresh = [...added].sort(byId);
        const merged: string[] = [];
        let i = 0;
        let j = 0;
        while (i < ids.length || j < fresh.length) {
          if (j >= fresh.length || (i < ids.length && byId(ids[i], fresh[j]) < 0)) {
            if (!gone.has(ids[i])) merged.push(ids[i]);
            else from = Math.min(from, merged.length);
            i++;
          } else {
            from = Math.min(from, merged.length);
            merged.push(fresh[j++]);
          }
        }
        ids = merged;
        hashes.length = Math.min(hashes.length, from);
        for (let p = from; p < ids.length; p++) {
          position.set(ids[p], p);
          hashes[p] = leafOf(ids[p]);
        }
        for (const id of gone) position.delete(id);
      }
      const dirty: number[] = [];
      for (const id of changed) {
        const p = position.get(id) as number;
        if (p < from) {
          hashes[p] = leafOf(id);
          dirty.push(p);
        }
      }
      const root = tree.update(hashes, dirty, from).toString('hex');
      changed.clear();
      added.clear();
      gone.clear();

      const inDb = stored.get(k.seq);
      if (!inDb || inDb.signature !== k.signature || inDb.root !== k.root) {
        mismatches.push({ decisionId: null, checkpointSeq: k.seq, firstDifferingSeq: null, intactUpToSeq: null, problem: 'checkpoint', reason: MISMATCH_TEXT.checkpoint });
      }

      if (root === k.root) {
        // The stored leaves are what was signed: each one today's record does not give is named.
        for (const [id, b] of currentBad) report(id, k.seq, b.problem, b.firstDifferingSeq, intactUpTo.get(id) ?? 0);
        for (const id of changedSinceConfirmed) {
          const c = current.get(id) as { seq: number };
          const before = confirmedSeq.get(id);
          if (before !== undefined && c.seq < before && !currentBad.has(id)) report(id, k.seq, 'regressed', c.seq + 1, c.seq);
          if (!currentBad.has(id)) intactUpTo.set(id, Math.max(intactUpTo.get(id) ?? 0, c.seq));
          confirmedSeq.set(id, c.seq);
        }
        for (const id of goneSinceConfirmed) if (confirmedSeq.has(id)) report(id, k.seq, 'regressed', null, intactUpTo.get(id) ?? 0);
        changedSinceConfirmed.clear();
        goneSinceConfirmed.clear();
        return;
      }
      // The stored leaves are not what was signed: the root of today's heads at the covered seqs.
      const recomputable = [...currentBad.values()].every((b) => b.problem === 'changed');
      if (currentBad.size && recomputable) {
        const heads = ids.map((id, p) => {
          const b = currentBad.get(id);
          return b ? leafHash({ decisionId: id, seq: (current.get(id) as { seq: number }).seq, hash: b.recomputed as string }) : hashes[p];
        });
        if (merkleRoot(heads).toString('hex') === k.root) return;
      }
      mismatches.push({ decisionId: null, checkpointSeq: k.seq, firstDifferingSeq: null, intactUpToSeq: null, problem: 'leaves', reason: MISMATCH_TEXT.leaves });
    };

    let next = 0;
    let cursor = { checkpointSeq: 0, decisionId: '' };
    const perBatch = 5_000;
    for (;;) {
      const rows = await this.runner.read((tx) => leafRowsInOrder(tx, upTo, cursor, perBatch));
      for (const r of rows) {
        while (next < kept.length && r.checkpointSeq > kept[next].seq) evaluate(kept[next++]);
        apply(r);
      }
      if (rows.length < perBatch) break;
      const last = rows[rows.length - 1];
      cursor = { checkpointSeq: last.checkpointSeq, decisionId: last.decisionId };
    }
    while (next < kept.length) evaluate(kept[next++]);
    return mismatches;
  }
}

/**
 * One decision's chain hashed again, fed its rows in seq order: the hash at each covered seq is
 * compared with the leaves stored for that seq.
 */
class Walk {
  private readonly needs: LeafRow[] = [];
  private readonly bad: Array<{ leaf: LeafRow; b: BadLeaf }> = [];
  private at = 0;
  private expected = 1;
  private prev = GENESIS_HASH;
  private maxSeq = 0;
  done = false;

  need(l: LeafRow): void {
    this.needs.push(l);
  }

  ready(): void {
    this.needs.sort((a, b) => a.seq - b.seq);
    this.maxSeq = this.needs.length ? this.needs[this.needs.length - 1].seq : 0;
    this.settle();
  }

  async feed(read: RecordRowRead, whole: (key: { decisionId: string; seq: number }) => Promise<StoredRecord | undefined>): Promise<void> {
    const seq = Number(read.row.seq);
    if (seq !== this.expected) {
      this.done = true;
      return;
    }
    let hash: string;
    if (read.computed !== undefined) {
      // PostgreSQL computed the hash of the stored columns: it holds when the row chains to the hash computed before it.
      if (read.computed === read.row.hash && read.row.prev_hash === this.prev) hash = read.computed;
      else {
        const row = await whole({ decisionId: read.row.decision_id, seq });
        if (!row) {
          this.done = true;
          return;
        }
        hash = rowHash(row, this.prev);
      }
    } else hash = rowHash(read.row, this.prev);
    this.prev = hash;
    this.expected += 1;
    this.settle();
    if (this.expected > this.maxSeq) this.done = true;
  }

  /** Compares the hash at the seq just reached (0 before the first row) with the leaves stored for it. */
  private settle(): void {
    const reached = this.expected - 1;
    while (this.at < this.needs.length && this.needs[this.at].seq <= reached) {
      const l = this.needs[this.at++];
      if (l.hash !== this.prev) this.bad.push({ leaf: l, b: { problem: 'changed', firstDifferingSeq: l.seq, recomputed: this.prev } });
    }
  }

  /** Leaves beyond the rows there are: missing from the first seq that is not there. */
  finish(out: Map<string, BadLeaf>): void {
    for (const { leaf, b } of this.bad) out.set(leafKey(leaf.checkpointSeq, leaf.decisionId), b);
    for (let i = this.at; i < this.needs.length; i++) {
      const l = this.needs[i];
      out.set(leafKey(l.checkpointSeq, l.decisionId), { problem: 'missing', firstDifferingSeq: this.expected });
    }
  }
}
