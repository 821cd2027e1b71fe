/**
 * SM2 digital signatures (GB/T 32918.2-2016) over SM3 (GB/T 32905-2016), with the signer's
 * distinguishing identifier applied as the standard requires: the signed value is
 * e = SM3(Z_A ‖ M), Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A), with the default
 * ID_A `1234567812345678` (GM/T 0009-2012), and the signature is the DER SEQUENCE of r and s.
 *
 * Why not `crypto.sign('sm3', …)` alone: on Node 20 (OpenSSL 3.0) an SM2 key made by
 * `generateKeyPairSync('ec', { namedCurve: 'SM2' })` signs with ECDSA on the SM2 curve (no Z at
 * all), and an SM2 key loaded from PEM signs with Z computed over an empty identifier; neither
 * verifies in another SM2 implementation with the default identifier, and Node offers no way to
 * set it. So the arithmetic is here: SM3 and the point [k]G of signing come from node:crypto (the
 * nonce's point through ECDH on curve `SM2`); verification, which handles public values only,
 * adds points in JavaScript.
 */
import { createECDH, hash, randomBytes } from 'node:crypto';

/** The recommended curve of GB/T 32918.5-2017. */
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** The default distinguishing identifier of GM/T 0009-2012. */
export const SM2_DEFAULT_ID = '1234567812345678';

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(s0, m);
}

const toBig = (b: Uint8Array): bigint => (b.length ? BigInt(`0x${Buffer.from(b).toString('hex')}`) : 0n);
const to32 = (n: bigint): Buffer => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const sm3 = (data: Buffer): Buffer => hash('sm3', data, 'buffer') as unknown as Buffer;

/** A point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
type Jacobian = [bigint, bigint, bigint];
const INFINITY: Jacobian = [1n, 1n, 0n];

function double([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const yy = mod(y * y, P);
  const s = mod(4n * x * yy, P);
  const zz = mod(z * z, P);
  // a = -3 on this curve: 3x² + a·z⁴ = 3(x - z²)(x + z²)
  const m = mod(3n * (x - zz) * (x + zz), P);
  const x3 = mod(m * m - 2n * s, P);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, P);
  const z3 = mod(2n * y * z, P);
  return [x3, y3, z3];
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const [x1, y1, z1] = p;
  const [x2, y2, z2] = q;
  const z1z1 = mod(z1 * z1, P);
  const z2z2 = mod(z2 * z2, P);
  const u1 = mod(x1 * z2z2, P);
  const u2 = mod(x2 * z1z1, P);
  const s1 = mod(y1 * z2 * z2z2, P);
  const s2 = mod(y2 * z1 * z1z1, P);
  if (u1 === u2) return s1 === s2 ? double(p) : INFINITY;
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  const hh = mod(h * h, P);
  const hhh = mod(h * hh, P);
  const v = mod(u1 * hh, P);
  const x3 = mod(r * r - hhh - 2n * v, P);
  const y3 = mod(r * (v - x3) - s1 * hhh, P);
  const z3 = mod(h * z1 * z2, P);
  return [x3, y3, z3];
}

/** [k1]P1 + [k2]P2 (Shamir's trick); public values only, so the time it takes tells nothing secret. */
function twoMultiples(k1: bigint, p1: Jacobian, k2: bigint, p2: Jacobian): [bigint, bigint] | undefined {
  const both = add(p1, p2);
  let acc = INFINITY;
  const bits = Math.max(k1.toString(2).length, k2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc);
    const b1 = (k1 >> BigInt(i)) & 1n;
    const b2 = (k2 >> BigInt(i)) & 1n;
    if (b1 && b2) acc = add(acc, both);
    else if (b1) acc = add(acc, p1);
    else if (b2) acc = add(acc, p2);
  }
  if (acc[2] === 0n) return undefined;
  const zi = inverse(acc[2], P);
  const zi2 = mod(zi * zi, P);
  return [mod(acc[0] * zi2, P), mod(acc[1] * zi2 * zi, P)];
}

function onCurve(x: bigint, y: bigint): boolean {
  if (x < 0n || x >= P || y < 0n || y >= P) return false;
  return mod(y * y - (x * x * x + A * x + B), P) === 0n;
}

/** Z_A of GB/T 32918.2 §5.5 for the public key (65 bytes, uncompressed `04 ‖ x ‖ y`). */
export function sm2Z(publicKey: Buffer, id = SM2_DEFAULT_ID): Buffer {
  const ident = Buffer.from(id, 'utf8');
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(ident.length * 8);
  return sm3(Buffer.concat([entl, ident, to32(A), to32(B), to32(GX), to32(GY), publicKey.subarray(1, 33), publicKey.subarray(33, 65)]));
}

/** e of GB/T 32918.2 §6.1 A2: SM3(Z_A ‖ M) as an integer. */
function digest(message: Buffer, publicKey: Buffer, id: string): bigint {
  return toBig(sm3(Buffer.concat([sm2Z(publicKey, id), message])));
}

/** The public key (`04 ‖ x ‖ y`, 65 bytes) of a private key d (32 bytes). */
export function sm2PublicKeyOf(privateKey: Buffer): Buffer {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(privateKey);
  return ecdh.getPublicKey();
}

/** An SM2 signature (DER SEQUENCE { r INTEGER, s INTEGER }) of `message` by the key d (32 bytes). */
export function sm2Sign(message: Buffer, privateKey: Buffer, id = SM2_DEFAULT_ID): Buffer {
  const d = toBig(privateKey);
  if (d <= 0n || d >= N - 1n) throw new Error('SM2 private key out of range');
  const e = digest(message, sm2PublicKeyOf(privateKey), id);
  const ecdh = createECDH('SM2');
  for (;;) {
    const k = toBig(randomBytes(32));
    if (k <= 0n || k >= N) continue;
    ecdh.setPrivateKey(to32(k));
    const x1 = toBig(ecdh.getPublicKey().subarray(1, 33));
    const r = mod(e + x1, N);
    if (r === 0n || r + k === N) continue;
    const s = mod(inverse(1n + d, N) * (k - r * d), N);
    if (s === 0n) continue;
    return derSignature(r, s);
  }
}

/** Whether `signature` (DER) is an SM2 signature of `message` by the public key (`04 ‖ x ‖ y`). */
export function sm2Verify(message: Buffer, signature: Buffer, publicKey: Buffer, id = SM2_DEFAULT_ID): boolean {
  const rs = parseDerSignature(signature);
  if (!rs || publicKey.length !== 65 || publicKey[0] !== 4) return false;
  const [r, s] = rs;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const px = toBig(publicKey.subarray(1, 33));
  const py = toBig(publicKey.subarray(33, 65));
  if (!onCurve(px, py)) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const point = twoMultiples(s, [GX, GY, 1n], t, [px, py, 1n]);
  if (!point) return false;
  return mod(digest(message, publicKey, id) + point[0], N) === r;
}

function derInteger(n: bigint): Buffer {
  const hex = n.toString(16);
  let bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

function derSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function parseDerSignature(sig: Buffer): [bigint, bigint] | undefined {
  if (sig.length < 8 || sig[0] !== 0x30 || sig[1] !== sig.length - 2) return undefined;
  const out: bigint[] = [];
  let at = 2;
  for (let i = 0; i < 2; i++) {
    if (sig[at] !== 0x02) return undefined;
    const len = sig[at + 1];
    if (len === 0 || len > 33 || at + 2 + len > sig.length) return undefined;
    out.push(toBig(sig.subarray(at + 2, at + 2 + len)));
    at += 2 + len;
  }
  return at === sig.length ? [out[0], out[1]] : undefined;
}

/** SubjectPublicKeyInfo of an SM2 key: id-ecPublicKey with the curve sm2p256v1 (1.2.156.10197.1.301), then the point. */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
/** The OID of sm2p256v1 in DER. */
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');

/** The SPKI PEM of an SM2 public key, as OpenSSL writes it. */
export function sm2PublicKeyPem(publicKey: Buffer): string {
  return pem('PUBLIC KEY', Buffer.concat([SM2_SPKI_PREFIX, publicKey]));
}

/** The point of an SM2 SPKI (DER), or undefined when it is not one. */
export function sm2PublicKeyFromSpki(der: Buffer): Buffer | undefined {
  if (der.length !== SM2_SPKI_PREFIX.length + 65 || !der.subarray(0, SM2_SPKI_PREFIX.length).equals(SM2_SPKI_PREFIX)) return undefined;
  return der.subarray(SM2_SPKI_PREFIX.length);
}

/**
 * d of an SM2 private key in PKCS #8 (DER), as `generateKeyPairSync('ec', { namedCurve: 'SM2' })`
 * exports it: the curve's OID must be there, and the ECPrivateKey's `02 01 01 04 20 d`.
 */
export function sm2PrivateKeyFromPkcs8(der: Buffer): Buffer | undefined {
  if (der.indexOf(SM2_CURVE_OID) < 0) return undefined;
  const at = der.indexOf(Buffer.from('0201010420', 'hex'));
  if (at < 0 || at + 5 + 32 > der.length) return undefined;
  return Buffer.from(der.subarray(at + 5, at + 5 + 32));
}

export function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside a PEM block of this label, or undefined. */
export function pemBody(text: string, label: string): Buffer | undefined {
  const m = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(text);
  return m ? Buffer.from(m[1].replace(/\s+/g, ''), 'base64') : undefined;
}
