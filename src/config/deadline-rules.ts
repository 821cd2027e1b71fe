/**
 * The local numbers of the deadline rules (README, "Working days and deadlines"): where a
 * local rule sets a number the national text does not, it lives in `config/deadlines.json`, never
 * in code. The values below are only the documented fallback for a key the file leaves out (or for
 * a deployment without the file); the shipped file states every one of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadlineRules } from '../../workflows/deadlines';

export type { DeadlineRules } from '../../workflows/deadlines';

/** Nest injection token of the loaded DeadlineRules (provided by EngineModule). */
export const DEADLINE_RULES = Symbol('DEADLINE_RULES');

export const DEADLINES_FILE = 'deadlines.json';

/** The defaults the README lists, mirrored by the shipped `config/deadlines.json` (a test keeps them equal). */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = Object.freeze({
  catalogPublishedBy: '03-31',
  publicCommentClosedWithinWorkingDays: 5,
  partyReportWithinWorkingDays: 10,
  publicationWithinWorkingDays: 20,
  archiveWithinDays: 30,
  recordedWithinWorkingDays: 5,
});

/** `config/deadlines.json` is malformed; the message names the file and the key. */
export class DeadlineRulesError extends Error {
  readonly code = 'DEADLINE_RULES_INVALID';

  constructor(
    readonly file: string,
    readonly key: string | undefined,
    problem: string,
  ) {
    super(`${file}${key === undefined ? '' : ` ${key}`}: ${problem}`);
    this.name = 'DeadlineRulesError';
  }
}

type DayKey = Exclude<keyof DeadlineRules, 'catalogPublishedBy'>;
const DAY_KEYS: readonly DayKey[] = [
  'publicCommentClosedWithinWorkingDays',
  'partyReportWithinWorkingDays',
  'publicationWithinWorkingDays',
  'archiveWithinDays',
  'recordedWithinWorkingDays',
];
/** Free-text keys a file may carry for its readers. */
const NOTE_KEYS = new Set(['source', 'note']);
const MAX_DAYS = 366;

/** Month and day of a date that exists in every year (Feb 29 does not). */
function isMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1];
}

/**
 * Reads `<configDir>/deadlines.json`, once at start. Every key is optional and falls back to its
 * default; an unknown key (a misspelt one would silently keep the default) or a bad value stops
 * the start with the file and key named.
 */
export function loadDeadlineRules(configDir: string): DeadlineRules {
  const file = join(configDir, DEADLINES_FILE);
  if (!existsSync(file)) return DEFAULT_DEADLINE_RULES;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DeadlineRulesError(file, undefined, `invalid JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DeadlineRulesError(file, undefined, 'expected a JSON object');
  const raw = json as Record<string, unknown>;
  const allowed = ['catalogPublishedBy', ...DAY_KEYS];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key) && !NOTE_KEYS.has(key)) {
      throw new DeadlineRulesError(file, key, `unknown key; allowed: ${[...allowed, ...NOTE_KEYS].join(', ')}`);
    }
    if (NOTE_KEYS.has(key) && typeof raw[key] !== 'string') throw new DeadlineRulesError(file, key, 'must be a string');
  }

  const rules: { -readonly [K in keyof DeadlineRules]: DeadlineRules[K] } = { ...DEFAULT_DEADLINE_RULES };
  if (raw.catalogPublishedBy !== undefined) {
    if (typeof raw.catalogPublishedBy !== 'string' || !isMonthDay(raw.catalogPublishedBy)) {
      throw new DeadlineRulesError(file, 'catalogPublishedBy', `must be a day of every year written "MM-DD" (e.g. "03-31"), got ${JSON.stringify(raw.catalogPublishedBy)}`);
    }
    rules.catalogPublishedBy = raw.catalogPublishedBy;
  }
  for (const key of DAY_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
      throw new DeadlineRulesError(file, key, `must be a whole number of days from 1 to ${MAX_DAYS}, got ${JSON.stringify(value)}`);
    }
    rules[key] = value;
  }
  return Object.freeze(rules);
}
