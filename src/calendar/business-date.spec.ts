import * as procedure from '../../workflows/dates';
import {
  addCalendarDays,
  assertBusinessDate,
  businessToday,
  calendarDaysBetween,
  dayOfWeek,
  isValidBusinessDate,
} from './business-date';

describe('isValidBusinessDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-02-28', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => expect(isValidBusinessDate(s)).toBe(true),
  );

  it.each([
    ['2026-02-30', 'day past month end'],
    ['2026-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-2-3', 'not zero-padded'],
    ['26-02-03', 'two-digit year'],
    ['2026/02/03', 'wrong separator'],
    ['2026-02-03T00:00:00Z', 'time part'],
    [' 2026-02-03', 'leading space'],
    ['2026-02-03\n', 'trailing newline'],
    ['', 'empty'],
  ])('rejects %j (%s)', (s) => expect(isValidBusinessDate(s)).toBe(false));

  it('rejects non-strings passed from untyped callers', () => {
    expect(isValidBusinessDate(undefined as unknown as string)).toBe(false);
    expect(isValidBusinessDate(20260203 as unknown as string)).toBe(false);
  });

  it('assertBusinessDate names the bad value', () => {
    expect(() => assertBusinessDate('2026-02-30', 'dueOn')).toThrow(/dueOn "2026-02-30"/);
    expect(() => assertBusinessDate('2026-02-28')).not.toThrow();
  });
});

describe('addCalendarDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-03-31', 0)).toBe('2026-03-31');
    // 2024 is a leap year: 366 days from 2024-01-01 is 2025-01-01.
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('is unaffected by DST of the process timezone (only UTC arithmetic)', () => {
    // Europe/America switch DST in late March / early November; each step must stay one day.
    expect(addCalendarDays('2026-03-07', 30)).toBe('2026-04-06');
    expect(addCalendarDays('2026-10-30', 7)).toBe('2026-11-06');
  });

  it('rejects invalid input', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-02-01', Number.NaN)).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('calendarDaysBetween', () => {
  it('returns to - from, negative when to is earlier', () => {
    expect(calendarDaysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(calendarDaysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(calendarDaysBetween('2026-01-31', '2026-01-01')).toBe(-30);
    expect(calendarDaysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(calendarDaysBetween('2025-02-01', '2025-03-01')).toBe(28);
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2000-01-01', '2100-01-01')).toBe(36525); // 25 leap years: 2000, 2004, …, 2096
  });

  it('rejects invalid dates', () => {
    expect(() => calendarDaysBetween('2026-2-3', '2026-02-04')).toThrow(/from "2026-2-3"/);
    expect(() => calendarDaysBetween('2026-02-03', '2026-02-30')).toThrow(/to "2026-02-30"/);
  });
});

describe('dayOfWeek', () => {
  it('matches known weekdays', () => {
    expect(dayOfWeek('2025-10-01')).toBe(3); // Wednesday
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday
    expect(dayOfWeek('2026-02-15')).toBe(0); // Sunday
    expect(dayOfWeek('2000-01-01')).toBe(6); // Saturday
  });
});

describe('businessToday', () => {
  it('defaults to Asia/Shanghai: 17:00 UTC is already the next day in Beijing', () => {
    expect(businessToday(undefined, new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(businessToday('Asia/Shanghai', new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(businessToday('Asia/Shanghai', new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });

  it('honours another timezone', () => {
    const now = new Date('2026-11-28T17:00:00Z');
    expect(businessToday('UTC', now)).toBe('2026-11-28');
    expect(businessToday('America/Los_Angeles', new Date('2026-01-01T05:00:00Z'))).toBe('2025-12-31');
  });

  it('crosses the year boundary in Beijing before UTC does', () => {
    expect(businessToday('Asia/Shanghai', new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('returns a valid business date for the real clock', () => {
    expect(isValidBusinessDate(businessToday())).toBe(true);
  });

  it('rejects a bad timezone or an invalid Date', () => {
    expect(() => businessToday('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => businessToday('Asia/Shanghai', new Date('nope'))).toThrow(RangeError);
  });
});

describe('one date arithmetic for the procedure and the calendar', () => {
  it('agrees with workflows/dates.ts on every date, years below 100 included', () => {
    for (const d of ['0000-02-29', '0099-12-31', '0100-02-29', '1900-02-29', '2000-02-29', '2026-11-30', '9999-12-31']) {
      expect([d, procedure.isBusinessDate(d)]).toEqual([d, isValidBusinessDate(d)]);
    }
    expect(procedure.isBusinessDate('0099-12-31')).toBe(true);
    expect(procedure.addDays('0099-12-31', 1)).toBe(addCalendarDays('0099-12-31', 1));
    expect(procedure.addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(procedure.daysBetween('0004-02-28', '0004-03-01')).toBe(calendarDaysBetween('0004-02-28', '0004-03-01'));
  });
});
