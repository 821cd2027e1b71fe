/**
 * The checkpoints' keys: an SM2 key (商用密码) whose signatures an independent SM2 implementation
 * (sm-crypto) verifies; a key rotated, after which the checkpoints of the old key still verify
 * while its public key is kept, and are refused as signed by an unknown key once it is not; the
 * schedule, which makes a checkpoint only when a chain head moved; the tables, append-only.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto';
import { CheckpointScheduler } from '../../src/checkpoints/checkpoint.scheduler';
import { loadCheckpointConfig } from '../../src/checkpoints/checkpoint-config';
import { ConfigError } from '../../src/config/app-config';
import { signedText, type KeptCheckpoint } from '../support/checkpoints-suite';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, USER_PASSWORD, type District } from '../support/district';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app';

interface PublicKey {
  keyId: string;
  algorithm: string;
  publicKey: string;
}

const pointOf = (pem: string): string => {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  return der.subarray(der.length - 65).toString('hex');
};

describe('checkpoint keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checkpoint-keys-'));
  const dbPath = join(dir, 'decisions.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The service on the one database file; the district is made on the first start, the auditor signs in again after. */
  async function start(): Promise<{ t: TestApp; auditor: string; d?: District }> {
    const t = await createTestApp({ env: { DB_PATH: dbPath } });
    if ((await t.countRows('org_unit')) === 0) {
      const d = await createDistrict(t);
      return { t, auditor: d.tokens.auditor, d };
    }
    return { t, auditor: await t.login('yfzqb', USER_PASSWORD) };
  }

  it('signs with SM2 over SM3 when CHECKPOINT_ALGORITHM=sm2, verifiable by sm-crypto with the default identifier', async () => {
    const sm2Dir = mkdtempSync(join(tmpdir(), 'checkpoint-sm2-'));
    // The CHECKPOINT_* variables are read from the process environment at start.
    process.env.CHECKPOINT_ALGORITHM = 'sm2';
    const t = await createTestApp({ env: { DB_PATH: join(sm2Dir, 'decisions.sqlite') } }).finally(() => delete process.env.CHECKPOINT_ALGORITHM);
    try {
      const d = await createDistrict(t);
      await decisionFixture(t, d).decision({ through: ['CATALOG_PUBLISHED'] });
      for (let i = 0; i < 2; i++) await t.http.post('/audit/checkpoints').set(t.bearer(d.tokens.auditor)).expect(201);
      const [key] = (await t.http.get('/public/checkpoints/keys').expect(200)).body as PublicKey[];
      expect(key.algorithm).toBe('sm2');
      expect(key.publicKey).toContain('-----BEGIN PUBLIC KEY-----');
      const list = (await t.http.get('/public/checkpoints').expect(200)).body as KeptCheckpoint[];
      for (const c of list) {
        const sig = Buffer.from(c.signature, 'base64').toString('hex');
        expect(sm2.doVerifySignature(signedText(c), sig, pointOf(key.publicKey), { der: true, hash: true })).toBe(true);
        expect(sm2.doVerifySignature(signedText({ ...c, events: c.events + 1 }), sig, pointOf(key.publicKey), { der: true, hash: true })).toBe(false);
      }
      expect((await t.http.post('/audit/checkpoints/verify').set(t.bearer(d.tokens.auditor)).send({ checkpoints: list }).expect(200)).body).toMatchObject({ ok: true, checked: 2 });
      // The private key stays beside the database, 0600, and never in it.
      expect(statSync(join(sm2Dir, '.checkpoint-key.pem')).mode & 0o777).toBe(0o600);
    } finally {
      await t.close();
      rmSync(sm2Dir, { recursive: true, force: true });
    }
  });

  it('keeps verifying the checkpoints of a rotated key while its public key is kept; refuses them as of an unknown key once it is not', async () => {
    const first = await start();
    let t = first.t;
    const f = decisionFixture(t, first.d as District);
    const id = await f.decision({ through: ['CATALOG_PUBLISHED'] });
    await t.http.post('/audit/checkpoints').set(t.bearer(first.auditor)).expect(201);
    await f.advance(id, ['START_DRAFTING']);
    await t.http.post('/audit/checkpoints').set(t.bearer(first.auditor)).expect(201);
    const [oldKey] = (await t.http.get('/public/checkpoints/keys').expect(200)).body as PublicKey[];
    await t.close();

    // Rotation: the private key replaced (here: deleted, so that a new one is generated); the old public key stays in checkpoint-keys/.
    unlinkSync(join(dir, '.checkpoint-key.pem'));
    let token: string;
    ({ t, auditor: token } = await start());
    const keys = (await t.http.get('/public/checkpoints/keys').expect(200)).body as PublicKey[];
    expect(keys).toHaveLength(2);
    expect(keys[0].keyId).not.toBe(oldKey.keyId);
    expect(keys.map((k) => k.keyId)).toContain(oldKey.keyId);
    const third = (await t.http.post('/audit/checkpoints').set(t.bearer(token)).expect(201)).body as KeptCheckpoint;
    expect(third.keyId).toBe(keys[0].keyId);
    const all = (await t.http.get('/public/checkpoints').expect(200)).body as KeptCheckpoint[];
    expect(all.map((c) => c.keyId)).toEqual([oldKey.keyId, oldKey.keyId, keys[0].keyId]);
    expect((await t.http.post('/audit/checkpoints/verify').set(t.bearer(token)).send({ checkpoints: all }).expect(200)).body).toMatchObject({ ok: true, checked: 3 });
    await t.close();

    // The old public key removed: its checkpoints are signed by a key the service no longer knows.
    unlinkSync(join(dir, 'checkpoint-keys', `${oldKey.keyId}.pem`));
    ({ t, auditor: token } = await start());
    const refused = expectProblem(await t.http.post('/audit/checkpoints/verify').set(t.bearer(token)).send({ checkpoints: all }), 422, 'CHECKPOINT_KEY_UNKNOWN');
    expect(refused.detail).toContain('第 1 个检查点（序号 1）');
    expect(refused.errors).toHaveLength(2);
    await t.close();
    expect(readdirSync(join(dir, 'checkpoint-keys'))).toHaveLength(1);
  });

  it('makes a scheduled checkpoint only when a chain head moved since the last one', async () => {
    const own = mkdtempSync(join(tmpdir(), 'checkpoint-schedule-'));
    const t = await createTestApp({ env: { DB_PATH: join(own, 'decisions.sqlite') } });
    try {
      const d = await createDistrict(t);
      const f = decisionFixture(t, d);
      const id = await f.decision({ through: ['CATALOG_PUBLISHED'] });
      const scheduler = t.app.get(CheckpointScheduler);
      await scheduler.run();
      await scheduler.run();
      expect(await t.countRows('checkpoint')).toBe(1);
      await f.advance(id, ['START_DRAFTING']);
      await scheduler.run();
      expect(await t.countRows('checkpoint')).toBe(2);
      // Only the head that moved is stored again.
      expect(await t.countRows('checkpoint_leaf')).toBe(2);
      // Append-only in the database itself.
      await expect(t.tx.write((tx) => tx.execute("UPDATE checkpoint SET root = 'x'"))).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) as unknown });
      await expect(t.tx.write((tx) => tx.execute('DELETE FROM checkpoint_leaf'))).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) as unknown });
    } finally {
      await t.close();
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration at start, naming the variable', () => {
    const sqlite = { database: { type: 'better-sqlite3' as const, path: join(dir, 'cfg', 'decisions.sqlite'), synchronous: 'FULL' as const } };
    const problemOf = (env: Record<string, string>) => {
      try {
        loadCheckpointConfig(sqlite, env);
      } catch (err) {
        return (err as ConfigError).problems.map((p) => p.variable);
      }
      return [];
    };
    expect(problemOf({ CHECKPOINT_INTERVAL_MINUTES: 'hourly' })).toEqual(['CHECKPOINT_INTERVAL_MINUTES']);
    expect(problemOf({ CHECKPOINT_ALGORITHM: 'rsa' })).toEqual(['CHECKPOINT_ALGORITHM']);
    expect(problemOf({ CHECKPOINT_KEY_FILE: join(dir, 'no-such-key.pem') })).toEqual(['CHECKPOINT_KEY_FILE']);
    expect(problemOf({})).toEqual([]);
    // The key generated there is Ed25519: asking for SM2 with it is refused, not silently ignored.
    expect(problemOf({ CHECKPOINT_ALGORITHM: 'sm2' })).toEqual(['CHECKPOINT_ALGORITHM']);
    // PostgreSQL generates no key: none, until CHECKPOINT_KEY_FILE names one.
    const pg = loadCheckpointConfig({ database: { type: 'postgres', path: '', url: 'postgres://x/test', synchronous: 'FULL' } }, {});
    expect(pg.signingKey).toBeUndefined();
    expect(existsSync(join(dir, 'cfg', '.checkpoint-key.pem'))).toBe(true);
  });
});
