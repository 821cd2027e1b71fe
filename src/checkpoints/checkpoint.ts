/**
 * A checkpoint (signed tree head): what the record held at a moment, in 32 bytes that outsiders
 * keep. `root` is the Merkle root (merkle.ts) of every decision's chain head; `prevCheckpointHash`
 * chains it to the checkpoint before; the signature covers every other member.
 *
 * - signed bytes: the UTF-8 canonical JSON (RFC 8785) of the checkpoint without `signature`:
 *   `{"at":…,"decisions":…,"events":…,"keyId":…,"prevCheckpointHash":…,"root":…,"seq":…}`;
 * - `signature`: base64 of the Ed25519 signature (64 bytes), or of the SM2 signature (DER
 *   SEQUENCE of r and s, SM3 with the default identifier 1234567812345678);
 * - a checkpoint's hash (the next one's `prevCheckpointHash`): SHA-256 of the canonical JSON of
 *   the whole checkpoint, signature included, in hex; the first one's is 64 zeros.
 */
import canonicalize from 'canonicalize';
import { GENESIS_HASH, sha256 } from '../engine/record-hash';

export interface Checkpoint {
  seq: number;
  /** When the heads were read (ISO-8601 UTC). */
  at: string;
  /** Decisions covered: the tree's leaves. */
  decisions: number;
  /** Record rows covered: the sum of the heads' seqs. */
  events: number;
  /** Merkle root, hex. */
  root: string;
  prevCheckpointHash: string;
  keyId: string;
  /** base64. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature'>;

/** The `prevCheckpointHash` of checkpoint 1. */
export const FIRST_PREV_HASH = GENESIS_HASH;

/** The bytes the signature covers. */
export function signedBytes(c: UnsignedCheckpoint): Buffer {
  const { seq, at, decisions, events, root, prevCheckpointHash, keyId } = c;
  return Buffer.from(canonicalize({ seq, at, decisions, events, root, prevCheckpointHash, keyId }) as string, 'utf8');
}

/** SHA-256 of the checkpoint's canonical JSON: the next checkpoint's `prevCheckpointHash`. */
export function checkpointHash(c: Checkpoint): string {
  const { seq, at, decisions, events, root, prevCheckpointHash, keyId, signature } = c;
  return sha256(canonicalize({ seq, at, decisions, events, root, prevCheckpointHash, keyId, signature }) as string);
}
