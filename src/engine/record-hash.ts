import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredRecord } from './procedure-store';

export const GENESIS_HASH = '0'.repeat(64);

/** The members of a record row that its hash covers (README, "The engine"). */
export interface HashedRecord {
  decisionId: string;
  seq: number;
  revision: number;
  type: string;
  payload: unknown;
  facts: unknown;
  actor: unknown;
  recordedAt: string;
  fromStage: string | null;
  toStage: string;
  prevHash: string;
}

/**
 * The record's canonical JSON (RFC 8785, JCS), with the canonical JSON of its three object members
 * on their own: the engine stores exactly these texts, so that a verifier can rebuild the canonical
 * record from the stored columns by concatenation, without parsing (see `storedRecordJson`).
 */
export interface CanonicalRecord {
  json: string;
  payload: string;
  facts: string;
  actor: string;
}

export function canonicalRecord(r: HashedRecord): CanonicalRecord {
  const payload = canonicalize(r.payload) as string;
  const facts = canonicalize(r.facts) as string;
  const actor = canonicalize(r.actor) as string;
  return { json: assemble(r, payload, facts, actor), payload, facts, actor };
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of the record. */
export function recordHash(r: HashedRecord): string {
  return sha256(canonicalRecord(r).json);
}

/** A record row's columns as stored (`payload`, `facts`, `actor`: JSON texts), without its hash. */
export type StoredRecordColumns = Omit<StoredRecord, 'hash'>;

/**
 * The canonical JSON of a stored row, assuming its three JSON columns hold canonical texts, as the
 * engine writes them. When that holds, its SHA-256 is the row's hash; when it does not (a row
 * written before the engine stored canonical texts, or a column rewritten), the hash differs and
 * the verifier falls back to parsing and canonicalizing — a mismatch of that is a broken chain.
 */
export function storedRecordJson(r: StoredRecordColumns): string {
  return assemble(
    { decisionId: r.decision_id, seq: Number(r.seq), revision: Number(r.revision), type: r.type, recordedAt: r.recorded_at, fromStage: r.from_stage, toStage: r.to_stage, prevHash: r.prev_hash },
    r.payload,
    r.facts,
    r.actor,
  );
}

/** One-shot `crypto.hash` (Node ≥ 20.12): several times faster than a `createHash` object per row. */
/**
 * A stored row's hash recomputed from its columns, chained to `prevHash` (the hash computed for the
 * row before): from the canonical texts as stored when they give the row's hash, otherwise parsed
 * and canonicalized, as the hash is defined (an older row, or a changed one).
 */
export function storedRowHash(r: StoredRecord, prevHash: string): string {
  if (r.prev_hash === prevHash) {
    const fast = sha256(storedRecordJson(r));
    if (fast === r.hash) return fast;
  }
  return recordHash({
    decisionId: r.decision_id,
    seq: Number(r.seq),
    revision: Number(r.revision),
    type: r.type,
    payload: parse(r.payload),
    facts: parse(r.facts),
    actor: parse(r.actor),
    recordedAt: r.recorded_at,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    prevHash,
  });
}

/** A column that is no JSON any more (a changed row) still hashes, to something else. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { unparseable: text };
  }
}

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** A number as JCS writes it: a safe integer is its decimal digits. */
const num = (n: number): string => (Number.isSafeInteger(n) ? String(n) : (canonicalize(n) as string));

/**
 * The members in JCS order (UTF-16 code units: actor, decisionId, facts, fromStage, payload,
 * prevHash, recordedAt, revision, seq, toStage, type), with the object members already canonical.
 */
function assemble(r: Omit<HashedRecord, 'payload' | 'facts' | 'actor'>, payload: string, facts: string, actor: string): string {
  const str = JSON.stringify;
  return (
    `{"actor":${actor},"decisionId":${str(r.decisionId)},"facts":${facts},"fromStage":${r.fromStage === null ? 'null' : str(r.fromStage)},` +
    `"payload":${payload},"prevHash":${str(r.prevHash)},"recordedAt":${str(r.recordedAt)},"revision":${num(r.revision)},` +
    `"seq":${num(r.seq)},"toStage":${str(r.toStage)},"type":${str(r.type)}}`
  );
}
