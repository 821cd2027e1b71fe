import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The members of a record row that its hash covers (procedure.md, "The record's hash"). */
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

/** Lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of the record. */
export function recordHash(r: HashedRecord): string {
  const json = canonicalize({
    decisionId: r.decisionId,
    seq: r.seq,
    revision: r.revision,
    type: r.type,
    payload: r.payload,
    facts: r.facts,
    actor: r.actor,
    recordedAt: r.recordedAt,
    fromStage: r.fromStage,
    toStage: r.toStage,
    prevHash: r.prevHash,
  }) as string;
  return createHash('sha256').update(json, 'utf8').digest('hex');
}
