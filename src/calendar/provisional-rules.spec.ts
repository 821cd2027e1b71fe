import { BusinessCalendar } from './business-calendar';
import { addCalendarDays, dayOfWeek } from './business-date';
import { festivalDates, provisionalDaysOff } from './provisional-rules';

/*
 * The provisional schedule against the official one of the years chinese-days knows. Each known
 * year is rebuilt as if its notice had not been published (BusinessCalendar.provisionalFor), the
 * neighbouring years keeping their official data, as the service counts across a year's end.
 */

const official = BusinessCalendar.load({ configDir: undefined });
const KNOWN = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
/** The working-day counts the procedure uses: recording and comment closing (5), review (7), party report (10), publication (20). */
const COUNTS = [5, 7, 10, 20];

const weekday = (d: string): boolean => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('festival dates from chinese-days', () => {
  it('gives the lunar festivals and 清明 of 2027 (the year after the package’s last notice)', () => {
    expect(festivalDates(2027)).toEqual({
      springFestivalEve: '2027-02-05',
      springFestival: '2027-02-06',
      qingming: '2027-04-05',
      dragonBoat: '2027-06-09',
      midAutumn: '2027-09-15',
    });
  });

  it.each(KNOWN)('agrees with the official days off of %i', (year) => {
    const f = festivalDates(year);
    const day = (d: string) => official.days(year).find((x) => x.date === d)!;
    // Every festival day was a day off in the notice of its year.
    for (const d of [f.springFestival, f.qingming, f.dragonBoat, f.midAutumn]) expect([d, day(d).workingDay]).toEqual([d, false]);
    expect(day(f.springFestival).name).toBe('春节');
    expect(day(f.qingming).name).toBe('清明');
    expect(day(f.dragonBoat).name).toBe('端午');
    expect(['中秋', '国庆节']).toContain(day(f.midAutumn).name); // 2020: 中秋 on Oct 1
    expect(addCalendarDays(f.springFestivalEve, 1)).toBe(f.springFestival);
  });

  it('does not depend on the process time zone', () => {
    const here = KNOWN.concat([2027, 2028, 2030]).map((y) => [...provisionalDaysOff(y)]);
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = tz;
        expect([tz, KNOWN.concat([2027, 2028, 2030]).map((y) => [...provisionalDaysOff(y)])]).toEqual([tz, here]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('the provisional schedule', () => {
  it('2027: the statutory holidays, the usual breaks, 补假 and bridges; no make-up working day', () => {
    const weekdaysOff = [...provisionalDaysOff(2027)].filter(([d]) => weekday(d));
    expect(weekdaysOff).toEqual([
      ['2027-01-01', '元旦'], // Friday
      ['2027-02-05', '春节'], // 除夕 (Fri) through 初七 (Fri Feb 12)
      ['2027-02-08', '春节'],
      ['2027-02-09', '春节'],
      ['2027-02-10', '春节'],
      ['2027-02-11', '春节'],
      ['2027-02-12', '春节'],
      ['2027-04-05', '清明'], // Monday
      ['2027-05-03', '劳动节'], // May 1–5 (Sat–Wed)
      ['2027-05-04', '劳动节'],
      ['2027-05-05', '劳动节'],
      ['2027-06-09', '端午'], // Wednesday: no bridge
      ['2027-09-15', '中秋'], // Wednesday
      ['2027-10-01', '国庆节'], // Oct 1–7 (Fri–Thu)
      ['2027-10-04', '国庆节'],
      ['2027-10-05', '国庆节'],
      ['2027-10-06', '国庆节'],
      ['2027-10-07', '国庆节'],
    ]);
    const cal = BusinessCalendar.load({ provisional: true });
    expect(cal.provisionalYears()).toEqual([2027]);
    expect(cal.days(2027).filter((d) => d.kind === 'makeup_workday')).toEqual([]);
    expect(cal.days(2027).filter((d) => d.workingDay)).toHaveLength(261 - weekdaysOff.length);
  });

  it('applies 补假 and the bridges of a one-day holiday (2022: 元旦 Sat, 清明 Tue, 中秋 Sat; 2024: 清明 Thu)', () => {
    const of = (y: number) => provisionalDaysOff(y);
    expect(of(2022).get('2022-01-03')).toBe('元旦'); // Mon after Sat Jan 1
    expect(of(2022).get('2022-04-04')).toBe('清明'); // Mon before Tue Apr 5
    expect(of(2022).get('2022-09-12')).toBe('中秋'); // Mon after Sat Sep 10
    expect(of(2024).get('2024-04-05')).toBe('清明'); // Fri after Thu Apr 4
    expect(of(2023).get('2023-04-05')).toBe('清明'); // Wed: the day alone
    expect(of(2023).has('2023-04-04') || of(2023).has('2023-04-06')).toBe(false);
    // 元旦 2030 is a Tuesday: Mon Dec 31, 2029 is the bridge, a day of 2029's schedule.
    expect(of(2029).get('2029-12-31')).toBe('元旦');
    expect([...of(2030).keys()].every((d) => d.startsWith('2030-'))).toBe(true);
  });

  it('merges 中秋 into the National Day break when it falls within it (2025: Oct 1–8)', () => {
    const off = provisionalDaysOff(2025);
    expect(['2025-10-01', '2025-10-06', '2025-10-08'].map((d) => off.get(d))).toEqual(['国庆节', '中秋', '国庆节']);
    expect(off.has('2025-10-09')).toBe(false);
    const y2023 = provisionalDaysOff(2023); // 中秋 Fri Sep 29
    expect(y2023.get('2023-09-29')).toBe('中秋');
    expect(y2023.get('2023-10-06')).toBe('国庆节');
  });

  describe.each(KNOWN)('%i rebuilt as if its notice were not yet published', (year) => {
    const provisional = official.provisionalFor(year);

    it('every provisional working day is an official working day', () => {
      expect(provisional.isProvisionalYear(year)).toBe(true);
      expect(provisional.isKnownYear(year)).toBe(false);
      const notOfficial = daysOf(year).filter((d) => provisional.isWorkingDay(d) && !official.isWorkingDay(d));
      expect(notOfficial).toEqual([]);
    });

    it('so no count of the procedure ends earlier than on the official calendar, from any day', () => {
      const earlier: string[] = [];
      // The last known year: up to the start days whose counts end before the unknown year after it.
      const last = year === KNOWN[KNOWN.length - 1] ? `${year}-11-30` : `${year}-12-31`;
      for (let from = `${year - 1}-12-01`; from <= last; from = addCalendarDays(from, 1)) {
        for (const n of COUNTS) {
          const p = provisional.addWorkingDays(from, n);
          const o = official.addWorkingDays(from, n);
          if (p < o) earlier.push(`${from}+${n}: ${p} < ${o}`);
        }
      }
      expect(earlier).toEqual([]);
    });

    it('and costs a few working days a year (5–9: the make-up days and the bridges of the notice)', () => {
      const lost = official.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`) - provisional.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(lost).toBeLessThanOrEqual(10);
    });
  });

  it('with the statutory days and the two weeks alone it would not hold: 2026 元旦 (Thu) was joined to the weekend', () => {
    // Fri 2026-01-02 is a day off only because the notice joined 元旦 to the weekend (Sun Jan 4 worked instead).
    expect(official.isWorkingDay('2026-01-02')).toBe(false);
    expect(official.provisionalFor(2026).isWorkingDay('2026-01-02')).toBe(false);
    expect(official.addWorkingDays('2026-01-01', 1)).toBe('2026-01-04');
    expect(official.provisionalFor(2026).addWorkingDays('2026-01-01', 1)).toBe('2026-01-05');
  });
});
