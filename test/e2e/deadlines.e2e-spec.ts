import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { DEADLINE_RULES, DEFAULT_DEADLINE_RULES } from '../../src/config/deadline-rules';
import { DeadlineScanService } from '../../src/deadlines/deadline-scan.service';
import { itemA, publishedCatalogWith } from '../support/catalog-fixture';
import { createDistrict } from '../support/district';
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

  it('shows the deadlines in GET /decisions/:id and records the overdue start once', async () => {
    t = await createTestApp();
    const d = await createDistrict(t);
    // Planned start 2026-03-02, decision 2026-12-31; the catalog is published, so it owes nothing.
    const { decisionIds: [a] } = await publishedCatalogWith(t, d, [itemA(d)]);
    const res = await t.http.get(`/decisions/${a}`).set(t.bearer(d.tokens.office));
    expect(res.status).toBe(200);
    const progress = res.body.progress as Array<{ step: string; dueOn?: string; light?: string; deadline?: unknown }>;
    expect(progress.filter((p) => p.dueOn !== undefined).map((p) => p.step)).toEqual(['start', 'collectiveDiscussion']);
    expect(progress.find((p) => p.step === 'start')).toMatchObject({
      status: 'pending',
      dueOn: '2026-03-02',
      light: 'red', // the real clock: any day since March 2026
      deadline: { rule: 'plannedStartOn', startOn: '2026-03-02', days: 0, unit: 'fixed_date', calendarDataVersion: expect.any(String) },
    });
    expect(progress.find((p) => p.step === 'collectiveDiscussion')).toMatchObject({ dueOn: '2026-12-31', deadline: { rule: 'plannedDecisionOn' } });

    const scanner = t.app.get(DeadlineScanService);
    expect(await scanner.scan()).toMatchObject({ scanned: 1, skipped: false });
    expect(await scanner.scan()).toMatchObject({ newlyOverdue: 0 });
    const rows = await t.tx.read((tx) => tx.query<{ decision_id: string; step: string; due_on: string }>('SELECT decision_id, step, due_on FROM overdue_step WHERE step = ?', ['start']));
    expect(rows).toEqual([{ decision_id: a, step: 'start', due_on: '2026-03-02' }]);
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
