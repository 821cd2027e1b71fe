/** Business dates are 'YYYY-MM-DD' strings; arithmetic is done in UTC so no time zone can shift a day. */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseBusinessDate(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return undefined;
  return t;
}

export function isBusinessDate(s: unknown): s is string {
  return typeof s === 'string' && parseBusinessDate(s) !== undefined;
}

/** `to − from` in calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round(((parseBusinessDate(to) as number) - (parseBusinessDate(from) as number)) / 86_400_000);
}

/** The later of some dates (ISO date strings compare as text). */
export function latest(...dates: Array<string | undefined>): string | undefined {
  let out: string | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d > out)) out = d;
  return out;
}

export function addDays(date: string, n: number): string {
  return new Date((parseBusinessDate(date) as number) + n * 86_400_000).toISOString().slice(0, 10);
}
