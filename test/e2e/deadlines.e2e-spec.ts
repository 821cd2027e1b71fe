import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { DEADLINE_RULES, DEFAULT_DEADLINE_RULES } from '../../src/config/deadline-rules';
import { DeadlineScanService } from '../../src/deadlines/deadline-scan.service';
import { createTestApp, type TestApp } from '../support/test-app';

/** A CONFIG_DIR of its own: deadlines.json as given, and a calendar/ folder (optionally with files). */
function configDir(deadlines: unknown, calendar: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'decisions-config-'));
  mkdirSync(join(dir, 'calendar'));
  for (const [file, content] of Object.entries(calendar)) writeFileSync(join(dir, 'calendar', file), JSON.stringify(content));
  if (deadlines !== undefined) writeFileSync(join(dir, 'deadlines.json'), typeof deadlines === 'string' ? deadlines : JSON.stringify(deadlines));
  return dir;
}

describe('deadlines wiring', () => {
  const dirs: string[] = [];
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('schedules no scan in tests, and one every N minutes plus one soon after start when configured', async () => {
    t = await createTestApp();
    expect(t.app.get(SchedulerRegistry).getIntervals()).not.toContain('deadline-scan');
    await t.close();
    t = undefined;

    t = await createTestApp({ env: { DEADLINE_SCAN_INTERVAL_MINUTES: '5' } });
    const schedules = t.app.get(SchedulerRegistry);
    expect(schedules.getIntervals()).toContain('deadline-scan');
    expect(schedules.getTimeouts()).toContain('deadline-scan:first');
  });

  it('scans through the application, over its database', async () => {
    t = await createTestApp();
    await expect(t.app.get(DeadlineScanService).scan()).resolves.toEqual({ scanned: 0, newlyOverdue: 0, skipped: false });
    expect(await t.countRows('overdue_step')).toBe(0);
  });

  it('reads deadlines.json and calendar/ from CONFIG_DIR', async () => {
    const dir = configDir(
      { archiveWithinDays: 60 },
      { '2027.json': { year: 2027, source: 'test fixture, not the official schedule', holidays: { '2027-01-01': '元旦' } } },
    );
    dirs.push(dir);
    t = await createTestApp({ env: { CONFIG_DIR: dir } });
    expect(t.app.get(DEADLINE_RULES)).toEqual({ ...DEFAULT_DEADLINE_RULES, archiveWithinDays: 60 });
    const res = await t.http.get('/calendar/days?year=2027').set(t.bearer(await t.adminToken()));
    expect(res.status).toBe(200);
    expect(res.body.calendarDataVersion).toMatch(/\+config:[0-9a-f]{12}$/);
  });

  it('does not start with a malformed deadlines.json, naming the file and the key', async () => {
    const dir = configDir({ publicationWithinWorkingDays: -1 });
    dirs.push(dir);
    await expect(createTestApp({ env: { CONFIG_DIR: dir }, logger: false })).rejects.toThrow(
      `${join(dir, 'deadlines.json')} publicationWithinWorkingDays: must be a whole number of days from 1 to 366, got -1`,
    );
  });

  it('refuses a bad DEADLINE_SCAN_INTERVAL_MINUTES at start', () => {
    for (const value of ['abc', '-5', '1.5', '10081']) {
      let error: unknown;
      try {
        loadConfig({ DB_PATH: ':memory:', DEADLINE_SCAN_INTERVAL_MINUTES: value });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([{ variable: 'DEADLINE_SCAN_INTERVAL_MINUTES', message: expect.stringContaining(`got "${value}"`) }]);
    }
    expect(loadConfig({ DB_PATH: ':memory:' }).deadlineScanIntervalMinutes).toBe(60);
    expect(loadConfig({ DB_PATH: ':memory:', DEADLINE_SCAN_INTERVAL_MINUTES: '0' }).deadlineScanIntervalMinutes).toBe(0);
  });
});
