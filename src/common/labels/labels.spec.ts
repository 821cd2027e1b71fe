/**
 * Every code a person reads has its Chinese word: each stage, step and event of the definitions,
 * each role, unit kind, flag, stored refusal code and decision category the services can produce —
 * the codes read from the definitions and from the sources that write them (so that a new code
 * without a word fails here), as `src/audit/refusal-categories.spec.ts` does for categories.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_LABELS, CODE_LABELS, FLAG_LABELS, ROLE_LABELS, UNIT_KIND_LABELS } from '../../../workflows/labels';
import { EVENT_ACTORS } from '../../../workflows/major-decision/v1/actors';
import { STAGES } from '../../../workflows/major-decision/v1/context';
import { EVENT_TYPES } from '../../../workflows/major-decision/v1/events';
import {
  CONCLUSION_LABELS,
  DECISION_CATEGORY_LABELS,
  EVENT_LABELS,
  RECORD_TYPE_LABELS,
  REVIEW_STATUS_LABELS,
  STAGE_LABELS,
  STEP_LABELS,
  STEP_STATUS_LABELS,
} from '../../../workflows/major-decision/v1/labels';
import { STEPS } from '../../../workflows/major-decision/v1/steps';
import { REFUSAL_CATEGORIES } from '../../../workflows/refusal-categories';
import { bareCodesIn, hasChinese } from '../../../test/support/problem-language';
import { ROLES } from '../../auth/auth-user';
import { KNOWN_CATEGORIES } from '../../catalogs/categories';
import { serviceRegistry } from '../../engine/definition-registry';
import { ORG_UNIT_KINDS } from '../../org-units/org-unit-kinds';
import { REVIEW_STATUSES } from '../../reviews/review.dto';

const ROOT = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Every match of `re`'s first group in the files. */
function scan(files: string[], re: RegExp): Set<string> {
  const out = new Set<string>();
  for (const file of files) for (const m of read(file).matchAll(re)) out.add(m[1] ?? m[2]);
  return out;
}

const REFUSAL_SOURCES = [
  'workflows/major-decision/v1/rules.ts',
  'workflows/major-decision/v1/date-rules.ts',
  'workflows/major-decision/v1/steps.ts',
  'src/catalogs/catalogs.service.ts',
  'src/catalogs/catalog-refusals.ts',
];
const refusalCodes = scan(REFUSAL_SOURCES, /\b(?:refuse|refusal)\(\s*'([A-Z][A-Z0-9_]*)'|\bcode:\s*'([A-Z][A-Z0-9_]*)'/g);
/** Flags the reducers set (`flag(ctx, 'X')`) and the auditor's desk adds (`export const X = 'X'`). */
const flags = new Set([...scan(['workflows/major-decision/v1/reducers.ts'], /\bflag\(ctx, '([A-Z][A-Z0-9_]*)'\)/g), ...scan(['src/audit/incomplete.service.ts'], /export const [A-Z_]+ = '([A-Z][A-Z0-9_]*)'/g)]);
/** The event a stored refusal outside the statechart names (`event: 'X'`), and the record rows the engine writes itself. */
const recordTypes = new Set([...scan(['src/catalogs/catalogs.service.ts', 'src/catalogs/catalog-refusals.ts'], /\bevent:\s*'([A-Z][A-Z0-9_]*)'/g), ...scan(['src/engine/procedure-engine.ts'], /\btype:\s*'([A-Z][A-Z0-9_]*)'/g)]);

const without = (codes: Iterable<string>, table: Readonly<Record<string, string>>) => [...codes].filter((c) => !Object.hasOwn(table, c));

describe('every code a person reads has its word', () => {
  it('reads the codes from the sources (the scans themselves work)', () => {
    expect([...refusalCodes]).toEqual(expect.arrayContaining(['COMMENT_PERIOD_TOO_SHORT', 'DATE_IN_FUTURE', 'NOTHING_TO_PUBLISH', 'OUT_OF_SCOPE', 'CATALOG_NOT_PUBLISHED']));
    expect([...flags]).toEqual(expect.arrayContaining(['COMMENT_PERIOD_SHORTENED', 'HEAD_OVERRODE_MAJORITY', 'NOT_DISCLOSED', 'BACKFILLED', 'VIOLATION_ATTEMPTED']));
    expect([...recordTypes]).toEqual(expect.arrayContaining(['ITEM_PROPOSED', 'CATALOG_PUBLISHED', 'WITHDRAW']));
  });

  it('stages, steps and events of every registered definition', () => {
    for (const def of serviceRegistry().all()) {
      expect({ def: def.id, stages: without(def.stages, def.labels.stages), steps: without(def.steps, def.labels.steps), events: without(def.events, def.labels.events) }).toEqual({
        def: def.id,
        stages: [],
        steps: [],
        events: [],
      });
    }
    expect(without(STAGES, STAGE_LABELS)).toEqual([]);
    expect(without(STEPS, STEP_LABELS)).toEqual([]);
    expect(without(EVENT_TYPES, EVENT_LABELS)).toEqual([]);
    expect(without(recordTypes, RECORD_TYPE_LABELS)).toEqual([]);
  });

  it('roles (the accounts’ and the events’ actors) and unit kinds', () => {
    const actorRoles = Object.values(EVENT_ACTORS).map((a) => a.role);
    expect(without([...ROLES, ...actorRoles], ROLE_LABELS)).toEqual([]);
    expect(without(ORG_UNIT_KINDS, UNIT_KIND_LABELS)).toEqual([]);
  });

  it('flags, refusal codes and their categories', () => {
    expect(without(flags, FLAG_LABELS)).toEqual([]);
    expect(without(refusalCodes, CODE_LABELS)).toEqual([]);
    expect(without(Object.keys(REFUSAL_CATEGORIES), CODE_LABELS)).toEqual([]);
    expect(without(['skip', 'time_limit', 'content', 'form'], CATEGORY_LABELS)).toEqual([]);
  });

  it('decision categories, review conclusions and statuses, step statuses', () => {
    expect(without(KNOWN_CATEGORIES, DECISION_CATEGORY_LABELS)).toEqual([]);
    expect(without(['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'], CONCLUSION_LABELS)).toEqual([]);
    expect(without(REVIEW_STATUSES, REVIEW_STATUS_LABELS)).toEqual([]);
    expect(without(['not_required', 'pending', 'in_progress', 'done', 'waived_with_reason'], STEP_STATUS_LABELS)).toEqual([]);
  });

  it('each word is Chinese, and one word per code within a table', () => {
    const tables = { ROLE_LABELS, UNIT_KIND_LABELS, CATEGORY_LABELS, FLAG_LABELS, CODE_LABELS, STAGE_LABELS, STEP_LABELS, EVENT_LABELS, CONCLUSION_LABELS, DECISION_CATEGORY_LABELS, STEP_STATUS_LABELS, REVIEW_STATUS_LABELS };
    for (const [name, table] of Object.entries(tables)) {
      const words = Object.values(table);
      expect({ name, notChinese: words.filter((w) => !hasChinese(w)), repeated: words.filter((w, i) => words.indexOf(w) !== i) }).toEqual({ name, notChinese: [], repeated: [] });
    }
  });
});

describe('the reader’s check of a sentence', () => {
  it('finds a bare code, and lets a code stand beside its word or a named field', () => {
    expect(bareCodesIn('决策处于「legality_review」阶段，不接受 CONCLUDE_REVIEW').sort()).toEqual(['CONCLUDE_REVIEW', 'legality_review']);
    expect(bareCodesIn('缺少：catalog、start、publicParticipation')).toEqual(['catalog', 'start', 'publicParticipation']);
    expect(bareCodesIn('START_DRAFTING 由 office 角色办理').sort()).toEqual(['START_DRAFTING', 'office']);
    expect(bareCodesIn('决策事项处于「合法性审查中」（legality_review）阶段；您是否要找「CONCLUDE_REVIEW」（作出合法性审查结论）？')).toEqual([]);
    expect(bareCodesIn('requirements.hearing.reason：必填', ['requirements.hearing.reason'])).toEqual([]);
    expect(bareCodesIn('「hearing」（draft）')).toEqual(['hearing', 'draft']);
    expect(bareCodesIn('地址 /decisions/x/archive 不支持 PUT 请求；请使用 POST /catalogs/:id/publish')).toEqual([]);
  });
});
