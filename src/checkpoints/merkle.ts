/**
 * The Merkle tree of a checkpoint (RFC 6962 §2.1, as RFC 9162 §2.1.1 keeps it): over the chain
 * heads of every decision, in decision-id order (the ids compared as strings of code units: they
 * are ASCII, so this is their byte order).
 *
 * - leaf data: the UTF-8 bytes of the canonical JSON (RFC 8785) of the head,
 *   `{"decisionId":"<id>","hash":"<last hash, 64 hex digits>","seq":<last seq>}`;
 * - leaf hash: SHA-256(0x00 ‖ leaf data);
 * - node hash: SHA-256(0x01 ‖ left ‖ right);
 * - the tree of n > 1 leaves: the left subtree holds the largest power of two below n, the right
 *   one the rest; the tree of no leaf is SHA-256 of the empty string.
 *
 * Built bottom-up here: pairs of one level make the next, and a node left without a partner at the
 * end of a level moves up unchanged, which gives the same tree as the RFC's split.
 */
import { hash } from 'node:crypto';

export interface Leaf {
  decisionId: string;
  seq: number;
  hash: string;
}

const sha = (data: Buffer | string): Buffer => hash('sha256', data, 'buffer') as unknown as Buffer;

/** SHA-256 of the empty string: the root of a tree without leaves. */
export const EMPTY_ROOT = sha(Buffer.alloc(0));

/** The leaf data of a chain head: its canonical JSON (members in RFC 8785 order: decisionId, hash, seq). */
export function leafData(leaf: Leaf): string {
  return `{"decisionId":${JSON.stringify(leaf.decisionId)},"hash":${JSON.stringify(leaf.hash)},"seq":${leaf.seq}}`;
}

/** SHA-256(0x00 ‖ leaf data). */
export function leafHash(leaf: Leaf): Buffer {
  return sha(`\u0000${leafData(leaf)}`);
}

const node = Buffer.alloc(65);
node[0] = 1;

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  left.copy(node, 1);
  right.copy(node, 33);
  return sha(node);
}

/**
 * The levels of a tree (level 0: the leaf hashes), kept so that the next tree over mostly the same
 * leaves is computed again only where it changed: along the paths of the leaves that changed, and
 * from the first leaf that moved to another place (a decision added or gone before it) on.
 */
export class MerkleLevels {
  private levels: Buffer[][] = [[]];

  static of(leafHashes: Buffer[]): MerkleLevels {
    const tree = new MerkleLevels();
    tree.update(leafHashes, [], 0);
    return tree;
  }

  /** A copy that can be updated while this one stays as it is. */
  clone(): MerkleLevels {
    const copy = new MerkleLevels();
    copy.levels = this.levels.map((level) => [...level]);
    return copy;
  }

  get size(): number {
    return this.levels[0].length;
  }

  root(): Buffer {
    const top = this.levels[this.levels.length - 1];
    return top.length ? top[0] : EMPTY_ROOT;
  }

  /**
   * Takes `leafHashes` as the new level 0 (it may be the same array, changed in place) and computes
   * again every node above `dirty` (indexes whose leaf changed) and above every index from `from`
   * on. Returns the root.
   */
  update(leafHashes: Buffer[], dirty: Iterable<number>, from: number): Buffer {
    const before = this.levels[0].length;
    if (leafHashes.length !== before) from = Math.min(from, before, leafHashes.length);
    this.levels[0] = leafHashes;
    let marked = new Set<number>();
    for (const i of dirty) if (i < from) marked.add(i);
    let h = 0;
    for (; this.levels[h].length > 1; h++) {
      const cur = this.levels[h];
      const n = cur.length;
      const m = (n + 1) >> 1;
      const up = (this.levels[h + 1] ??= []);
      const nextFrom = from >> 1;
      const next = new Set<number>();
      for (const i of marked) if (i >> 1 < nextFrom) next.add(i >> 1);
      up.length = Math.min(up.length, m);
      const parent = (p: number) => (2 * p + 1 < n ? nodeHash(cur[2 * p], cur[2 * p + 1]) : cur[2 * p]);
      for (const p of next) up[p] = parent(p);
      for (let p = nextFrom; p < m; p++) up[p] = parent(p);
      marked = next;
      from = nextFrom;
    }
    this.levels.length = h + 1;
    return this.root();
  }

  /**
   * The audit path of leaf `index` (RFC 6962 §2.1.1): the hashes that, taken with the leaf's hash
   * from the bottom up, give the root. At each level the sibling of the node on the path, when it
   * has one (a node moved up alone adds nothing).
   */
  auditPath(index: number): Buffer[] {
    if (index < 0 || index >= this.size) throw new RangeError(`no leaf ${index} in a tree of ${this.size}`);
    const path: Buffer[] = [];
    let i = index;
    for (let h = 0; h < this.levels.length - 1; h++) {
      const sibling = i ^ 1;
      if (sibling < this.levels[h].length) path.push(this.levels[h][sibling]);
      i >>= 1;
    }
    return path;
  }
}

/** The root of a tree over these leaf hashes. */
export function merkleRoot(leafHashes: Buffer[]): Buffer {
  return MerkleLevels.of(leafHashes).root();
}

/**
 * Whether `path` proves leaf `index` of a tree of `size` leaves under `root` (RFC 9162 §2.1.3.2),
 * for callers of the service; the tests check the paths with a verifier of their own.
 */
export function verifyInclusion(leaf: Buffer, index: number, size: number, path: readonly Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}
