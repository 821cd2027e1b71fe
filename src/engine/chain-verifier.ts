/**
 * Recomputes the record's hash chain from the rows as they are stored now (no cache), so that any
 * changed, deleted or reordered row is found (R6), including a deleted last row: the decision row
 * keeps `last_seq` and `last_hash`.
 */
import type { Row, Tx, TransactionRunner } from '../database/transaction-runner';
import { listRecordsOf, type StoredRecord } from './procedure-store';
import { GENESIS_HASH, recordHash } from './record-hash';

export interface ChainResult {
  ok: boolean;
  events: number;
  brokenAtSeq?: number;
}

export interface AllChainsResult {
  ok: boolean;
  decisions: number;
  events: number;
  broken: Array<{ decisionId: string; seq: number }>;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('unparseable');
  }
}

/** The first seq whose hash, prevHash or position does not hold, or undefined when the chain is whole. */
export function verifyChain(records: readonly StoredRecord[], lastSeq: number, lastHash: string): ChainResult {
  let prev = GENESIS_HASH;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const expectedSeq = i + 1;
    const seq = Number(r.seq);
    if (seq !== expectedSeq) return { ok: false, events: records.length, brokenAtSeq: Math.min(seq, expectedSeq) };
    const hash = recordHash({
      decisionId: r.decision_id,
      seq,
      revision: Number(r.revision),
      type: r.type,
      payload: parse(r.payload),
      facts: parse(r.facts),
      actor: parse(r.actor),
      recordedAt: r.recorded_at,
      fromStage: r.from_stage,
      toStage: r.to_stage,
      prevHash: r.prev_hash,
    });
    if (r.prev_hash !== prev || r.hash !== hash) return { ok: false, events: records.length, brokenAtSeq: seq };
    prev = r.hash;
  }
  if (records.length !== lastSeq || prev !== lastHash) {
    // The tail was cut (or the decision row altered): the first seq that is not as the row says.
    return { ok: false, events: records.length, brokenAtSeq: Math.min(records.length + 1, lastSeq) || 1 };
  }
  return { ok: true, events: records.length };
}

export class ChainVerifier {
  constructor(private readonly runner: TransactionRunner) {}

  async verifyDecision(decisionId: string): Promise<ChainResult | undefined> {
    return this.runner.read(async (tx) => {
      const rows = await tx.query<{ last_seq: number; last_hash: string } & Row>('SELECT last_seq, last_hash FROM decision WHERE id = ?', [decisionId]);
      if (!rows.length) return undefined;
      const records = await listRecordsOf(tx, [decisionId]);
      return verifyChain(records, Number(rows[0].last_seq), rows[0].last_hash);
    });
  }

  /** Every decision, in pages so that memory stays flat however long the record grows. */
  async verifyAll(pageSize = 500): Promise<AllChainsResult> {
    const out: AllChainsResult = { ok: true, decisions: 0, events: 0, broken: [] };
    let after = '';
    for (;;) {
      const page = await this.runner.read((tx) => this.page(tx, after, pageSize));
      if (!page.decisions.length) break;
      const byDecision = new Map<string, StoredRecord[]>();
      for (const r of page.records) {
        let list = byDecision.get(r.decision_id);
        if (!list) byDecision.set(r.decision_id, (list = []));
        list.push(r);
      }
      for (const d of page.decisions) {
        const res = verifyChain(byDecision.get(d.id) ?? [], Number(d.last_seq), d.last_hash);
        out.decisions += 1;
        out.events += res.events;
        if (!res.ok) out.broken.push({ decisionId: d.id, seq: res.brokenAtSeq as number });
      }
      after = page.decisions[page.decisions.length - 1].id;
    }
    out.ok = out.broken.length === 0;
    return out;
  }

  private async page(tx: Tx, after: string, size: number) {
    const decisions = await tx.query<{ id: string; last_seq: number; last_hash: string } & Row>(
      'SELECT id, last_seq, last_hash FROM decision WHERE id > ? ORDER BY id LIMIT ?',
      [after, size],
    );
    const records = await listRecordsOf(
      tx,
      decisions.map((d) => d.id),
    );
    return { decisions, records };
  }
}
