/**
 * The keys that sign checkpoints: Ed25519 by default, or SM2 over SM3 (sm2.ts) where commercial
 * cryptography (商用密码) is required. Keys are PEM files: the private key PKCS #8, the public key
 * SubjectPublicKeyInfo (SPKI). A key's id is the SHA-256 of its SPKI in DER, in hex, as RFC 6962
 * names a log by its key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { pem, pemBody, sm2PrivateKeyFromPkcs8, sm2PublicKeyFromSpki, sm2PublicKeyOf, sm2PublicKeyPem, sm2Sign, sm2Verify } from './sm2';

export const CHECKPOINT_ALGORITHMS = ['ed25519', 'sm2'] as const;
export type CheckpointAlgorithm = (typeof CHECKPOINT_ALGORITHMS)[number];

/** A key that checkpoints are verified with, as `GET /public/checkpoints/keys` lists it. */
export interface PublicCheckpointKey {
  keyId: string;
  algorithm: CheckpointAlgorithm;
  /** SPKI, PEM. */
  publicKey: string;
}

export interface VerifyingKey extends PublicCheckpointKey {
  verify(message: Buffer, signature: Buffer): boolean;
}

export interface SigningKey extends VerifyingKey {
  sign(message: Buffer): Buffer;
}

export const keyIdOf = (spkiDer: Buffer): string => createHash('sha256').update(spkiDer).digest('hex');

/** The verifying key of an SPKI PEM (Ed25519 or SM2); throws when it is neither. */
export function publicKeyFromPem(text: string): VerifyingKey {
  const der = pemBody(text, 'PUBLIC KEY');
  if (!der) throw new Error('not a PEM public key (-----BEGIN PUBLIC KEY-----)');
  const point = sm2PublicKeyFromSpki(der);
  if (point) {
    return { keyId: keyIdOf(der), algorithm: 'sm2', publicKey: sm2PublicKeyPem(point), verify: (m, s) => sm2Verify(m, s, point) };
  }
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'unknown'} key: checkpoints are signed with Ed25519 or SM2`);
  return {
    keyId: keyIdOf(der),
    algorithm: 'ed25519',
    publicKey: pem('PUBLIC KEY', der),
    verify: (m, s) => {
      try {
        return verify(null, m, key, s);
      } catch {
        return false;
      }
    },
  };
}

/** The signing key of a PKCS #8 PEM (Ed25519 or SM2); throws when it is neither. */
export function signingKeyFromPem(text: string): SigningKey {
  const der = pemBody(text, 'PRIVATE KEY');
  if (!der) throw new Error('not a PEM private key in PKCS #8 (-----BEGIN PRIVATE KEY-----)');
  const d = sm2PrivateKeyFromPkcs8(der);
  if (d) {
    const pub = publicKeyFromPem(sm2PublicKeyPem(sm2PublicKeyOf(d)));
    return { ...pub, sign: (m) => sm2Sign(m, d) };
  }
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'unknown'} key: checkpoints are signed with Ed25519 or SM2`);
  const pub = publicKeyFromPem(createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string);
  return { ...pub, sign: (m) => sign(null, m, key) };
}

/** A new key pair: the private key's PEM, to be kept in a file, and the key. */
export function generateSigningKey(algorithm: CheckpointAlgorithm): { privatePem: string; key: SigningKey } {
  const { privateKey } = algorithm === 'sm2' ? generateKeyPairSync('ec', { namedCurve: 'SM2' }) : generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { privatePem, key: signingKeyFromPem(privatePem) };
}

/** The public half, without the ability to sign. */
export const publicPart = (k: PublicCheckpointKey): PublicCheckpointKey => ({ keyId: k.keyId, algorithm: k.algorithm, publicKey: k.publicKey });
