import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BusinessCalendar, CalendarConfigError, CalendarYearUnknownError } from './business-calendar';
import { addCalendarDays } from './business-date';

/*
 * Expected values below were checked against node_modules/chinese-days/dist/years/2025.json and
 * 2026.json and against the notices themselves (国办发明电〔2024〕12号 for 2025, 〔2025〕7号 for 2026):
 *   2025 国庆节/中秋: Oct 1–8 off; make-up working days Sun Sep 28 and Sat Oct 11.
 *   2026 春节: Feb 15 (Sun) – Feb 23 (Mon) off; make-up working days Sat Feb 14 and Sat Feb 28.
 *   2026 元旦: Jan 1–3 off, Sun Jan 4 works.  2026 国庆节: Oct 1–7 off, Sun Sep 20 and Sat Oct 10 work.
 */

const tempDirs: string[] = [];

/** Writes the given files into a fresh temp dir (tests never touch config/calendar). */
function configDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-spec-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Test fixture for a year the package lacks — invented dates, deliberately not the official 2027 schedule. */
const FIXTURE_2027 = {
  year: 2027,
  source: 'test fixture (not an official notice)',
  holidays: { '2027-01-01': '元旦', '2027-01-04': '测试假日' },
  workdays: { '2027-01-09': '测试调休上班' },
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

describe('BusinessCalendar with the package data only', () => {
  let cal: BusinessCalendar;
  beforeAll(() => {
    cal = BusinessCalendar.load({ configDir: configDir({}) });
  });

  it('names the package version and covers exactly its notices 2004–2026', () => {
    expect(cal.dataVersion).toBe('chinese-days@1.5.7');
    expect(cal.knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.isKnownYear(2026)).toBe(true);
    expect(cal.isKnownYear(2003)).toBe(false);
    expect(cal.isKnownYear(2027)).toBe(false);
  });

  it('loads the project config/calendar by default (which must not invent years)', () => {
    const def = BusinessCalendar.load();
    expect(def.dataVersion.startsWith('chinese-days@1.5.7')).toBe(true);
    expect(def.isKnownYear(2025)).toBe(true);
  });

  describe('2025 National Day / Mid-Autumn (Oct 1–8)', () => {
    it.each(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'])(
      '%s is a holiday',
      (d) => expect(cal.isWorkingDay(d)).toBe(false),
    );

    it('Sunday Sep 28 and Saturday Oct 11 are make-up working days', () => {
      expect(cal.isWorkingDay('2025-09-28')).toBe(true);
      expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    });

    it('the surrounding days are ordinary', () => {
      expect(cal.isWorkingDay('2025-09-27')).toBe(false); // Saturday
      expect(cal.isWorkingDay('2025-09-29')).toBe(true); // Monday
      expect(cal.isWorkingDay('2025-09-30')).toBe(true); // Tuesday
      expect(cal.isWorkingDay('2025-10-09')).toBe(true); // Thursday
      expect(cal.isWorkingDay('2025-10-12')).toBe(false); // Sunday
    });

    it('days() labels kinds and Chinese names', () => {
      const byDate = new Map(cal.days(2025).map((d) => [d.date, d]));
      expect(byDate.get('2025-10-01')).toEqual({ date: '2025-10-01', workingDay: false, kind: 'holiday', name: '国庆节' });
      expect(byDate.get('2025-10-06')).toEqual({ date: '2025-10-06', workingDay: false, kind: 'holiday', name: '中秋' });
      expect(byDate.get('2025-09-28')).toEqual({ date: '2025-09-28', workingDay: true, kind: 'makeup_workday', name: '国庆节' });
      expect(byDate.get('2025-09-27')).toEqual({ date: '2025-09-27', workingDay: false, kind: 'weekend' });
      expect(byDate.get('2025-09-29')).toEqual({ date: '2025-09-29', workingDay: true, kind: 'workday' });
    });

    it('a review submitted Mon 2025-09-29: its 7th working day is Wed 2025-10-15', () => {
      // Sep 30 (1), Oct 1–8 off, Oct 9 (2), Oct 10 (3), Sat Oct 11 make-up (4), Sun Oct 12 off, Oct 13 (5), 14 (6), 15 (7).
      expect(cal.addWorkingDays('2025-09-29', 1)).toBe('2025-09-30');
      expect(cal.addWorkingDays('2025-09-29', 2)).toBe('2025-10-09');
      expect(cal.addWorkingDays('2025-09-29', 4)).toBe('2025-10-11');
      expect(cal.addWorkingDays('2025-09-29', 5)).toBe('2025-10-13');
      expect(cal.addWorkingDays('2025-09-29', 7)).toBe('2025-10-15');
    });

    it('a make-up Sunday counts: from Fri 2025-09-26 the 1st working day is Sun Sep 28', () => {
      expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
      expect(cal.addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
    });

    it('workingDaysBetween counts from < d <= to', () => {
      // Sep 28, 29, 30, Oct 9, 10, 11, 13, 14, 15
      expect(cal.workingDaysBetween('2025-09-26', '2025-10-15')).toBe(9);
      expect(cal.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
      expect(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    });
  });

  describe('2026 Spring Festival (Feb 15–23)', () => {
    it('Feb 15–23 are holidays, weekend days inside included', () => {
      const feb = cal.days(2026).filter((d) => d.date >= '2026-02-15' && d.date <= '2026-02-23');
      expect(feb).toHaveLength(9);
      for (const d of feb) expect(d).toMatchObject({ workingDay: false, kind: 'holiday', name: '春节' });
    });

    it('Saturdays Feb 14 and Feb 28 are make-up working days', () => {
      expect(cal.isWorkingDay('2026-02-14')).toBe(true);
      expect(cal.isWorkingDay('2026-02-28')).toBe(true);
      expect(cal.isWorkingDay('2026-02-21')).toBe(false); // Saturday inside the holiday
      expect(cal.isWorkingDay('2026-03-07')).toBe(false); // an ordinary Saturday
      expect(cal.days(2026).filter((d) => d.kind === 'makeup_workday').map((d) => d.date)).toEqual([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]);
    });

    it('make-up Saturday counts as a working day in addWorkingDays', () => {
      expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Fri -> make-up Sat
      expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // then the first day after the holiday
      expect(cal.addWorkingDays('2026-02-27', 1)).toBe('2026-02-28'); // Fri -> make-up Sat
      expect(cal.addWorkingDays('2026-02-27', 2)).toBe('2026-03-02'); // Sun Mar 1 is off
    });

    it('workingDaysBetween across the festival', () => {
      // Feb 14, 24, 25, 26, 27, 28
      expect(cal.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
    });
  });

  it('a holiday on a weekend stays a holiday (2026-01-03 Sat, 元旦) and Sun 2026-01-04 works', () => {
    expect(cal.days(2026)[2]).toEqual({ date: '2026-01-03', workingDay: false, kind: 'holiday', name: '元旦' });
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('days() covers the whole year, leap years included', () => {
    const y2024 = cal.days(2024);
    expect(y2024).toHaveLength(366);
    expect(y2024[0].date).toBe('2024-01-01');
    expect(y2024[59].date).toBe('2024-02-29');
    expect(y2024[365].date).toBe('2024-12-31');
    expect(cal.days(2025)).toHaveLength(365);
  });

  it('2025 and 2026 each have 248 working days', () => {
    // 261 weekdays - 18 weekday holidays + 5 make-up days (2025); 261 - 19 + 6 (2026).
    expect(cal.days(2025).filter((d) => d.workingDay)).toHaveLength(248);
    expect(cal.days(2026).filter((d) => d.workingDay)).toHaveLength(248);
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });

  it('agrees with chinese-days isWorkday() on every day 2004–2026', () => {
    // Oracle run in a child with TZ=Asia/Shanghai: the package's own function is only right in zones at or ahead of UTC.
    const script = `
      const { isWorkday } = require('chinese-days');
      const out = [];
      for (let t = Date.UTC(2004, 0, 1); t < Date.UTC(2027, 0, 1); t += 864e5) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (isWorkday(d)) out.push(d);
      }
      process.stdout.write(JSON.stringify(out));`;
    const oracle = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Asia/Shanghai' }, cwd: process.cwd() }).toString(),
    ) as string[];
    const mine = cal.knownYears().flatMap((y) => cal.days(y).filter((d) => d.workingDay).map((d) => d.date));
    expect(mine).toHaveLength(oracle.length);
    expect(mine).toEqual(oracle);
  });

  it('workingDaysBetween is the inverse of addWorkingDays', () => {
    for (let d = '2025-09-01'; d <= '2026-03-01'; d = addCalendarDays(d, 7)) {
      for (const n of [1, 3, 5, 10, 20]) {
        const due = cal.addWorkingDays(d, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.workingDaysBetween(d, due)).toBe(n);
        expect(cal.workingDaysBetween(d, addCalendarDays(due, -1))).toBe(n - 1);
      }
    }
  });

  it('addWorkingDays agrees with a day-by-day walk, within a year, across years and leap days', () => {
    const walk = (from: string, n: number): string => {
      let d = from;
      for (let count = 0; count < n; ) if (cal.isWorkingDay((d = addCalendarDays(d, 1)))) count++;
      return d;
    };
    for (let d = '2023-11-01'; d <= '2025-03-10'; d = addCalendarDays(d, 4)) {
      for (const n of [1, 7, 20, 300]) expect([d, n, cal.addWorkingDays(d, n)]).toEqual([d, n, walk(d, n)]);
    }
  });

  it('workingDaysBetween is 0 when to <= from', () => {
    expect(cal.workingDaysBetween('2025-10-15', '2025-10-15')).toBe(0);
    expect(cal.workingDaysBetween('2025-10-15', '2025-09-01')).toBe(0);
  });

  it('workingDaysBetween agrees with a day-by-day count, within a year and across years', () => {
    const byDay = (from: string, to: string): number => {
      let n = 0;
      for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (cal.isWorkingDay(d)) n++;
      return n;
    };
    const starts = ['2003-12-31', '2004-02-29', '2024-12-31', '2025-01-01', '2025-09-30', '2025-12-31', '2026-02-14'];
    const ends = ['2004-01-02', '2004-12-31', '2025-01-01', '2025-10-09', '2026-01-01', '2026-02-24', '2026-12-31'];
    for (const from of starts) for (const to of ends) if (from < to) expect([from, to, cal.workingDaysBetween(from, to)]).toEqual([from, to, byDay(from, to)]);
  });

  describe('unknown years', () => {
    it('2099 throws CalendarYearUnknownError pointing at config/calendar', () => {
      const e = thrown(() => cal.isWorkingDay('2099-01-05'));
      expect(e).toBeInstanceOf(CalendarYearUnknownError);
      expect(e).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', year: 2099, name: 'CalendarYearUnknownError' });
      expect((e as Error).message).toMatch(/2099 is not in the official calendar data/);
      expect((e as Error).message).toMatch(/config\/calendar\/2099\.json/);
    });

    it('weekends and weekdays of an unknown year are not guessed', () => {
      expect(() => cal.isWorkingDay('2027-01-06')).toThrow(CalendarYearUnknownError);
      expect(() => cal.isWorkingDay('2027-01-09')).toThrow(CalendarYearUnknownError);
      expect(() => cal.isWorkingDay('2003-12-31')).toThrow(CalendarYearUnknownError);
      expect(() => cal.days(2099)).toThrow(CalendarYearUnknownError);
    });

    it('walking from 2026 into 2027 throws with year 2027', () => {
      expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      expect(thrown(() => cal.addWorkingDays('2026-12-30', 2))).toMatchObject({ code: 'CALENDAR_YEAR_UNKNOWN', year: 2027 });
      expect(() => cal.workingDaysBetween('2026-12-01', '2027-01-10')).toThrow(CalendarYearUnknownError);
    });

    it('the start date itself is not counted, so it may lie in an unknown year', () => {
      expect(cal.addWorkingDays('2003-12-31', 1)).toBe('2004-01-02'); // 2004-01-01 is 元旦
    });
  });

  it('rejects invalid input with RangeError', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-2-3')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-03', 0)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-03', 1.5)).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2026-02-03', '2026/03/01')).toThrow(RangeError);
  });
});

describe('BusinessCalendar with config files', () => {
  it('a config dir adding 2027 makes 2027 known', () => {
    const cal = BusinessCalendar.load({ configDir: configDir({ '2027.json': FIXTURE_2027 }) });
    expect(cal.isKnownYear(2027)).toBe(true);
    expect(cal.knownYears().at(-1)).toBe(2027);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // fixture holiday (Friday)
    expect(cal.isWorkingDay('2027-01-04')).toBe(false); // fixture holiday (Monday)
    expect(cal.isWorkingDay('2027-01-05')).toBe(true); // ordinary Tuesday
    expect(cal.isWorkingDay('2027-01-09')).toBe(true); // fixture make-up Saturday
    expect(cal.isWorkingDay('2027-01-10')).toBe(false); // ordinary Sunday
    // Thu Dec 31 (1), Jan 1 off, weekend, Jan 4 off, Jan 5 (2), 6 (3), 7 (4), 8 (5)
    expect(cal.addWorkingDays('2026-12-30', 5)).toBe('2027-01-08');
    expect(cal.days(2027)).toHaveLength(365);
    expect(cal.days(2027)[8]).toEqual({ date: '2027-01-09', workingDay: true, kind: 'makeup_workday', name: '测试调休上班' });
    expect(() => cal.isWorkingDay('2028-01-03')).toThrow(CalendarYearUnknownError);
  });

  it('dataVersion changes with config and is stable for the same files', () => {
    const plain = BusinessCalendar.load({ configDir: configDir({}) }).dataVersion;
    const a = BusinessCalendar.load({ configDir: configDir({ '2027.json': FIXTURE_2027 }) }).dataVersion;
    const a2 = BusinessCalendar.load({ configDir: configDir({ '2027.json': FIXTURE_2027 }) }).dataVersion;
    const b = BusinessCalendar.load({
      configDir: configDir({ '2027.json': { ...FIXTURE_2027, workdays: { '2027-01-10': '测试调休上班' } } }),
    }).dataVersion;
    expect(plain).toBe('chinese-days@1.5.7');
    expect(a).toMatch(/^chinese-days@1\.5\.7\+config:[0-9a-f]{12}$/);
    expect(a2).toBe(a);
    expect(b).toMatch(/^chinese-days@1\.5\.7\+config:[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
  });

  it('a file for a package year overrides only the days it lists', () => {
    const cal = BusinessCalendar.load({
      configDir: configDir({
        '2026.json': {
          year: 2026,
          source: 'test fixture (not an official notice)',
          holidays: { '2026-10-08': '测试假日', '2026-10-10': '测试假日' }, // Oct 10 is a make-up Saturday in the package
          workdays: { '2026-10-11': '测试调休上班' }, // Sunday
        },
      }),
    });
    expect(cal.knownYears()).toHaveLength(23);
    expect(cal.isWorkingDay('2026-10-08')).toBe(false);
    expect(cal.isWorkingDay('2026-10-10')).toBe(false);
    expect(cal.isWorkingDay('2026-10-11')).toBe(true);
    expect(cal.days(2026).find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'holiday', name: '测试假日' });
    // untouched package days
    expect(cal.isWorkingDay('2026-10-07')).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
  });

  it('ignores non-JSON files such as README.md', () => {
    const cal = BusinessCalendar.load({ configDir: configDir({ 'README.md': '# notes' }) });
    expect(cal.dataVersion).toBe('chinese-days@1.5.7');
  });

  describe('validation names the file and the key', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['misnamed file', { 'holidays-2027.json': FIXTURE_2027 }, /holidays-2027\.json: .*<year>\.json/],
      ['invalid JSON', { '2027.json': '{ "year": 2027, ' }, /2027\.json: invalid JSON/],
      ['not an object', { '2027.json': '[]' }, /2027\.json: expected a JSON object/],
      ['year mismatch', { '2027.json': { ...FIXTURE_2027, year: 2028 } }, /2027\.json year: must be 2027/],
      ['missing source', { '2027.json': { ...FIXTURE_2027, source: '' } }, /2027\.json source: required/],
      ['unknown key', { '2027.json': { ...FIXTURE_2027, workday: {} } }, /2027\.json workday: unknown key/],
      [
        'impossible date',
        { '2027.json': { ...FIXTURE_2027, holidays: { '2027-02-30': '春节' } } },
        /2027\.json holidays\["2027-02-30"\]: key must be a real date/,
      ],
      [
        'unpadded date',
        { '2027.json': { ...FIXTURE_2027, holidays: { '2027-2-3': '春节' } } },
        /2027\.json holidays\["2027-2-3"\]/,
      ],
      [
        'date of another year',
        { '2027.json': { ...FIXTURE_2027, holidays: { '2028-10-01': '国庆节' } } },
        /2027\.json holidays\["2028-10-01"\]: date is outside 2027/,
      ],
      [
        'empty name',
        { '2027.json': { ...FIXTURE_2027, holidays: { '2027-01-01': ' ' } } },
        /2027\.json holidays\["2027-01-01"\]: value must be a non-empty name/,
      ],
      [
        'make-up day on a weekday',
        { '2027.json': { ...FIXTURE_2027, workdays: { '2027-01-08': '调休' } } },
        /2027\.json workdays\["2027-01-08"\]: 2027-01-08 is a Friday, already a working day/,
      ],
      [
        'date in both lists',
        { '2027.json': { ...FIXTURE_2027, workdays: { '2027-01-02': 'x' }, holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦' } } },
        /2027\.json workdays\["2027-01-02"\]: date is also listed in holidays/,
      ],
      [
        'new year without holidays',
        { '2027.json': { year: 2027, source: 'test fixture', workdays: {} } },
        /2027\.json holidays: 2027 is not in chinese-days/,
      ],
      [
        'holidays not an object',
        { '2027.json': { ...FIXTURE_2027, holidays: ['2027-01-01'] } },
        /2027\.json holidays: must be an object/,
      ],
    ];

    it.each(cases)('%s', (_label, files, message) => {
      const e = thrown(() => BusinessCalendar.load({ configDir: configDir(files) }));
      expect(e).toBeInstanceOf(CalendarConfigError);
      expect((e as Error).message).toMatch(message);
    });

    it('adjacent files must not disagree on a shared date', () => {
      const files = {
        '2027.json': { ...FIXTURE_2027, holidays: { ...FIXTURE_2027.holidays, '2026-12-31': '元旦' } },
        '2026.json': { year: 2026, source: 'test fixture', workdays: { '2026-12-27': 'x' }, holidays: {} },
      };
      // consistent: allowed
      expect(BusinessCalendar.load({ configDir: configDir(files) }).isWorkingDay('2026-12-31')).toBe(false);
      const clash = {
        '2027.json': { ...FIXTURE_2027, holidays: { ...FIXTURE_2027.holidays, '2026-12-27': '元旦' } },
        '2026.json': { year: 2026, source: 'test fixture', workdays: { '2026-12-27': 'x' } },
      };
      expect(() => BusinessCalendar.load({ configDir: configDir(clash) })).toThrow(/2027\.json holidays\["2026-12-27"\]: conflicts with .*2026\.json/);
    });

    it('an explicit config dir that does not exist is an error', () => {
      expect(() => BusinessCalendar.load({ configDir: join(tmpdir(), 'calendar-spec-does-not-exist-7f3a') })).toThrow(
        /calendar config directory does not exist/,
      );
    });
  });
});

describe('BusinessCalendar with a provisional year (as the service loads it)', () => {
  const load = (files: Record<string, unknown> = {}) => BusinessCalendar.load({ configDir: configDir(files), provisional: true });

  it('counts the year after the last official one on its provisional schedule, and no further', () => {
    const cal = load();
    expect(cal.dataVersion).toBe('chinese-days@1.5.7');
    expect(cal.knownYears()).toHaveLength(23);
    expect(cal.provisionalYears()).toEqual([2027]);
    expect([cal.isKnownYear(2027), cal.isProvisionalYear(2027), cal.isProvisionalYear(2026)]).toEqual([false, true, false]);
    expect(cal.days(2027)).toHaveLength(365);
    // Wed Dec 23: Dec 24, 25, 28, 29, 30, 31, then 元旦 (Fri) and the weekend: Mon Jan 4.
    expect(cal.addWorkingDays('2026-12-23', 7)).toBe('2027-01-04');
    expect(cal.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(7);
    expect(() => cal.isWorkingDay('2028-01-03')).toThrow(CalendarYearUnknownError);
    expect(() => cal.addWorkingDays('2027-12-20', 30)).toThrow(CalendarYearUnknownError);
  });

  it('is off unless asked for: 2027 stays unknown', () => {
    expect(BusinessCalendar.load({ configDir: configDir({}) }).provisionalYears()).toEqual([]);
    expect(() => BusinessCalendar.load({ configDir: configDir({}) }).addWorkingDays('2026-12-23', 7)).toThrow(CalendarYearUnknownError);
  });

  it('moves on once the year’s notice is added: 2027 official, 2028 provisional', () => {
    const cal = load({ '2027.json': FIXTURE_2027 });
    expect(cal.isKnownYear(2027)).toBe(true);
    expect(cal.provisionalYears()).toEqual([2028]);
    expect(cal.isWorkingDay('2027-01-04')).toBe(false); // the fixture's, not the provisional schedule's
    expect(cal.isWorkingDay('2027-01-09')).toBe(true);
    expect(cal.isWorkingDay('2028-01-03')).toBe(false); // 元旦 2028 is a Saturday: Monday is its 补假
  });

  it('keeps the official data of its days that an adjacent notice already names', () => {
    const cal = load({
      '2026.json': { year: 2026, source: 'test fixture (not an official notice)', holidays: { '2027-01-04': '测试假日' }, workdays: { '2027-01-02': '测试调休上班' } },
    });
    expect(cal.days(2027).slice(0, 4)).toEqual([
      { date: '2027-01-01', workingDay: false, kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', workingDay: true, kind: 'makeup_workday', name: '测试调休上班' },
      { date: '2027-01-03', workingDay: false, kind: 'weekend' },
      { date: '2027-01-04', workingDay: false, kind: 'holiday', name: '测试假日' },
    ]);
  });

  it('names the provisional years a count from `from` to `to` rests on (from < d <= to)', () => {
    const cal = load();
    expect(cal.provisionalYearsIn('2026-12-01', '2026-12-31')).toEqual([]);
    expect(cal.provisionalYearsIn('2026-12-30', '2027-01-01')).toEqual([2027]);
    expect(cal.provisionalYearsIn('2026-12-31', '2027-01-01')).toEqual([2027]);
    expect(cal.provisionalYearsIn('2027-03-01', '2027-04-01')).toEqual([2027]);
    expect(cal.provisionalYearsIn('2027-12-31', '2028-01-05')).toEqual([]);
    expect(cal.provisionalYearsIn('2027-01-05', '2027-01-05')).toEqual([]);
    expect(cal.provisionalYearsIn('2027-01-05', '2026-12-01')).toEqual([]);
  });

  it('tracked(): counts as the calendar does and remembers the provisional years they rested on', () => {
    const cal = load();
    const tracked = cal.tracked();
    expect(tracked.dataVersion).toBe(cal.dataVersion);
    expect(tracked.addWorkingDays('2026-12-01', 7)).toBe('2026-12-10');
    expect(tracked.workingDaysBetween('2026-11-01', '2026-12-31')).toBe(cal.workingDaysBetween('2026-11-01', '2026-12-31'));
    expect(tracked.provisionalYearsUsed()).toEqual([]);
    expect(tracked.workingDaysBetween('2026-12-23', '2027-01-15')).toBe(16);
    expect(tracked.provisionalYearsUsed()).toEqual([2027]);
    // A count that cannot be made is not remembered.
    const other = cal.tracked();
    expect(() => other.addWorkingDays('2027-12-30', 5)).toThrow(CalendarYearUnknownError);
    expect(other.provisionalYearsUsed()).toEqual([]);
  });
});
