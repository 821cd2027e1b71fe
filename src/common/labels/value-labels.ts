/**
 * The word of a coded value a request may carry (a stage filter, a role, a unit kind, a category…),
 * for the sentences that list what a field may hold: `「合法性审查中」（legality_review）`. The words
 * themselves live beside their codes in `workflows/` (README, "The HTTP service").
 */
import { CATEGORY_LABELS, named, ROLE_LABELS, UNIT_KIND_LABELS } from '../../../workflows/labels';
import { DECISION_CATEGORY_LABELS, REVIEW_STATUS_LABELS, STAGE_LABELS, STEP_LABELS } from '../../../workflows/major-decision/v1/labels';

/** First table first: a stage keeps its stage word where a review status shares its code (`withdrawn`). */
const TABLES: ReadonlyArray<Readonly<Record<string, string>>> = [STAGE_LABELS, STEP_LABELS, ROLE_LABELS, UNIT_KIND_LABELS, DECISION_CATEGORY_LABELS, CATEGORY_LABELS, REVIEW_STATUS_LABELS];

/** `「word」（code）` for a value that has a word, the value itself otherwise. */
export function valueNamed(value: string): string {
  for (const table of TABLES) if (Object.hasOwn(table, value)) return named(table[value], value);
  return value;
}

/**
 * The values a field takes, each with its word, from the one table that holds them all where there
 * is one: `department` is a unit kind among unit kinds (政府工作部门) and a role among roles.
 */
export function valuesNamed(values: readonly string[]): string[] {
  const table = TABLES.find((t) => values.every((v) => Object.hasOwn(t, v)));
  return values.map((v) => (table ? named(table[v], v) : valueNamed(v)));
}
