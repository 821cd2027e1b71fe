import { addCalendarDays } from '../calendar/business-date';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** How far `tz`'s wall clock is ahead of UTC at `instant` (ms; whole seconds). */
function offsetAt(tz: string, instant: number): number {
  const parts = Object.fromEntries(wallClock(tz).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a business day (YYYY-MM-DD, a valid date) begins in `tz`, as an ISO-8601 UTC string. */
export function businessDayStart(date: string, tz: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const midnight = new Date(0);
  midnight.setUTCFullYear(y, m - 1, d);
  // The offset at that midnight, taken where the zone's midnight really is (twice: it may differ across a change of offset).
  let start = midnight.getTime() - offsetAt(tz, midnight.getTime());
  start = midnight.getTime() - offsetAt(tz, start);
  return new Date(start).toISOString();
}

/**
 * The stored timestamps (ISO-8601 UTC strings, which compare as text) of the business days `from`
 * to `to`, both included: `from`'s first instant, and the first instant after `to` (exclusive).
 */
export function businessDayRange(tz: string, from?: string, to?: string): { since?: string; before?: string } {
  return {
    ...(from !== undefined ? { since: businessDayStart(from, tz) } : {}),
    ...(to !== undefined ? { before: businessDayStart(addCalendarDays(to, 1), tz) } : {}),
  };
}
