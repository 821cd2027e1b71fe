/**
 * Business dates are 'YYYY-MM-DD' strings (years 0000–9999 of the proleptic Gregorian calendar);
 * arithmetic is done on UTC midnights, where every day is 86 400 000 ms long, so no time zone can
 * shift a day. The one implementation: the service's calendar (src/calendar/business-date.ts) uses it.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MS_PER_DAY = 86_400_000;

/** Days in a month (year 0 a leap year, as Date counts it). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to the date (H. Hinnant's days_from_civil): arithmetic, not a Date, so years below 100 stay themselves. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Epoch milliseconds of the date's UTC midnight, or undefined when the string is not a real YYYY-MM-DD date. */
export function parseBusinessDate(s: string): number | undefined {
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (!m) return undefined;
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/** The 'YYYY-MM-DD' of a UTC midnight; a RangeError outside the years 0000–9999. */
export function formatBusinessDate(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 0 || year > 9999) throw new RangeError('Date out of the YYYY-MM-DD range (years 0000..9999)');
  return `${String(year).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function isBusinessDate(s: unknown): s is string {
  return typeof s === 'string' && parseBusinessDate(s) !== undefined;
}

/** `to − from` in calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round(((parseBusinessDate(to) as number) - (parseBusinessDate(from) as number)) / MS_PER_DAY);
}

/** The later of some dates (ISO date strings compare as text). */
export function latest(...dates: Array<string | undefined>): string | undefined {
  let out: string | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d > out)) out = d;
  return out;
}

export function addDays(date: string, n: number): string {
  return formatBusinessDate((parseBusinessDate(date) as number) + n * MS_PER_DAY);
}
