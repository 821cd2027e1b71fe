/**
 * Pure helpers on business dates written as 'YYYY-MM-DD' strings.
 *
 * Deadlines are counted in whole calendar days of the administrative calendar (Beijing time), so a
 * date is never carried as a `Date` at local midnight: that shifts by one day whenever the server's
 * timezone differs from the date's. All arithmetic here is done on UTC midnights, where every day is
 * exactly 86 400 000 ms long (UTC has no DST), and only `businessToday` looks at a timezone.
 */

import { formatBusinessDate, MS_PER_DAY, parseBusinessDate } from '../../workflows/dates';

/** Epoch milliseconds of the date's UTC midnight, or NaN when the string is not a real YYYY-MM-DD date (workflows/dates.ts: one arithmetic for the procedure and the calendar). */
const utcMidnight = (s: string): number => parseBusinessDate(s) ?? Number.NaN;
const formatUtc = formatBusinessDate;

/** Strict 'YYYY-MM-DD' (zero-padded, no time part) naming a day that exists in the Gregorian calendar. */
export function isValidBusinessDate(s: string): boolean {
  return !Number.isNaN(utcMidnight(s));
}

/** Throws a RangeError naming the offending value unless it is a valid business date. */
export function assertBusinessDate(s: string, label = 'date'): void {
  if (!isValidBusinessDate(s)) {
    throw new RangeError(`Invalid ${label} ${JSON.stringify(s)}: expected a real calendar date written as YYYY-MM-DD`);
  }
}

function parse(s: string, label: string): number {
  assertBusinessDate(s, label);
  return utcMidnight(s);
}

function assertInteger(n: number, label: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${label} must be an integer, got ${String(n)}`);
}

export function addCalendarDays(date: string, n: number): string {
  assertInteger(n, 'n');
  return formatUtc(parse(date, 'date') + n * MS_PER_DAY);
}

/** `to - from` in calendar days; negative when `to` is before `from`. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((parse(to, 'to') - parse(from, 'from')) / MS_PER_DAY);
}

/** Day of the week as in `Date#getUTCDay`: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(parse(date, 'date')).getUTCDay();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // Throws RangeError for an unknown IANA zone, which is what a caller passing a bad tz should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/**
 * The calendar date it is in `tz` at instant `now`. Defaults to Asia/Shanghai because deadlines run
 * on the Beijing-time administrative calendar whatever timezone the server is in.
 */
export function businessToday(tz = 'Asia/Shanghai', now: Date = new Date()): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is an invalid Date');
  // Zone offsets in use today are whole minutes, so one UTC minute lies within one local day:
  // the answer is kept per minute (every step and every deadline view asks).
  const minute = Math.floor(now.getTime() / 60000);
  const memo = todayMemo.get(tz);
  if (memo && memo.minute === minute) return memo.date;
  const date = computeBusinessToday(tz, now);
  todayMemo.set(tz, { minute, date });
  return date;
}

const todayMemo = new Map<string, { minute: number; date: string }>();

function computeBusinessToday(tz: string, now: Date): string {
  // formatToParts, not format(): the joined format differs between locales and ICU versions.
  const parts = formatterFor(tz).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const p = parts.find((x) => x.type === type);
    if (!p) throw new Error(`Intl.DateTimeFormat returned no ${type} for ${tz}`);
    return p.value;
  };
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
