/**
 * Working-day calendar of the People's Republic of China: weekends, the statutory holidays and the
 * make-up working weekends (调休上班) that the State Council General Office publishes each year in
 * 《国务院办公厅关于 Y 年部分节假日安排的通知》 (README, "Working days and deadlines").
 *
 * The data comes from the `chinese-days` package plus `config/calendar/<year>.json` files for years it
 * lacks (or days to correct). Unlike `chinese-days` itself, which treats a year it has no notice for
 * as plain Monday–Friday weeks, a date in a year nobody has data for is an error: a deadline computed
 * from guessed holidays would be silently wrong by up to a week around Spring Festival or National Day.
 * Only the package's JSON data is used, not its calendar functions: its isWorkday() parses dates in the
 * process timezone and answers wrongly for hundreds of days when that zone is behind UTC (e.g.
 * America/New_York).
 *
 * Loaded with `provisional: true` (as the service loads it), the one year after the last year with
 * official data has a provisional schedule instead (provisional-rules.ts): the statutory holidays and
 * the usual breaks, no make-up working day, so that a count never ends earlier than the official one
 * will. Every count that rests on it can say so (`provisionalYearsIn`, `tracked`); later years stay
 * unknown.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { addCalendarDays, assertBusinessDate, dayOfWeek, isValidBusinessDate } from './business-date';
import { provisionalDaysOff } from './provisional-rules';

export class CalendarYearUnknownError extends Error {
  readonly code = 'CALENDAR_YEAR_UNKNOWN';

  constructor(readonly year: number) {
    super(
      `Year ${year} is not in the official calendar data (neither the chinese-days package nor config/calendar has ` +
        `the State Council holiday notice for ${year}). Add config/calendar/${year}.json transcribed from ` +
        `《国务院办公厅关于${year}年部分节假日安排的通知》 — format in config/calendar/README.md.`,
    );
    this.name = 'CalendarYearUnknownError';
  }
}

/** A calendar config file (or the package data) is malformed; `file` and `key` say where. */
export class CalendarConfigError extends Error {
  readonly code = 'CALENDAR_CONFIG_INVALID';

  constructor(
    readonly file: string,
    readonly key: string | undefined,
    problem: string,
  ) {
    super(`${file}${key === undefined ? '' : ` ${key}`}: ${problem}`);
    this.name = 'CalendarConfigError';
  }
}

export interface CalendarDay {
  date: string;
  workingDay: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  /** Holiday name for `holiday` / `makeup_workday` (the festival the make-up day belongs to, from the package). */
  name?: string;
}

export interface LoadOptions {
  /** Directory with `<year>.json` files; default `<cwd>/config/calendar`. An explicit dir must exist. */
  configDir?: string;
  /**
   * Give the year after the last official one a provisional schedule (provisional-rules.ts) rather
   * than refusing it. Off by default: a calendar without it knows only what was published.
   */
  provisional?: boolean;
}

/** A calendar whose counts remember the provisional years they rested on (one per engine step). */
export interface TrackedCalendar {
  readonly dataVersion: string;
  addWorkingDays(date: string, n: number): string;
  workingDaysBetween(from: string, to: string): number;
  /** The provisional years every count so far rested on, ascending. */
  provisionalYearsUsed(): number[];
}

type SpecialKind = 'holiday' | 'makeup_workday';

interface PackageData {
  version: string;
  years: number[];
  holidays: Map<string, string>;
  workdays: Map<string, string>;
}

interface ConfigFile {
  file: string;
  year: number;
  raw: Buffer;
  holidays: Map<string, string>;
  workdays: Map<string, string>;
}

const PACKAGE = 'chinese-days';
const YEAR_FILE = /^(\d{4})\.json$/;
const CONFIG_KEYS = new Set(['year', 'source', 'holidays', 'workdays', 'note']);

let packageData: PackageData | undefined;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The package stores 'English,中文,n' (n = statutory days of that holiday); the Chinese name is what users read. */
function packageName(value: string): string {
  const parts = value.split(',');
  return parts.length >= 2 && parts[1].trim() !== '' ? parts[1].trim() : value;
}

function loadPackageData(): PackageData {
  if (packageData) return packageData;
  const root = dirname(require.resolve(`${PACKAGE}/package.json`));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dataFile = join(root, 'dist', 'chinese-days.json');
  const data: unknown = JSON.parse(readFileSync(dataFile, 'utf8'));
  if (!isPlainObject(data)) throw new CalendarConfigError(dataFile, undefined, 'expected a JSON object');

  const section = (key: 'holidays' | 'workdays'): Map<string, string> => {
    const obj = data[key];
    if (!isPlainObject(obj)) throw new CalendarConfigError(dataFile, key, `${PACKAGE}@${version} data has no "${key}" object`);
    const out = new Map<string, string>();
    for (const [date, value] of Object.entries(obj)) {
      if (!isValidBusinessDate(date) || typeof value !== 'string') {
        throw new CalendarConfigError(dataFile, `${key}["${date}"]`, `unexpected ${PACKAGE}@${version} data format`);
      }
      out.set(date, packageName(value));
    }
    return out;
  };
  const holidays = section('holidays');
  const workdays = section('workdays'); // in chinese-days "workdays" means make-up working days only

  // Coverage comes from the per-notice files dist/years/<year>.json: a year is known because its notice
  // is in the package, not because some date of it happens to appear in the aggregated data.
  const yearsDir = join(root, 'dist', 'years');
  let years: number[];
  if (existsSync(yearsDir)) {
    years = readdirSync(yearsDir)
      .map((f) => YEAR_FILE.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
  } else {
    years = [...new Set([...holidays.keys(), ...workdays.keys()].map((d) => Number(d.slice(0, 4))))];
  }
  if (years.length === 0) throw new CalendarConfigError(dataFile, undefined, `${PACKAGE}@${version} covers no year`);
  years.sort((a, b) => a - b);

  packageData = { version, years, holidays, workdays };
  return packageData;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parseConfigFile(dir: string, file: string, packageYears: ReadonlySet<number>): ConfigFile {
  const path = join(dir, file);
  const fileYear = Number(YEAR_FILE.exec(file)?.[1]);
  const raw = readFileSync(path);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new CalendarConfigError(path, undefined, `invalid JSON (${(e as Error).message})`);
  }
  if (!isPlainObject(json)) throw new CalendarConfigError(path, undefined, 'expected a JSON object');

  for (const key of Object.keys(json)) {
    // A misspelt "workday" would otherwise be ignored and its make-up days silently lost.
    if (!CONFIG_KEYS.has(key)) {
      throw new CalendarConfigError(path, key, `unknown key; allowed: ${[...CONFIG_KEYS].join(', ')}`);
    }
  }
  if (json.year !== fileYear) {
    throw new CalendarConfigError(path, 'year', `must be ${fileYear} (the file name's year), got ${JSON.stringify(json.year)}`);
  }
  if (typeof json.source !== 'string' || json.source.trim() === '') {
    throw new CalendarConfigError(
      path,
      'source',
      'required: the State Council notice the days are transcribed from (title and document number)',
    );
  }
  if (json.note !== undefined && typeof json.note !== 'string') {
    throw new CalendarConfigError(path, 'note', 'must be a string');
  }

  const section = (key: 'holidays' | 'workdays'): Map<string, string> => {
    const obj = json[key];
    const out = new Map<string, string>();
    if (obj === undefined) return out;
    if (!isPlainObject(obj)) throw new CalendarConfigError(path, key, 'must be an object of "YYYY-MM-DD": "name"');
    for (const [date, name] of Object.entries(obj)) {
      const where = `${key}["${date}"]`;
      if (!isValidBusinessDate(date)) throw new CalendarConfigError(path, where, 'key must be a real date written as YYYY-MM-DD');
      // A notice for year Y may start Y's New Year holiday on Dec 30/31 of Y-1 or end a holiday early in
      // January of Y+1; anything further away is a typo in the year.
      const y = Number(date.slice(0, 4));
      const month = date.slice(5, 7);
      if (!(y === fileYear || (y === fileYear - 1 && month === '12') || (y === fileYear + 1 && month === '01'))) {
        throw new CalendarConfigError(
          path,
          where,
          `date is outside ${fileYear} (a ${fileYear} notice reaches at most into December ${fileYear - 1} or January ${fileYear + 1})`,
        );
      }
      if (typeof name !== 'string' || name.trim() === '') throw new CalendarConfigError(path, where, 'value must be a non-empty name');
      if (key === 'workdays') {
        const dow = dayOfWeek(date);
        // 调休上班 only ever moves work onto a Saturday or Sunday; a weekday here is a wrong date.
        if (dow !== 0 && dow !== 6) {
          throw new CalendarConfigError(
            path,
            where,
            `${date} is a ${WEEKDAY_NAMES[dow]}, already a working day; make-up working days fall on a Saturday or Sunday`,
          );
        }
      }
      out.set(date, name.trim());
    }
    return out;
  };
  const holidays = section('holidays');
  const workdays = section('workdays');
  for (const date of holidays.keys()) {
    if (workdays.has(date)) throw new CalendarConfigError(path, `workdays["${date}"]`, 'date is also listed in holidays');
  }
  // Every notice has at least 元旦 and 春节: a new year with no holidays would be plain weeks by guesswork.
  if (!packageYears.has(fileYear) && holidays.size === 0) {
    throw new CalendarConfigError(
      path,
      'holidays',
      `${fileYear} is not in ${PACKAGE}, so this file must carry the full schedule of the notice (holidays is empty)`,
    );
  }
  return { file: path, year: fileYear, raw, holidays, workdays };
}

function loadConfigDir(opts: LoadOptions, packageYears: ReadonlySet<number>): ConfigFile[] {
  const dir = resolve(opts.configDir ?? join(process.cwd(), 'config', 'calendar'));
  if (!existsSync(dir)) {
    // The project may run without any override; but a dir someone named explicitly must be there.
    if (opts.configDir === undefined) return [];
    throw new CalendarConfigError(dir, undefined, 'calendar config directory does not exist');
  }
  if (!statSync(dir).isDirectory()) throw new CalendarConfigError(dir, undefined, 'not a directory');
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort();
  return files.map((f) => {
    if (!YEAR_FILE.test(f)) {
      throw new CalendarConfigError(join(dir, f), undefined, 'calendar config files must be named <year>.json, e.g. 2027.json');
    }
    return parseConfigFile(dir, f, packageYears);
  });
}

export class BusinessCalendar {
  private readonly counts = new Map<number, Int32Array>();

  private constructor(
    readonly dataVersion: string,
    private readonly years: ReadonlySet<number>,
    private readonly special: ReadonlyMap<string, { kind: SpecialKind; name: string }>,
    private readonly provisional: ReadonlySet<number> = new Set(),
  ) {}

  static load(opts: LoadOptions = {}): BusinessCalendar {
    const pkg = loadPackageData();
    const years = new Set(pkg.years);
    const special = new Map<string, { kind: SpecialKind; name: string }>();
    for (const [date, name] of pkg.holidays) special.set(date, { kind: 'holiday', name });
    for (const [date, name] of pkg.workdays) special.set(date, { kind: 'makeup_workday', name });

    const configs = loadConfigDir(opts, new Set(pkg.years));
    // Two files may both mention Dec 31 / Jan 1 (adjacent notices); they must then agree.
    const setBy = new Map<string, { file: string; kind: SpecialKind }>();
    for (const cfg of configs) {
      years.add(cfg.year);
      const apply = (kind: SpecialKind, days: Map<string, string>): void => {
        for (const [date, name] of days) {
          const prev = setBy.get(date);
          if (prev && prev.kind !== kind) {
            throw new CalendarConfigError(cfg.file, `${kind === 'holiday' ? 'holidays' : 'workdays'}["${date}"]`, `conflicts with ${prev.file}`);
          }
          setBy.set(date, { file: cfg.file, kind });
          // Config wins over the package for the days it lists, whichever kind the package had.
          special.set(date, { kind, name });
        }
      };
      apply('holiday', cfg.holidays);
      apply('makeup_workday', cfg.workdays);
    }

    let dataVersion = `${PACKAGE}@${pkg.version}`;
    if (configs.length > 0) {
      const hash = createHash('sha256');
      for (const cfg of configs) {
        hash.update(`${cfg.year}.json\0${cfg.raw.length}\0`);
        hash.update(cfg.raw);
      }
      dataVersion += `+config:${hash.digest('hex').slice(0, 12)}`;
    }
    const provisional = new Set<number>();
    const next = Math.max(...years) + 1;
    if (opts.provisional && next <= 9999) {
      provisional.add(next);
      // The official data may already name a day of that year (a notice's 元旦 of the next year): it stands.
      for (const [date, name] of provisionalDaysOff(next)) if (!special.has(date)) special.set(date, { kind: 'holiday', name });
    }
    return new BusinessCalendar(dataVersion, years, special, provisional);
  }

  /** The years with an official schedule (the package's notices and the config files). */
  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** Whether `year` has an official schedule. */
  isKnownYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The years counted on a provisional schedule (at most the one after the last official year). */
  provisionalYears(): number[] {
    return [...this.provisional].sort((a, b) => a - b);
  }

  isProvisionalYear(year: number): boolean {
    return this.provisional.has(year);
  }

  /**
   * The provisional years holding a day d with from < d <= to: the days whose kind decides a count
   * from `from` to `to` (`addWorkingDays(from, n)` = to, or `workingDaysBetween(from, to)`).
   */
  provisionalYearsIn(from: string, to: string): number[] {
    if (this.provisional.size === 0 || to <= from) return [];
    const first = yearOf(from) + (from.endsWith('-12-31') ? 1 : 0);
    return this.provisionalYears().filter((y) => y >= first && y <= yearOf(to));
  }

  /**
   * This calendar with `year` on its provisional schedule, as if no notice had been published for it
   * (what the service counted before the notice came): to compare the two.
   */
  provisionalFor(year: number): BusinessCalendar {
    const special = new Map([...this.special].filter(([date]) => yearOf(date) !== year));
    for (const [date, name] of provisionalDaysOff(year)) special.set(date, { kind: 'holiday', name });
    const years = new Set([...this.years].filter((y) => y !== year));
    return new BusinessCalendar(this.dataVersion, years, special, new Set([...this.provisional, year]));
  }

  /** A view that counts as this calendar does and remembers the provisional years its counts rested on. */
  tracked(): TrackedCalendar {
    const used = new Set<number>();
    const note = (from: string, to: string): void => {
      for (const y of this.provisionalYearsIn(from, to)) used.add(y);
    };
    return {
      dataVersion: this.dataVersion,
      addWorkingDays: (date, n) => {
        const to = this.addWorkingDays(date, n);
        note(date, to);
        return to;
      },
      workingDaysBetween: (from, to) => {
        const n = this.workingDaysBetween(from, to);
        note(from, to);
        return n;
      },
      provisionalYearsUsed: () => [...used].sort((a, b) => a - b),
    };
  }

  isWorkingDay(date: string): boolean {
    assertBusinessDate(date);
    return this.checkedIsWorkingDay(date);
  }

  /** The n-th working day after `date` (which is not counted, and may itself lie in an unknown year). */
  addWorkingDays(date: string, n: number): string {
    assertBusinessDate(date);
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${String(n)}`);
    // Through the per-year running counts, as workingDaysBetween: a page of deadlines asks this for
    // every listed decision, and a day-by-day walk of 20 working days cost half a millisecond.
    let year = yearOf(date);
    let after = dayOfYear(date);
    let left = n;
    for (;;) {
      if (after >= daysInYear(year)) {
        year++;
        after = 0;
        continue;
      }
      const c = this.runningCounts(year);
      const available = c[c.length - 1] - c[after];
      if (available < left) {
        left -= available;
        year++;
        after = 0;
        continue;
      }
      // The first day i > after with c[i] = c[after] + left: that day is the left-th working day.
      const target = c[after] + left;
      let lo = after + 1;
      let hi = c.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (c[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      return addCalendarDays(`${String(year).padStart(4, '0')}-01-01`, lo - 1);
    }
  }

  /** Working days d with from < d <= to, i.e. counted the way addWorkingDays counts; 0 if to <= from. */
  workingDaysBetween(from: string, to: string): number {
    assertBusinessDate(from, 'from');
    assertBusinessDate(to, 'to');
    // Valid YYYY-MM-DD strings sort chronologically.
    if (to <= from) return 0;
    // Through per-year running counts: deadline views ask this for every step of every listed
    // decision, often across most of a year, so a day-by-day walk would dominate a page of them.
    const [fy, fd] = [yearOf(from), dayOfYear(from)];
    const [ty, td] = [yearOf(to), dayOfYear(to)];
    if (fy === ty) {
      const c = this.runningCounts(fy);
      return c[td] - c[fd];
    }
    let count = 0;
    // Only the days after `from` are counted, so `from`'s year must be known only if any remain in it.
    if (fd < daysInYear(fy)) {
      const c = this.runningCounts(fy);
      count += c[c.length - 1] - c[fd];
    }
    for (let y = fy + 1; y < ty; y++) {
      const c = this.runningCounts(y);
      count += c[c.length - 1];
    }
    return count + this.runningCounts(ty)[td];
  }

  days(year: number): CalendarDay[] {
    if (!this.covers(year)) throw new CalendarYearUnknownError(year);
    const out: CalendarDay[] = [];
    // Stops on Dec 31 rather than when the year changes, so 9999 never steps past the format's range.
    for (let d = `${String(year).padStart(4, '0')}-01-01`; ; d = addCalendarDays(d, 1)) {
      const special = this.special.get(d);
      if (special) {
        out.push({ date: d, workingDay: special.kind === 'makeup_workday', kind: special.kind, name: special.name });
      } else {
        const weekend = isWeekend(d);
        out.push({ date: d, workingDay: !weekend, kind: weekend ? 'weekend' : 'workday' });
      }
      if (d.endsWith('-12-31')) break;
    }
    return out;
  }

  /** c[i] = working days among the first i days of `year` (c[0] = 0); built once per year. */
  private runningCounts(year: number): Int32Array {
    let c = this.counts.get(year);
    if (!c) {
      if (!this.covers(year)) throw new CalendarYearUnknownError(year);
      c = new Int32Array(daysInYear(year) + 1);
      let i = 0;
      for (const day of this.days(year)) {
        i++;
        c[i] = c[i - 1] + (day.workingDay ? 1 : 0);
      }
      this.counts.set(year, c);
    }
    return c;
  }

  /** An official or a provisional schedule. */
  private covers(year: number): boolean {
    return this.years.has(year) || this.provisional.has(year);
  }

  private checkedIsWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.covers(year)) throw new CalendarYearUnknownError(year);
    const special = this.special.get(date);
    if (special) return special.kind === 'makeup_workday';
    return !isWeekend(date);
  }
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Days of the year before the first of each month (non-leap year). */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** 1 for Jan 1 (of a date already checked to be valid). */
function dayOfYear(date: string): number {
  const month = Number(date.slice(5, 7));
  return DAYS_BEFORE_MONTH[month - 1] + Number(date.slice(8, 10)) + (month > 2 && daysInYear(yearOf(date)) === 366 ? 1 : 0);
}

function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}
