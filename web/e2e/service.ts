/**
 * Starts the built service (`dist/src/main.js`, console from `web/dist`) on a fresh SQLite file that
 * `cli demo` filled with the 前进区 example, and hands the tests its address and the demo's accounts
 * (CONSOLE_URL, CONSOLE_ACCOUNTS). Returns the teardown that stops it and removes the file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export default async function startService(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: port,
    DB_PATH: join(dir, 'decisions.sqlite'),
    JWT_SECRET: 'the-console-suite-signing-key-0123456789abcdef',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Console-Root-2026!',
    WEB_ROOT: join(ROOT, 'web', 'dist'),
    BCRYPT_COST: '4',
    MAJOR_DECISION_DEFAULT_VERSION: '2',
  };
  const printed = execFileSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'demo'], { env, cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  // `  fgj      Abcd-1234-…   承办部门，区发改局（…）`: the accounts the demo printed, by username.
  const accounts: Record<string, string> = { admin: env.ADMIN_PASSWORD };
  for (const line of printed.split('\n')) {
    const m = /^ {2}(\S+)\s+(\S+)\s+\S/.exec(line);
    if (m && m[1] !== 'admin') accounts[m[1]] = m[2];
  }
  const server = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], { env, cwd: ROOT, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error('the service did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  process.env.CONSOLE_URL = url;
  process.env.CONSOLE_ACCOUNTS = JSON.stringify(accounts);
  return async () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
