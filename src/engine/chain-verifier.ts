/**
 * Recomputes the record's hash chain from the rows as they are stored now (no cache), so that any
 * changed, deleted or reordered row is found (R6), including a deleted last row (the decision row
 * keeps `last_seq` and `last_hash`) and a decision whose stage is not where its last record row
 * left it.
 */
import type { Row, Tx, TransactionRunner } from '../database/transaction-runner';
import { listRecordsOf, RECORD_COLUMNS, toStoredRecord, type StoredRecord } from './procedure-store';
import { GENESIS_HASH, storedRowHash } from './record-hash';

/**
 * What is wrong at the first broken seq:
 * - `hash`: the row's content no longer gives its hash, or its prevHash is not the hash before it (changed);
 * - `sequence`: a seq is missing or out of place (a row deleted or reordered in the middle);
 * - `tail`: the record ends before, or not with, what the decision row says it ends with (last rows deleted, or the decision row altered);
 * - `stage`: the decision's stage is not the stage its last record row went to.
 */
export type ChainProblem = 'hash' | 'sequence' | 'tail' | 'stage';

export interface ChainResult {
  ok: boolean;
  events: number;
  brokenAtSeq?: number;
  problem?: ChainProblem;
}

export interface BrokenChain {
  decisionId: string;
  seq: number;
  problem: ChainProblem;
}

export interface AllChainsResult {
  ok: boolean;
  decisions: number;
  events: number;
  broken: BrokenChain[];
}

/** What the verifier needs of a decision row. */
interface ChainHead {
  id: string;
  last_seq: number;
  last_hash: string;
  stage: string;
}

/** One decision's chain, fed its rows in seq order: keeps only the running state, never the rows. */
class ChainWalk {
  private prev = GENESIS_HASH;
  private count = 0;
  private lastToStage: string | null = null;
  private failure?: { seq: number; problem: ChainProblem };

  constructor(private readonly head: ChainHead) {}

  /** `computed`: the SHA-256 of the row's stored columns as `storedRecordJson` joins them, when the database computed it. */
  feed(r: StoredRecord, computed?: string): void {
    this.count += 1;
    if (this.failure) return;
    const expectedSeq = this.count;
    const seq = Number(r.seq);
    if (seq !== expectedSeq) {
      this.failure = { seq: Math.min(seq, expectedSeq), problem: 'sequence' };
      return;
    }
    // Rows the engine wrote hold canonical texts: their hash comes from the columns as they are
    // (or, on PostgreSQL, was computed so by the database); otherwise the row is parsed again.
    const hash = computed !== undefined && computed === r.hash ? computed : storedRowHash(r, r.prev_hash);
    if (r.prev_hash !== this.prev || r.hash !== hash) {
      this.failure = { seq, problem: 'hash' };
      return;
    }
    this.prev = r.hash;
    this.lastToStage = r.to_stage;
  }

  result(): ChainResult {
    const events = this.count;
    if (this.failure) return { ok: false, events, brokenAtSeq: this.failure.seq, problem: this.failure.problem };
    const lastSeq = Number(this.head.last_seq);
    if (events !== lastSeq || this.prev !== this.head.last_hash) {
      // The tail was cut (or the decision row altered): the first seq that is not as the row says.
      return { ok: false, events, brokenAtSeq: Math.min(events + 1, lastSeq) || 1, problem: 'tail' };
    }
    if (this.lastToStage !== null && this.lastToStage !== this.head.stage) return { ok: false, events, brokenAtSeq: events, problem: 'stage' };
    return { ok: true, events };
  }
}

/** The first seq whose hash, prevHash or position does not hold, or that the decision row contradicts. */
export function verifyChain(records: readonly StoredRecord[], lastSeq: number, lastHash: string, stage?: string): ChainResult {
  const walk = new ChainWalk({ id: records[0]?.decision_id ?? '', last_seq: lastSeq, last_hash: lastHash, stage: stage ?? records[records.length - 1]?.to_stage ?? '' });
  for (const r of records) walk.feed(r);
  return walk.result();
}


export interface VerifyAllOptions {
  /** Only the decisions of these organs (null or absent: every decision). */
  organIds?: string[] | null;
  /** Decisions per page (default 500). */
  decisionsPerPage?: number;
  /** Record rows read at once (default 2,000): memory holds one such batch, whatever the record's size. */
  rowsPerBatch?: number;
  /** Told after each page what has been verified so far (the command line's progress). */
  onPage?: (sofar: { decisions: number; events: number; broken: number }) => void;
}

export class ChainVerifier {
  constructor(private readonly runner: TransactionRunner) {}

  async verifyDecision(decisionId: string): Promise<ChainResult | undefined> {
    return this.runner.read(async (tx) => {
      const rows = await tx.query<ChainHead & Row>('SELECT id, last_seq, last_hash, stage FROM decision WHERE id = ?', [decisionId]);
      if (!rows.length) return undefined;
      const records = await listRecordsOf(tx, [decisionId]);
      return verifyChain(records, Number(rows[0].last_seq), rows[0].last_hash, rows[0].stage);
    });
  }

  /**
   * Every decision (of the organs asked for), in id order, a page of decisions at a time and their
   * record rows in batches read by key (decision, seq): memory stays flat however long the record
   * grows, and each read is short, so that steps go on while it runs.
   */
  async verifyAll(opts: VerifyAllOptions = {}): Promise<AllChainsResult> {
    const out: AllChainsResult = { ok: true, decisions: 0, events: 0, broken: [] };
    if (opts.organIds && opts.organIds.length === 0) return out;
    const perPage = opts.decisionsPerPage ?? 500;
    const perBatch = opts.rowsPerBatch ?? 2_000;
    // The next read is asked for before the rows in hand are hashed: on PostgreSQL the database
    // works while this process hashes (SQLite reads are synchronous and gain nothing, lose nothing).
    // A read asked for ahead is marked handled at once: should the walk stop on an error first, its
    // own failure must not surface later as an unhandled rejection.
    const ahead = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
    const readHeads = (after: string) => ahead(this.runner.read((tx) => this.heads(tx, after, perPage, opts.organIds ?? null)));
    const readRows = (ids: string[], cursor?: { decisionId: string; seq: number }) => ahead(this.runner.read((tx) => this.records(tx, ids, cursor, perBatch)));
    let nextHeads = readHeads('');
    for (;;) {
      const heads = await nextHeads;
      if (!heads.length) break;
      nextHeads = readHeads(heads[heads.length - 1].id);
      const walks = new Map(heads.map((h) => [h.id, new ChainWalk(h)]));
      const ids = heads.map((h) => h.id);
      let nextRows = readRows(ids);
      for (;;) {
        const batch = await nextRows;
        const full = batch.length === perBatch;
        if (full) {
          const last = batch[batch.length - 1];
          nextRows = readRows(ids, { decisionId: last.row.decision_id, seq: Number(last.row.seq) });
        }
        // Rows of decisions outside the page (another organ's, between two of the page's ids) are passed over.
        for (const { row, computed } of batch) walks.get(row.decision_id)?.feed(row, computed);
        if (!full) break;
      }
      for (const h of heads) {
        const res = (walks.get(h.id) as ChainWalk).result();
        out.decisions += 1;
        out.events += res.events;
        if (!res.ok) out.broken.push({ decisionId: h.id, seq: res.brokenAtSeq as number, problem: res.problem as ChainProblem });
      }
      opts.onPage?.({ decisions: out.decisions, events: out.events, broken: out.broken.length });
    }
    out.ok = out.broken.length === 0;
    return out;
  }

  private heads(tx: Tx, after: string, size: number, organIds: string[] | null): Promise<ChainHead[]> {
    const organs = organIds ? ` AND organ_id IN (${organIds.map(() => '?').join(', ')})` : '';
    return tx.query<ChainHead & Row>(`SELECT id, last_seq, last_hash, stage FROM decision WHERE id > ?${organs} ORDER BY id LIMIT ?`, [after, ...(organIds ?? []), size]);
  }

  /**
   * The next rows of these decisions (ids in order) after the cursor, in (decision, seq) order: a
   * range of the primary key from the cursor on, so that each batch starts where the last one ended.
   */
  private async records(tx: Tx, ids: string[], cursor: { decisionId: string; seq: number } | undefined, limit: number): Promise<HashedRow[]> {
    const from = cursor ?? { decisionId: ids[0], seq: 0 };
    const range = 'FROM procedure_record WHERE (decision_id, seq) > (?, ?) AND decision_id <= ? ORDER BY decision_id, seq LIMIT ?';
    const params = [from.decisionId, from.seq, ids[ids.length - 1], limit];
    if (tx.dialect === 'sqlite') return (await tx.values(`SELECT ${RECORD_COLUMNS} ${range}`, params)).map((v) => ({ row: toStoredRecord(v) }));
    // PostgreSQL joins and hashes each row itself (on its own processor, and a tenth of the bytes
    // cross the wire); a row whose hash differs is read whole and checked here, as on SQLite.
    const rows = (await tx.values(`SELECT ${PG_HASH_COLUMNS} ${range}`, params)).map(([decisionId, seq, prevHash, hash, toStage, computed]) => ({
      row: { decision_id: decisionId, seq, prev_hash: prevHash, hash, to_stage: toStage } as StoredRecord,
      computed: computed as string,
    }));
    const differing = rows.filter((r) => r.computed !== r.row.hash);
    if (!differing.length) return rows;
    const whole = new Map(
      (await tx.values(`SELECT ${RECORD_COLUMNS} FROM procedure_record WHERE ${differing.map(() => '(decision_id = ? AND seq = ?)').join(' OR ')}`, differing.flatMap((r) => [r.row.decision_id, r.row.seq])))
        .map(toStoredRecord)
        .map((r) => [`${r.decision_id}/${Number(r.seq)}`, r]),
    );
    return rows.map((r) => (r.computed === r.row.hash ? r : { row: whole.get(`${r.row.decision_id}/${Number(r.row.seq)}`) ?? r.row }));
  }
}

/** A record row as read for verification, with its hash when the database computed it. */
interface HashedRow {
  row: StoredRecord;
  computed?: string;
}

/**
 * On PostgreSQL: the SHA-256 of the text `storedRecordJson` builds (record-hash.ts), built in SQL
 * from the same columns. The short members are JSON strings (`to_json` escapes as JSON.stringify
 * does); the three object members are stored canonical and go in as they are.
 */
export const PG_HASH_COLUMNS = `decision_id, seq, prev_hash, hash, to_stage, encode(pg_catalog.sha256(convert_to(
  '{"actor":' || actor || ',"decisionId":' || to_json(decision_id)::text || ',"facts":' || facts ||
  ',"fromStage":' || coalesce(to_json(from_stage)::text, 'null') || ',"payload":' || payload ||
  ',"prevHash":' || to_json(prev_hash)::text || ',"recordedAt":' || to_json(recorded_at)::text ||
  ',"revision":' || revision::text || ',"seq":' || seq::text || ',"toStage":' || to_json(to_stage)::text ||
  ',"type":' || to_json(type)::text || '}', 'UTF8')), 'hex') AS computed`;

