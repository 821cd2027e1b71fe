import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, isIanaTimeZone, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  let dbPath: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-config-'));
    dbPath = join(dir, 'db', 'decisions.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = (env: Record<string, string>): { variable: string; message: string }[] => {
    try {
      loadConfig({ DB_PATH: dbPath, ...env });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('applies the documented defaults', () => {
    const config = loadConfig({ DB_PATH: dbPath });
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'better-sqlite3', path: dbPath, synchronous: 'FULL' },
      businessTimeZone: 'Asia/Shanghai',
      admin: { username: 'admin', password: undefined },
      auth: { jwtExpiresIn: 28800, bcryptCost: 12 },
      trustProxy: false,
    });
    // With JWT_SECRET given, nothing is written: the default path can be checked without side effect.
    expect(loadConfig({ JWT_SECRET: 'k'.repeat(32) }).database.path).toBe('data/decisions.sqlite');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DB_TYPE: 'postgres',
      DATABASE_URL: 'postgres://u:p@db:5432/decisions',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'Long-Enough-2026',
      JWT_SECRET: 'x'.repeat(40),
      TZ_BUSINESS: 'UTC',
      DB_SYNCHRONOUS: 'NORMAL',
      JWT_EXPIRES_IN: '600',
      BCRYPT_COST: '4',
    });
    expect(config).toMatchObject({
      port: 8080,
      database: { type: 'postgres', url: 'postgres://u:p@db:5432/decisions', synchronous: 'NORMAL' },
      businessTimeZone: 'UTC',
      admin: { username: 'root', password: 'Long-Enough-2026' },
      auth: { jwtSecret: 'x'.repeat(40), jwtSecretFile: undefined, jwtExpiresIn: 600, bcryptCost: 4 },
    });
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DB_TYPE', 'mysql'],
    ['ADMIN_USERNAME', 'Has Space'],
    ['ADMIN_PASSWORD', 'short'],
    ['ADMIN_PASSWORD', 'aaaaaaaaaa'],
    ['ADMIN_PASSWORD', ' '.repeat(10)],
    ['ADMIN_PASSWORD', '1234567890'],
    ['ADMIN_PASSWORD', 'Woaini1314'],
    ['ADMIN_PASSWORD', 'P@ssw0rd123'],
    ['ADMIN_PASSWORD', 'My-Admin-Key-7'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1,'],
    ['TRUST_PROXY', 'proxy.example.org'],
    ['TRUST_PROXY', '-1'],
    ['JWT_SECRET', 'too-short'],
    ['TZ_BUSINESS', 'Mars/Olympus'],
    ['TZ_BUSINESS', '+08:00'],
    ['DB_SYNCHRONOUS', 'OFF'],
    ['JWT_EXPIRES_IN', '8h'],
    ['JWT_EXPIRES_IN', '10'],
    ['BCRYPT_COST', '3'],
    ['BCRYPT_COST', '12.5'],
  ])('names %s when it is %p', (variable, value) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems.map((p) => p.variable)).toEqual([variable]);
  });

  it('says which password rules ADMIN_PASSWORD breaks, in one line, without echoing it', () => {
    const [problem] = problemsOf({ ADMIN_PASSWORD: 'aaaaaaaaaa' });
    expect(problem.message).toBe('must mix at least three of: lowercase letters, uppercase letters, digits, other characters; is a common password');
    const [named] = problemsOf({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'Big-CHIEF-2026' });
    expect(named.message).toBe('must not contain ADMIN_USERNAME');
    expect(loadConfig({ DB_PATH: dbPath, ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'Big-Admin-2026' }).admin.password).toBe('Big-Admin-2026');
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['true', true],
    ['FALSE', false],
    ['loopback', ['loopback']],
    ['10.0.0.1, 192.168.0.0/16,uniquelocal', ['10.0.0.1', '192.168.0.0/16', 'uniquelocal']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
  ])('reads TRUST_PROXY=%p as %p', (value, expected) => {
    expect(loadConfig({ DB_PATH: dbPath, TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads REFUSALS_PER_MINUTE (default 30), a whole number from 1 to 1000000', () => {
    expect(loadConfig({ DB_PATH: dbPath }).refusalsPerMinute).toBe(30);
    expect(loadConfig({ DB_PATH: dbPath, REFUSALS_PER_MINUTE: '5' }).refusalsPerMinute).toBe(5);
    for (const bad of ['0', '-1', '2.5', 'many', '1000001', '1e3']) {
      expect([bad, problemsOf({ REFUSALS_PER_MINUTE: bad }).map((p) => p.variable)]).toEqual([bad, ['REFUSALS_PER_MINUTE']]);
    }
  });

  it('reads MAJOR_DECISION_DEFAULT_VERSION (default 2), 1 or 2, naming the variable otherwise', () => {
    expect(loadConfig({ DB_PATH: dbPath }).majorDecisionDefaultVersion).toBe(2);
    expect(loadConfig({ DB_PATH: dbPath, MAJOR_DECISION_DEFAULT_VERSION: '1' }).majorDecisionDefaultVersion).toBe(1);
    for (const bad of ['0', '3', 'v2', '2.0', ' 1']) {
      const problems = problemsOf({ MAJOR_DECISION_DEFAULT_VERSION: bad });
      expect([bad, problems.map((p) => p.variable)]).toEqual([bad, ['MAJOR_DECISION_DEFAULT_VERSION']]);
      expect(problems[0].message).toContain('must be 1 or 2');
      expect(problems[0].message).toContain('重大行政决策程序版本');
    }
  });

  it('requires DATABASE_URL and JWT_SECRET with postgres', () => {
    const problems = problemsOf({ DB_TYPE: 'postgres' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET']);
    expect(problems.find((p) => p.variable === 'DATABASE_URL')?.message).toMatch(/required when DB_TYPE=postgres/);
    expect(problemsOf({ DB_TYPE: 'postgres', DATABASE_URL: 'mysql://x', JWT_SECRET: 's'.repeat(32) })).toEqual([
      expect.objectContaining({ variable: 'DATABASE_URL' }),
    ]);
  });

  it('names every bad variable in one error, one line each, without echoing secrets', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ DB_PATH: dbPath, PORT: 'x', DB_SYNCHRONOUS: 'fast', ADMIN_PASSWORD: 'secret1', TZ_BUSINESS: 'Nowhere' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = error!.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    for (const variable of ['PORT', 'DB_SYNCHRONOUS', 'ADMIN_PASSWORD', 'TZ_BUSINESS']) {
      expect(lines.filter((l) => l.startsWith(`  - ${variable}:`))).toHaveLength(1);
    }
    expect(error!.message).toContain('got "x"');
    expect(error!.message).not.toContain('secret1');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DB_PATH: dbPath, PORT: '', ADMIN_PASSWORD: '' })).toMatchObject({ port: 3000, admin: { password: undefined } });
  });

  it('on SQLite without JWT_SECRET, generates a key beside the database (0600) and reuses it', () => {
    const first = loadConfig({ DB_PATH: dbPath });
    const file = join(dir, 'db', '.jwt-secret');
    expect(first.auth.jwtSecretFile).toBe(file);
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(first.auth.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DB_PATH: dbPath }).auth.jwtSecret).toBe(first.auth.jwtSecret);
  });

  it('refuses a damaged key file, naming JWT_SECRET', () => {
    loadConfig({ DB_PATH: dbPath });
    writeFileSync(join(dir, 'db', '.jwt-secret'), 'short');
    expect(problemsOf({}).map((p) => p.variable)).toEqual(['JWT_SECRET']);
  });

  it('keeps an in-memory database key in memory only', () => {
    const config = loadConfig({ DB_PATH: ':memory:' });
    expect(config.auth.jwtSecretFile).toBeUndefined();
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });
});

describe('isIanaTimeZone', () => {
  it.each(['Asia/Shanghai', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });
  it.each(['', '+08:00', 'Asia/Nowhere', 'Asia/Shanghai; rm -rf'])('refuses %p', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
