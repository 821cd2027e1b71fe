import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MinLength, ValidateIf, registerDecorator, validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { PASSWORD_MIN_LENGTH, passwordRulesBroken, type PasswordRule } from '../users/password-policy';
import type { DatabaseConfig, DbType, SqliteSynchronous } from './database-config';
import { parseTrustProxy, TRUST_PROXY_MESSAGE, type TrustProxy } from './trust-proxy';

/** The service's configuration, read from the environment once at start (see `loadConfig`). */
export interface AppConfig {
  readonly port: number;
  readonly database: DatabaseConfig;
  /** IANA zone in which business dates (`YYYY-MM-DD`) are read. */
  readonly businessTimeZone: string;
  /** The folder of local rules: `calendar/<year>.json`, `deadlines.json` (CONFIG_DIR, default `./config`). */
  readonly configDir: string;
  /** Minutes between two scheduled overdue scans (DEADLINE_SCAN_INTERVAL_MINUTES, default 60); 0 = no scheduled scan. */
  readonly deadlineScanIntervalMinutes: number;
  /** Refused attempts (stored 422s) a user may make per minute before 429 (REFUSALS_PER_MINUTE, default 30). */
  readonly refusalsPerMinute: number;
  /**
   * The version of the major-decision procedure new decisions start on (MAJOR_DECISION_DEFAULT_VERSION,
   * 1 or 2, default 2); decisions already started keep theirs.
   */
  readonly majorDecisionDefaultVersion: number;
  /** The built web console served at `/` (WEB_ROOT, default `./web/dist`); nothing is served while it holds no build. */
  readonly webRoot: string;
  /** Which proxies are believed about the client's address (TRUST_PROXY, default false: none); see trust-proxy.ts. */
  readonly trustProxy: TrustProxy;
  /** The first administrator, created on first start when no user exists. */
  readonly admin: { readonly username: string; readonly password?: string };
  readonly auth: {
    readonly jwtSecret: string;
    /** Where a generated secret is kept (SQLite without JWT_SECRET); absent when it came from the env. */
    readonly jwtSecretFile?: string;
    /** Access token lifetime, seconds. */
    readonly jwtExpiresIn: number;
    /** bcrypt cost factor: 12 in production; tests lower it (minimum 4) for speed. */
    readonly bcryptCost: number;
  };
}

/** Nest injection token of the AppConfig (provided by DatabaseModule, global). */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Every bad variable at once, so that an operator fixes the environment in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(['Invalid configuration:', ...problems.map((p) => `  - ${p.variable}: ${p.message}`)].join('\n'));
    this.name = 'ConfigError';
  }
}

export const JWT_SECRET_MIN_LENGTH = 32;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
const DB_TYPES: DbType[] = ['better-sqlite3', 'postgres'];
const SYNC_MODES: SqliteSynchronous[] = ['FULL', 'NORMAL'];
/** The versions of `major-decision` a new decision may start on (workflows/major-decision/v1, v2). */
const MAJOR_DECISION_VERSIONS = ['1', '2'];
/** Variables whose value must never be echoed back in an error message. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'DATABASE_URL']);

const isPostgres = (env: EnvVars) => env.DB_TYPE === 'postgres';

/** A whole number written in decimal digits, within [min, max]. */
function IsWholeNumber(min: number, max: number, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWholeNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max,
      },
    });
}

function IsIanaTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an IANA time zone such as Asia/Shanghai' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIanaTimeZone(value) },
    });
}

const ADMIN_PASSWORD_RULES: Record<PasswordRule, string> = {
  tooShort: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: 'must be at most 72 bytes in UTF-8',
  fewKinds: 'must mix at least three of: lowercase letters, uppercase letters, digits, other characters',
  containsUsername: 'must not contain ADMIN_USERNAME',
  common: 'is a common password',
};

/** The password rule of every account (src/users/password-policy.ts), said in one line. */
function IsAcceptableAdminPassword(): PropertyDecorator {
  const broken = (value: unknown, env: object) =>
    typeof value === 'string' ? passwordRulesBroken(value, (env as EnvVars).ADMIN_USERNAME ?? 'admin') : (['tooShort'] as PasswordRule[]);
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptableAdminPassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args) => broken(args.value, args.object).map((rule) => ADMIN_PASSWORD_RULES[rule]).join('; ') },
      validator: { validate: (value: unknown, args) => broken(value, args?.object ?? {}).length === 0 },
    });
}

function IsTrustProxy(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: TRUST_PROXY_MESSAGE },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined },
    });
}

/** The environment as class-validator sees it: strings, validated before anything is converted. */
class EnvVars {
  @IsOptional()
  @IsWholeNumber(0, 65535, 'must be a port number (0-65535)')
  PORT?: string;

  @IsOptional()
  @IsIn(DB_TYPES, { message: `must be one of ${DB_TYPES.join(', ')}` })
  DB_TYPE?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must be a file path' })
  DB_PATH?: string;

  @ValidateIf(isPostgres)
  @IsNotEmpty({ message: 'is required when DB_TYPE=postgres' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// connection string' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(USERNAME_PATTERN, {
    message: 'must be 2-64 characters: lowercase letters, digits, and . _ @ - (not first)',
  })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsAcceptableAdminPassword()
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsTrustProxy()
  TRUST_PROXY?: string;

  @ValidateIf((env: EnvVars) => isPostgres(env) || env.JWT_SECRET !== undefined)
  @IsNotEmpty({ message: 'is required when DB_TYPE=postgres (every instance must share it)' })
  @MinLength(JWT_SECRET_MIN_LENGTH, { message: `must be at least ${JWT_SECRET_MIN_LENGTH} characters` })
  JWT_SECRET?: string;

  @IsOptional()
  @IsWholeNumber(60, 31_536_000, 'must be a whole number of seconds, at least 60')
  JWT_EXPIRES_IN?: string;

  @IsOptional()
  @IsWholeNumber(4, 16, 'must be a whole number between 4 and 16')
  BCRYPT_COST?: string;

  @IsOptional()
  @IsIn(SYNC_MODES, { message: `must be one of ${SYNC_MODES.join(', ')}` })
  DB_SYNCHRONOUS?: string;

  @IsOptional()
  @IsIanaTimeZone()
  TZ_BUSINESS?: string;

  @IsOptional()
  @IsString()
  CONFIG_DIR?: string;

  @IsOptional()
  @IsWholeNumber(0, 10_080, 'must be a whole number of minutes from 0 (no scheduled scan) to 10080 (a week)')
  DEADLINE_SCAN_INTERVAL_MINUTES?: string;

  @IsOptional()
  @IsWholeNumber(1, 1_000_000, 'must be a whole number of refused attempts per user and minute, from 1 to 1000000')
  REFUSALS_PER_MINUTE?: string;

  @IsOptional()
  @IsIn(MAJOR_DECISION_VERSIONS, {
    message: `must be ${MAJOR_DECISION_VERSIONS.join(' or ')}: the version of the major-decision procedure new decisions start on (新决策事项适用的重大行政决策程序版本)`,
  })
  MAJOR_DECISION_DEFAULT_VERSION?: string;

  @IsOptional()
  @IsString({ message: 'must be the folder of the built console (web/dist)' })
  WEB_ROOT?: string;
}

const VARIABLES: (keyof EnvVars)[] = [
  'PORT', 'DB_TYPE', 'DB_PATH', 'DATABASE_URL', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'JWT_SECRET',
  'JWT_EXPIRES_IN', 'TRUST_PROXY', 'BCRYPT_COST', 'DB_SYNCHRONOUS', 'TZ_BUSINESS', 'CONFIG_DIR', 'DEADLINE_SCAN_INTERVAL_MINUTES',
  'REFUSALS_PER_MINUTE', 'MAJOR_DECISION_DEFAULT_VERSION', 'WEB_ROOT',
];

/**
 * Reads the environment once into a typed, validated AppConfig (immich style: class-validator over
 * the plain variables). Every bad variable is named in one ConfigError. An empty variable counts as
 * unset, as docker-compose and `.env` files commonly leave them.
 *
 * Side effect, on SQLite without JWT_SECRET: the signing key is generated once and kept beside the
 * database file (`<dir>/.jwt-secret`, mode 0600), so that a restart keeps sessions valid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const plain: Record<string, string> = {};
  for (const key of VARIABLES) {
    const value = env[key];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const vars = plainToInstance(EnvVars, plain);
  const problems = validateSync(vars).flatMap((e) => toProblems(e, plain));
  if (problems.length > 0) throw new ConfigError(problems);

  const database: DatabaseConfig = {
    type: (vars.DB_TYPE ?? 'better-sqlite3') as DbType,
    path: vars.DB_PATH ?? 'data/decisions.sqlite',
    url: vars.DATABASE_URL,
    synchronous: (vars.DB_SYNCHRONOUS ?? 'FULL') as SqliteSynchronous,
  };
  const secret = vars.JWT_SECRET !== undefined ? { secret: vars.JWT_SECRET } : sqliteJwtSecret(database.path);

  return deepFreeze({
    port: intOf(vars.PORT, 3000),
    database,
    businessTimeZone: vars.TZ_BUSINESS ?? 'Asia/Shanghai',
    configDir: resolve(vars.CONFIG_DIR ?? 'config'),
    deadlineScanIntervalMinutes: intOf(vars.DEADLINE_SCAN_INTERVAL_MINUTES, 60),
    refusalsPerMinute: intOf(vars.REFUSALS_PER_MINUTE, 30),
    majorDecisionDefaultVersion: intOf(vars.MAJOR_DECISION_DEFAULT_VERSION, 2),
    webRoot: resolve(vars.WEB_ROOT ?? 'web/dist'),
    trustProxy: vars.TRUST_PROXY === undefined ? false : (parseTrustProxy(vars.TRUST_PROXY) as TrustProxy),
    admin: { username: vars.ADMIN_USERNAME ?? 'admin', password: vars.ADMIN_PASSWORD },
    auth: {
      jwtSecret: secret.secret,
      jwtSecretFile: secret.file,
      jwtExpiresIn: intOf(vars.JWT_EXPIRES_IN, 28800),
      bcryptCost: intOf(vars.BCRYPT_COST, 12),
    },
  });
}

function toProblems(error: ValidationError, plain: Record<string, string>): ConfigProblem[] {
  const variable = error.property;
  const shown = SECRET_VARIABLES.has(variable) || plain[variable] === undefined ? '' : `, got "${plain[variable]}"`;
  const { isNotEmpty: missing, ...others } = error.constraints ?? {};
  // An absent variable is only "required"; a present one is told what is wrong with its value.
  if (plain[variable] === undefined && missing) return [{ variable, message: missing }];
  return Object.values(others).map((message) => ({ variable, message: `${message}${shown}` }));
}

const intOf = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : Number(value));

/** A zone name as the IANA database spells it (`Asia/Shanghai`, `UTC`), not an offset such as `+08:00`. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The signing key of a SQLite deployment without JWT_SECRET: read from `<dir of DB_PATH>/.jwt-secret`,
 * created there (mode 0600, exclusively, so two processes starting together agree) when missing.
 * An in-memory database gets a key that lives as long as the process.
 */
function sqliteJwtSecret(dbPath: string): { secret: string; file?: string } {
  if (dbPath === ':memory:') return { secret: randomBytes(48).toString('base64url') };
  const file = join(dirname(dbPath), '.jwt-secret');
  try {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < JWT_SECRET_MIN_LENGTH) {
      throw new Error(`${file} holds fewer than ${JWT_SECRET_MIN_LENGTH} characters; delete it to generate a new key`);
    }
    return { secret, file };
  } catch (err) {
    throw new ConfigError([
      { variable: 'JWT_SECRET', message: `not set, and the generated key file could not be used: ${(err as Error).message}` },
    ]);
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(value);
}
