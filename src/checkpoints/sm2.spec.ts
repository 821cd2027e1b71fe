/**
 * SM2 signatures over SM3 with the default identifier (GB/T 32918.2, GM/T 0009), checked against
 * an independent implementation (sm-crypto): what this code signs, sm-crypto verifies, and the
 * other way round; a changed message, signature or identifier does not verify.
 */
import { generateKeyPairSync } from 'node:crypto';
import { sm2 as independent } from 'sm-crypto';
import { sm2PrivateKeyFromPkcs8, sm2PublicKeyFromSpki, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2';

function keyPair(): { d: Buffer; pub: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  const d = sm2PrivateKeyFromPkcs8(privateKey.export({ type: 'pkcs8', format: 'der' })) as Buffer;
  const pub = sm2PublicKeyFromSpki(publicKey.export({ type: 'spki', format: 'der' })) as Buffer;
  return { d, pub };
}

describe('SM2 with SM3 and the default identifier', () => {
  it('reads the keys node:crypto makes: the public key is [d]G', () => {
    const { d, pub } = keyPair();
    expect(d).toHaveLength(32);
    expect(pub.toString('hex')).toBe(independent.getPublicKeyFromPrivateKey(d.toString('hex')));
    expect(sm2PublicKeyOf(d).equals(pub)).toBe(true);
  });

  it('signs what sm-crypto verifies (with Z of 1234567812345678), and verifies what sm-crypto signs', () => {
    for (let i = 0; i < 5; i++) {
      const { d, pub } = keyPair();
      const message = `{"root":"${'ab'.repeat(32)}","seq":${i + 1},"至":"检查点"}`;
      const ours = sm2Sign(Buffer.from(message, 'utf8'), d);
      expect(independent.doVerifySignature(message, ours.toString('hex'), pub.toString('hex'), { der: true, hash: true })).toBe(true);
      // The identifier is part of what is signed: another one does not verify.
      expect(independent.doVerifySignature(message, ours.toString('hex'), pub.toString('hex'), { der: true, hash: true, userId: 'another-id' })).toBe(false);

      const theirs = Buffer.from(independent.doSignature(message, d.toString('hex'), { der: true, hash: true }), 'hex');
      expect(sm2Verify(Buffer.from(message, 'utf8'), theirs, pub)).toBe(true);
    }
  });

  it('refuses a changed message, a changed signature and another key', () => {
    const { d, pub } = keyPair();
    const message = Buffer.from('checkpoint 7', 'utf8');
    const sig = sm2Sign(message, d);
    expect(sm2Verify(message, sig, pub)).toBe(true);
    expect(sm2Verify(Buffer.from('checkpoint 8', 'utf8'), sig, pub)).toBe(false);
    const bent = Buffer.from(sig);
    bent[bent.length - 1] ^= 1;
    expect(sm2Verify(message, bent, pub)).toBe(false);
    expect(sm2Verify(message, sig, keyPair().pub)).toBe(false);
    expect(sm2Verify(message, Buffer.from('not a signature'), pub)).toBe(false);
  });
});
