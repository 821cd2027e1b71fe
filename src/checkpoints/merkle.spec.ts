/**
 * The checkpoint's Merkle tree against RFC 6962 written out as the RFC states it
 * (test/support/rfc6962.ts): roots and audit paths for every size up to 70, trees updated in place
 * (leaves changed, added in the middle, removed) equal to trees built afresh.
 */
import { randomBytes } from 'node:crypto';
import { rfcLeafHash, rfcPath, rfcRoot, rfcVerifyInclusion } from '../../test/support/rfc6962';
import { EMPTY_ROOT, leafData, leafHash, MerkleLevels, merkleRoot, verifyInclusion } from './merkle';

const leaves = (n: number) => Array.from({ length: n }, () => randomBytes(32));

describe('checkpoint Merkle tree (RFC 6962)', () => {
  it('leaf data is the canonical JSON of the head, hashed with 0x00 in front', () => {
    const leaf = { decisionId: '0b7c1f8e-2f7a-4d1e-9f3a-6a1c2b3d4e5f', seq: 12, hash: 'ab'.repeat(32) };
    expect(leafData(leaf)).toBe(`{"decisionId":"0b7c1f8e-2f7a-4d1e-9f3a-6a1c2b3d4e5f","hash":"${'ab'.repeat(32)}","seq":12}`);
    expect(leafHash(leaf).equals(rfcLeafHash(leafData(leaf)))).toBe(true);
  });

  it('gives the root and the audit paths of the RFC for every size from 0 to 70', () => {
    expect(merkleRoot([]).equals(EMPTY_ROOT)).toBe(true);
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 70; n++) {
      const ls = leaves(n);
      const tree = MerkleLevels.of(ls);
      const root = rfcRoot(ls);
      expect(tree.root().equals(root)).toBe(true);
      for (let m = 0; m < n; m++) {
        const path = tree.auditPath(m);
        expect(path.map((p) => p.toString('hex'))).toEqual(rfcPath(m, ls).map((p) => p.toString('hex')));
        expect(rfcVerifyInclusion(ls[m], m, n, path, root)).toBe(true);
        expect(verifyInclusion(ls[m], m, n, path, root)).toBe(true);
        expect(rfcVerifyInclusion(ls[(m + 1) % n], m, n, path, root)).toBe(n === 1);
      }
    }
  });

  it('updated in place, equals a tree built afresh', () => {
    let ls = leaves(37);
    const tree = MerkleLevels.of(ls);
    for (let round = 0; round < 200; round++) {
      const next = [...ls];
      const dirty: number[] = [];
      let from = next.length;
      const kind = round % 4;
      if (kind === 0 || kind === 3) {
        for (let k = 0; k < 3 && next.length; k++) {
          const i = (round * 7 + k * 13) % next.length;
          next[i] = randomBytes(32);
          dirty.push(i);
        }
      }
      if (kind === 1) {
        const at = (round * 11) % (next.length + 1);
        next.splice(at, 0, randomBytes(32));
        from = at;
      }
      if (kind === 2 && next.length > 1) {
        const at = (round * 5) % next.length;
        next.splice(at, 1);
        from = at;
      }
      tree.update(next, dirty, from);
      ls = next;
      expect(tree.root().equals(rfcRoot(ls))).toBe(true);
    }
  });
});
