/**
 * The checkpoints' configuration, read from the environment once at start, beside the AppConfig:
 *
 * - `CHECKPOINT_KEY_FILE`: the private key (PKCS #8 PEM, Ed25519 or SM2). Without it, on SQLite, a
 *   key is generated beside the database file on first start (`<dir>/.checkpoint-key.pem`, 0600),
 *   as the JWT secret is; on PostgreSQL, where instances must share one key, there is none: the
 *   service starts, says so in its log, and makes no checkpoint until one is configured. The private
 *   key never enters the database.
 * - `CHECKPOINT_ALGORITHM`: `ed25519` (default) or `sm2`, the kind of key generated; a configured
 *   key of the other kind is refused at start.
 * - `CHECKPOINT_PUBLIC_KEYS_DIR`: a folder of public keys (SPKI PEM files, `*.pem`) that checkpoints
 *   are also verified with: the keys used before a rotation. Default on SQLite `<dir>/checkpoint-keys`,
 *   where a generated key's public half is written (`<keyId>.pem`), so that it stays after the
 *   private key is replaced.
 * - `CHECKPOINT_INTERVAL_MINUTES`: minutes between scheduled checkpoints (default 60; 0: none).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, type AppConfig, type ConfigProblem } from '../config/app-config';
import { CHECKPOINT_ALGORITHMS, generateSigningKey, publicKeyFromPem, signingKeyFromPem, type CheckpointAlgorithm, type SigningKey, type VerifyingKey } from './checkpoint-keys';

export interface CheckpointConfig {
  /** Minutes between scheduled checkpoints; 0: none. */
  readonly intervalMinutes: number;
  /** The key that signs new checkpoints; absent on PostgreSQL without CHECKPOINT_KEY_FILE. */
  readonly signingKey?: SigningKey;
  /** Where the signing key was read from (absent for an in-memory database's key). */
  readonly keyFile?: string;
  /** Every key checkpoints are verified with: the signing key first, then those of the folder. */
  readonly verifyingKeys: readonly VerifyingKey[];
  readonly publicKeysDir?: string;
}

/** Nest injection token of the CheckpointConfig. */
export const CHECKPOINT_CONFIG = Symbol('CHECKPOINT_CONFIG');

export const DEFAULT_KEY_FILE = '.checkpoint-key.pem';
export const DEFAULT_PUBLIC_KEYS_DIR = 'checkpoint-keys';

const value = (env: NodeJS.ProcessEnv, name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);

export function loadCheckpointConfig(app: Pick<AppConfig, 'database'>, env: NodeJS.ProcessEnv = process.env): CheckpointConfig {
  const problems: ConfigProblem[] = [];
  const intervalText = value(env, 'CHECKPOINT_INTERVAL_MINUTES');
  if (intervalText !== undefined && !(/^\d{1,9}$/.test(intervalText) && Number(intervalText) <= 10_080)) {
    problems.push({ variable: 'CHECKPOINT_INTERVAL_MINUTES', message: `must be a whole number of minutes from 0 (no scheduled checkpoint) to 10080 (a week), got "${intervalText}"` });
  }
  const algorithmText = value(env, 'CHECKPOINT_ALGORITHM');
  if (algorithmText !== undefined && !(CHECKPOINT_ALGORITHMS as readonly string[]).includes(algorithmText)) {
    problems.push({ variable: 'CHECKPOINT_ALGORITHM', message: `must be one of ${CHECKPOINT_ALGORITHMS.join(', ')}, got "${algorithmText}"` });
  }
  if (problems.length) throw new ConfigError(problems);
  const algorithm = (algorithmText ?? 'ed25519') as CheckpointAlgorithm;

  const sqlite = app.database.type === 'better-sqlite3';
  const inMemory = sqlite && app.database.path === ':memory:';
  const besideDb = sqlite && !inMemory ? dirname(resolve(app.database.path)) : undefined;
  const explicitFile = value(env, 'CHECKPOINT_KEY_FILE');
  const dirText = value(env, 'CHECKPOINT_PUBLIC_KEYS_DIR');
  const publicKeysDir = dirText !== undefined ? resolve(dirText) : besideDb ? join(besideDb, DEFAULT_PUBLIC_KEYS_DIR) : undefined;

  let signingKey: SigningKey | undefined;
  let keyFile: string | undefined;
  try {
    if (explicitFile !== undefined) {
      keyFile = resolve(explicitFile);
      if (!existsSync(keyFile)) throw new Error(`${keyFile} does not exist`);
      signingKey = signingKeyFromPem(readFileSync(keyFile, 'utf8'));
    } else if (inMemory) {
      signingKey = generateSigningKey(algorithm).key;
    } else if (besideDb) {
      keyFile = join(besideDb, DEFAULT_KEY_FILE);
      signingKey = generatedKey(keyFile, algorithm, publicKeysDir as string);
    }
  } catch (err) {
    throw new ConfigError([{ variable: 'CHECKPOINT_KEY_FILE', message: `the checkpoint signing key could not be used: ${(err as Error).message}` }]);
  }
  if (signingKey && algorithmText !== undefined && signingKey.algorithm !== algorithm) {
    throw new ConfigError([{ variable: 'CHECKPOINT_ALGORITHM', message: `is ${algorithm}, but the key of ${keyFile ?? 'CHECKPOINT_KEY_FILE'} is an ${signingKey.algorithm} key` }]);
  }

  const verifyingKeys: VerifyingKey[] = signingKey ? [signingKey] : [];
  if (publicKeysDir !== undefined && existsSync(publicKeysDir)) {
    for (const name of readdirSync(publicKeysDir).filter((f) => f.endsWith('.pem')).sort()) {
      let key: VerifyingKey;
      try {
        key = publicKeyFromPem(readFileSync(join(publicKeysDir, name), 'utf8'));
      } catch (err) {
        throw new ConfigError([{ variable: 'CHECKPOINT_PUBLIC_KEYS_DIR', message: `${join(publicKeysDir, name)}: ${(err as Error).message}` }]);
      }
      if (!verifyingKeys.some((k) => k.keyId === key.keyId)) verifyingKeys.push(key);
    }
  } else if (dirText !== undefined) {
    throw new ConfigError([{ variable: 'CHECKPOINT_PUBLIC_KEYS_DIR', message: `${publicKeysDir} is not a folder` }]);
  }

  return Object.freeze({
    intervalMinutes: intervalText === undefined ? 60 : Number(intervalText),
    signingKey,
    keyFile,
    verifyingKeys: Object.freeze(verifyingKeys),
    publicKeysDir,
  });
}

/**
 * The key kept at `file`, generated there (0600, exclusively, so that two processes starting
 * together agree) when missing; its public half is written to the public keys' folder.
 */
function generatedKey(file: string, algorithm: CheckpointAlgorithm, publicKeysDir: string): SigningKey {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) {
    try {
      writeFileSync(file, generateSigningKey(algorithm).privatePem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  const key = signingKeyFromPem(readFileSync(file, 'utf8'));
  mkdirSync(publicKeysDir, { recursive: true });
  const publicFile = join(publicKeysDir, `${key.keyId}.pem`);
  if (!existsSync(publicFile)) writeFileSync(publicFile, key.publicKey, { mode: 0o644 });
  return key;
}
