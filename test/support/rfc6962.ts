/**
 * RFC 6962 §2.1 written out as the RFC states it (recursion on the largest power of two below n),
 * for tests to check the service's Merkle roots and audit paths with code that is not the
 * service's own.
 */
import { createHash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const largestPowerOfTwoBelow = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

/** SHA-256(0x00 ‖ data). */
export const rfcLeafHash = (data: Buffer | string): Buffer => sha256(Buffer.from([0]), Buffer.from(data));

/** MTH(D[n]) over leaf hashes. */
export function rfcRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(leaves.length);
  return sha256(Buffer.from([1]), rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k)));
}

/** PATH(m, D[n]), bottom-up. */
export function rfcPath(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k ? [...rfcPath(m, leaves.slice(0, k)), rfcRoot(leaves.slice(k))] : [...rfcPath(m - k, leaves.slice(k)), rfcRoot(leaves.slice(0, k))];
}

/** Whether `path` (hex or bytes, bottom-up) leads from leaf `m` of `n` to `root`. */
export function rfcVerifyInclusion(leaf: Buffer, m: number, n: number, path: Array<Buffer | string>, root: Buffer | string): boolean {
  const rest = path.map((p) => (typeof p === 'string' ? Buffer.from(p, 'hex') : p));
  const up = (i: number, size: number): Buffer | undefined => {
    if (size === 1) return leaf;
    const k = largestPowerOfTwoBelow(size);
    const top = rest.pop();
    if (!top) return undefined;
    const below = i < k ? up(i, k) : up(i - k, size - k);
    if (!below) return undefined;
    return i < k ? sha256(Buffer.from([1]), below, top) : sha256(Buffer.from([1]), top, below);
  };
  if (m < 0 || m >= n) return false;
  const got = up(m, n);
  return got !== undefined && rest.length === 0 && got.equals(typeof root === 'string' ? Buffer.from(root, 'hex') : root);
}
