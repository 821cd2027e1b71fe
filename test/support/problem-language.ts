/**
 * What a person at the desk must be able to read in every refusal: a `detail` with Chinese in it,
 * and no bare stage, step, event or role code inside the sentence. A code may stand beside its word
 * — `「合法性审查中」（legality_review）` or `「CONCLUDE_REVIEW」（作出合法性审查结论）` — and a field
 * the answer names in `errors` may be named as it is (`payload.endOn`), as may a URL path.
 */
import { ROLES } from '../../src/auth/auth-user';
import { STAGES } from '../../workflows/major-decision/v1/context';
import { EVENT_TYPES } from '../../workflows/major-decision/v1/events';
import { STEPS } from '../../workflows/major-decision/v1/steps';

const CJK = /[\u3400-\u9fff]/;

/** The codes that may not appear bare in a sentence. */
export const PERSON_FACING_CODES: ReadonlySet<string> = new Set<string>([...STAGES, ...STEPS, ...EVENT_TYPES, 'ITEM_PROPOSED', ...ROLES, 'system']);

export const hasChinese = (text: string): boolean => CJK.test(text);

/** The bare codes in `sentence`, once the pairs of a word and its code and the named fields are taken out. */
export function bareCodesIn(sentence: string, fields: readonly string[] = []): string[] {
  let rest = sentence.replace(/「([^」]*)」（([^）]*)）/g, (whole, a: string, b: string) =>
    (PERSON_FACING_CODES.has(a) && hasChinese(b)) || (PERSON_FACING_CODES.has(b) && hasChinese(a)) ? ' ' : whole,
  );
  for (const field of [...fields].sort((x, y) => y.length - x.length)) if (field) rest = rest.split(field).join(' ');
  // A URL path is an address, not a word of the sentence (`/decisions/…/archive`, `POST /auth/login`).
  rest = rest.replace(/\/[^\s，。：；、（）「」]*/g, ' ');
  return [...new Set((rest.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((token) => PERSON_FACING_CODES.has(token)))];
}

/** What is wrong with a problem's sentences for a reader, or an empty list. */
export function unreadable(problem: { detail?: unknown; errors?: unknown }): string[] {
  const wrong: string[] = [];
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const errors = Array.isArray(problem.errors) ? (problem.errors as Array<{ field?: unknown; message?: unknown }>) : [];
  const fields = errors.map((e) => (typeof e.field === 'string' ? e.field : ''));
  if (!hasChinese(detail)) wrong.push(`detail without Chinese: ${detail}`);
  const bare = bareCodesIn(detail, fields);
  if (bare.length) wrong.push(`bare codes ${bare.join(', ')} in: ${detail}`);
  for (const e of errors) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (!hasChinese(message)) wrong.push(`errors[].message without Chinese (${String(e.field)}): ${message}`);
    const codes = bareCodesIn(message, fields);
    if (codes.length) wrong.push(`bare codes ${codes.join(', ')} in errors[].message (${String(e.field)}): ${message}`);
  }
  return wrong;
}
