/**
 * The columns of an annual catalog as a table: the layout in which a 年度重大行政决策事项目录 is
 * published (序号, 决策事项名称, 决策机关, 承办单位, 决策依据, 需履行的程序, 计划完成时间), followed by
 * what an import needs to rebuild each item exactly (category, planned start, market activity, the
 * reasons for the steps not required). Export, import and the template all read this one table, so
 * that an exported catalog imports again as it was (README, "Catalogs in Excel").
 */
import { DECISION_CATEGORY_LABELS, STEP_LABELS } from '../../workflows/major-decision/v1/labels';
import type { StepId } from '../../workflows/major-decision/v1/steps';
import { DECISION_CATEGORIES, EXCLUDED_CATEGORIES } from './categories';

/** The field of POST /catalogs/:id/items a column fills (null: a column read for checking only, or not at all). */
export interface CatalogColumn {
  header: string;
  field: string | null;
  required: boolean;
  /** Width in the workbook, in characters. */
  width: number;
  /** What to write in it, for the template's explanations. */
  help: string;
}

export const COL = {
  no: '序号',
  title: '决策事项名称',
  organ: '决策机关',
  unit: '承办单位',
  legalBasis: '决策依据',
  steps: '需履行的程序',
  plannedDecisionOn: '计划完成时间',
  category: '事项类别',
  plannedStartOn: '计划启动时间',
  affectsMarket: '涉及市场主体经济活动',
  reasons: '不履行程序的理由',
} as const;

/** The steps a catalog may leave out, each with its reason (the keys of an item's `requirements`). */
export const OPTIONAL_STEPS = ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport'] as const satisfies readonly StepId[];
export type OptionalStep = (typeof OPTIONAL_STEPS)[number];

/** Steps every item goes through, listed in 需履行的程序 beside the required optional ones, in procedure order. */
const ALWAYS_LISTED: readonly StepId[] = ['legalityReview', 'collectiveDiscussion'];
const LISTED_ORDER: readonly StepId[] = ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'legalityReview', 'collectiveDiscussion', 'partyCommitteeReport'];

export const YES = '是';
export const NO = '否';

export const CATALOG_COLUMNS: readonly CatalogColumn[] = [
  { header: COL.no, field: null, required: false, width: 6, help: '顺序号，导入时不读取' },
  { header: COL.title, field: 'title', required: true, width: 30, help: '决策事项的名称，不超过 200 个字' },
  { header: COL.organ, field: null, required: false, width: 18, help: '可以不填；填写的须是本目录的决策机关' },
  { header: COL.unit, field: 'undertakingUnitId', required: true, width: 16, help: '承办单位的全称（见下方「可填写的承办单位」）；承办单位（部门）只能填写本单位' },
  { header: COL.legalBasis, field: 'legalBasis', required: true, width: 36, help: '法律、法规、规章和文件，每行一项（单元格内换行），每项不超过 500 个字' },
  {
    header: COL.steps,
    field: 'requirements',
    required: true,
    width: 30,
    help: '需要履行的程序环节，用顿号隔开，例如「公众参与、专家论证、风险评估、合法性审查、集体讨论决定、向同级党委请示报告」；未列出的公众参与、听证会、专家论证、风险评估、向同级党委请示报告视为不需要履行',
  },
  { header: COL.plannedDecisionOn, field: 'plannedDecisionOn', required: false, width: 14, help: '日期，例如 2026-12-31；不早于计划启动时间' },
  { header: COL.category, field: 'category', required: true, width: 22, help: '事项类别的名称（见下方「事项类别」）' },
  { header: COL.plannedStartOn, field: 'plannedStartOn', required: false, width: 14, help: '日期，例如 2026-03-02' },
  { header: COL.affectsMarket, field: 'affectsMarket', required: false, width: 12, help: `「${YES}」或者「${NO}」，不填视为「${NO}」；涉及的，决策草案须经公平竞争审查` },
  {
    header: COL.reasons,
    field: 'requirements',
    required: false,
    width: 40,
    help: '未列入「需履行的程序」的环节，每行一项，写作「环节：理由」，例如「听证会：不涉及价格等须经听证的事项」；公众参与、专家论证、风险评估不履行的，必须说明理由',
  },
];

export const HEADERS: readonly string[] = CATALOG_COLUMNS.map((c) => c.header);
export const REQUIRED_HEADERS: readonly string[] = CATALOG_COLUMNS.filter((c) => c.required).map((c) => c.header);

/** The column where a field error of POST /catalogs/:id/items is mended (`requirements.hearing.reason`, `legalBasis[2]`…). */
export function columnOfField(field: string): string {
  const top = field.split(/[.[]/)[0];
  if (top === 'requirements') return /\.reason$/.test(field) ? COL.reasons : COL.steps;
  return CATALOG_COLUMNS.find((c) => c.field === top)?.header ?? COL.title;
}

/** 需履行的程序 of an item: its required optional steps and the steps every item goes through, in procedure order. */
export function listedSteps(requirements: unknown): string[] {
  const r = (requirements ?? {}) as Record<string, { required?: boolean } | undefined>;
  return LISTED_ORDER.filter((s) => ALWAYS_LISTED.includes(s) || r[s]?.required !== false).map((s) => STEP_LABELS[s]);
}

/** 不履行程序的理由 of an item: one line per optional step not required that states why. */
export function reasonLines(requirements: unknown): string[] {
  const r = (requirements ?? {}) as Record<string, { required?: boolean; reason?: string } | undefined>;
  return OPTIONAL_STEPS.filter((s) => r[s]?.required === false && r[s]?.reason).map((s) => `${STEP_LABELS[s]}：${r[s]?.reason as string}`);
}

/** The step a label names (any step of the procedure), or undefined. */
export function stepOfLabel(label: string): StepId | undefined {
  return (Object.keys(STEP_LABELS) as StepId[]).find((s) => STEP_LABELS[s] === label);
}

/** The category a cell names, by its word (or by its code, as the API spells it). */
export function categoryOfCell(text: string): string | undefined {
  const all = [...DECISION_CATEGORIES, ...EXCLUDED_CATEGORIES] as string[];
  return all.find((c) => DECISION_CATEGORY_LABELS[c] === text) ?? (all.includes(text) ? text : undefined);
}

export const categoryWord = (code: string): string => DECISION_CATEGORY_LABELS[code] ?? code;

/** The words of the categories an item may have (the excluded ones are refused with OUT_OF_SCOPE). */
export const CATEGORY_WORDS: readonly string[] = DECISION_CATEGORIES.map((c) => DECISION_CATEGORY_LABELS[c]);
