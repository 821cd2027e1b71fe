/**
 * What is kept of a refused request's payload. A refusal is stored so that an auditor can see who
 * tried what; it need not keep a megabyte of text to show that. The payload's JSON is kept whole up
 * to REFUSED_PAYLOAD_MAX_BYTES, and otherwise as its first bytes (cut where a character starts);
 * its SHA-256 and size in bytes are always kept, so that a copy of the request held elsewhere can
 * be matched to the row.
 */
import { createHash } from 'node:crypto';

/** A refused payload's JSON is kept whole up to 2 KiB (UTF-8), and otherwise as its first 2 KiB at most. */
export const REFUSED_PAYLOAD_MAX_BYTES = 2048;

export interface KeptPayload {
  /** The JSON text, or its excerpt when `truncated`. */
  text: string;
  /** Size in bytes (UTF-8) of the whole JSON text. */
  bytes: number;
  /** SHA-256 (hex) of the whole JSON text. */
  sha256: string;
  truncated: boolean;
}

/** `json` (the payload as JSON.stringify wrote it), bounded to `maxBytes`. */
export function keptPayload(json: string, maxBytes = REFUSED_PAYLOAD_MAX_BYTES): KeptPayload {
  const utf8 = Buffer.from(json, 'utf8');
  const sha256 = createHash('sha256').update(utf8).digest('hex');
  if (utf8.length <= maxBytes) return { text: json, bytes: utf8.length, sha256, truncated: false };
  return { text: utf8.subarray(0, characterBoundary(utf8, maxBytes)).toString('utf8'), bytes: utf8.length, sha256, truncated: true };
}

/** The largest cut ≤ `max` that does not fall inside a UTF-8 sequence (continuation bytes are 10xxxxxx). */
function characterBoundary(utf8: Buffer, max: number): number {
  let cut = max;
  while (cut > 0 && (utf8[cut] & 0xc0) === 0x80) cut--;
  return cut;
}
