/**
 * The Chinese words a person reads for the codes every procedure shares: roles, unit kinds, refusal
 * categories, audit flags and refusal codes. Codes stay stable English for programs; every message
 * and view a person reads uses these words. A procedure's own words (stages, steps, events) live
 * beside its definition (e.g. `major-decision/v1/labels.ts`).
 *
 * A code without a label (one added later, or stored by an older release) is shown as the code.
 */
import type { RefusalCategory } from './refusal-categories';

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: '系统管理员',
  // SC713-11: the unit the organ names to prepare the draft (决策承办单位), a department or a street office.
  department: '决策承办单位',
  legal_reviewer: '合法性审查人员',
  // The organ's general office (政府办 for a government); SC713 calls the organ 决策机关.
  office: '决策机关办公室',
  auditor: '依法治区办（监督）',
  system: '系统',
};

export const UNIT_KIND_LABELS: Readonly<Record<'government' | 'department' | 'street', string>> = {
  government: '人民政府',
  department: '政府工作部门',
  street: '街道办事处',
};

/** The unit of a decision in which the sender of an event must be (`EventActor.unit` in `definition.ts`). */
export const ACTOR_UNIT_LABELS: Readonly<Record<string, string>> = {
  organ: '决策机关',
  undertaking: '决策承办单位',
  implementing: '决策执行单位',
  reviewing_government: '决策机关所在人民政府之下的单位（如司法局）',
};

/** Where an annual catalog stands (`GET /catalogs`). */
export const CATALOG_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: '未公布',
  published: '已公布',
};

export const CATEGORY_LABELS: Readonly<Record<RefusalCategory, string>> = {
  skip: '跳过法定环节',
  time_limit: '未给足法定期限',
  content: '缺少法定内容',
  form: '日期或者形式不符',
};

/** The flags a case carries in views and on the auditor's desk. */
export const FLAG_LABELS: Readonly<Record<string, string>> = {
  COMMENT_PERIOD_SHORTENED: '缩短公开征求意见期限',
  REVIEW_TIME_SHORTENED: '缩短合法性审查时间',
  HEAD_OVERRODE_MAJORITY: '行政首长的决定与多数意见不一致',
  EXPLORATORY_RISK_DISCLOSED: '探索性改革事项，已明示法律风险',
  NOT_DISCLOSED: '依法不予公开',
  BACKFILLED: '事后补录程序',
  VIOLATION_ATTEMPTED: '有跳过法定环节的尝试被拒绝',
  STATE_UNREADABLE: '案件状态无法读取',
  PROVISIONAL_CALENDAR: '期限按暂定日历计算',
  PARTY_REPORT_EXEMPTED: '依规定免于向党委请示报告',
  PARTY_COMMITTEE_RETURNED: '党委退回并提出意见',
  ARCHIVE_SUPPLEMENT_DUE: '归档后形成的材料尚未补充归档',
  RISK_FOUND_CONTROLLABLE_BY_ORGAN: '评估认为风险不可控，决策机关认定采取措施后风险可控',
  CONSULTATION_DISPUTED: '与有关单位协商未取得一致，已向决策机关说明争议',
  TERMINATED_BY_ADJUSTMENT: '经调整程序决定停止执行',
};

/** What each stored refusal code (a 422 kept as a violation attempt) means, in a few words. */
export const CODE_LABELS: Readonly<Record<string, string>> = {
  CATALOG_NOT_PUBLISHED: '事项未列入已公布的年度目录即启动程序',
  DRAFTING_NOT_STARTED: '未启动决策程序即开展后续环节',
  DRAFT_MISSING: '未拟订决策草案',
  PUBLIC_PARTICIPATION_INCOMPLETE: '未完成公众参与',
  HEARING_INCOMPLETE: '未召开听证会',
  EXPERT_ARGUMENTATION_INCOMPLETE: '未组织专家论证',
  RISK_ASSESSMENT_INCOMPLETE: '未完成风险评估',
  LEGALITY_REVIEW_REQUIRED: '未经合法性审查',
  OPINION_ADOPTION_INCOMPLETE: '未说明法律意见采纳情况',
  DECISION_REQUIRED: '未经集体讨论决定',
  PARTY_REPORT_REQUIRED: '未向同级党委请示报告',
  PUBLICATION_REQUIRED: '决策尚未公布',
  ARCHIVE_INCOMPLETE: '归档材料不完整',
  EVENT_NOT_ALLOWED_IN_STAGE: '在当前阶段不能进行该操作',
  LEGAL_OPINION_REQUIRED: '未听取法律顾问、公职律师意见即作出审查结论',
  FAIR_COMPETITION_REVIEW_REQUIRED: '未进行公平竞争审查',
  ITEM_ALREADY_STARTED: '从目录中撤回已启动程序的事项',
  COMMENT_PERIOD_TOO_SHORT: '公开征求意见期限不足30日',
  COMMENT_PERIOD_NOT_ENDED: '公开征求意见期未满即结束',
  HEARING_NOTICE_TOO_SHORT: '听证材料未提前7日送达',
  REVIEW_TIME_TOO_SHORT: '合法性审查时间不足7个工作日',
  PUBLIC_COMMENT_NOT_CLOSED: '公开征求意见尚未结束并说明采纳情况',
  SUSPENSION_WITHOUT_PROBLEM_REPORT: '中止执行前未报告执行中的问题',
  PARTY_REPORT_EXEMPTION_UNCITED: '免于请示报告未写明依据',
  FAIR_COMPETITION_REVIEW_NEGATIVE: '公平竞争审查认为违反规定',
  REVIEW_DUE_BEFORE_SUBMISSION: '审查期限早于送审日期',
  NOTHING_TO_ARCHIVE: '没有需要补充归档的材料',
  COMMENT_PERIOD_ENDS_BEFORE_START: '征求意见截止日期早于开始日期',
  TERMINATION_WITHOUT_PROCEDURE: '未经法定程序停止执行决策',
  HEAD_DID_NOT_SPEAK_LAST: '行政首长未在集体讨论中最后发表意见',
  MEETING_NOT_OF_ORGAN: '决策草案未经本机关法定会议讨论',
  PEOPLES_CONGRESS_REQUIRED: '应当由人大及其常委会讨论决定或者向其报告而未办理',
  HEARING_RECORD_UNSIGNED: '听证记录未经签字确认',
  EXPERT_CONFLICT_OF_INTEREST: '论证专家与决策事项有直接利害关系',
  EXPERT_OPINION_UNSIGNED: '专家论证意见未署名、盖章',
  REVIEW_MATERIALS_INCOMPLETE: '送审材料不完整',
  DRAFT_NOT_REVISED: '未修改决策草案即再次送审',
  RISK_UNCONTROLLABLE: '风险不可控仍推进决策',
  HEAD_REASON_REQUIRED: '行政首长决定与多数意见不一致而未说明理由',
  ADOPTION_EXPLANATION_REQUIRED: '公布决策时未说明意见采纳情况',
  EVALUATOR_NOT_INDEPENDENT: '决策后评估机构不独立',
  OUT_OF_SCOPE: '不属于重大行政决策事项范围',
  DATE_IN_FUTURE: '记录日期晚于当日',
  DATE_OUT_OF_ORDER: '日期先后顺序不符',
  NOTHING_TO_PUBLISH: '目录没有新增事项即公布',
  REQUIREMENTS_LOCKED: '送请合法性审查后变更程序要求',
};

const label = (table: Readonly<Record<string, string>>, code: string): string => (Object.hasOwn(table, code) ? table[code] : code);

/** The meaning of a refusal code, or the code itself when it has none. */
export const codeLabel = (code: string): string => label(CODE_LABELS, code);
export const roleLabel = (role: string): string => label(ROLE_LABELS, role);
export const flagLabel = (flag: string): string => label(FLAG_LABELS, flag);
export const categoryLabel = (category: string): string => label(CATEGORY_LABELS, category);
export const unitKindLabel = (kind: string): string => label(UNIT_KIND_LABELS, kind);
export const catalogStatusLabel = (status: string): string => label(CATALOG_STATUS_LABELS, status);

/** What came of a count on the provisional calendar once its year's official schedule is loaded (GET /audit/provisional). */
export const PROVISIONAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  pending: '按暂定日历计算，待官方节假日安排核对',
  confirmed: '已按官方节假日安排核对，结果不变',
  changed: '已按官方节假日安排核对，天数有变化，仍然成立',
  broken: '已按官方节假日安排核对，不再成立',
};

/** What was counted on the provisional calendar: a step's check of a statutory period, or a step's due day. */
export const PROVISIONAL_KIND_LABELS: Readonly<Record<string, string>> = {
  check: '法定期限检查',
  deadline: '环节到期日',
};

export const provisionalStatusLabel = (status: string): string => label(PROVISIONAL_STATUS_LABELS, status);
export const provisionalKindLabel = (kind: string): string => label(PROVISIONAL_KIND_LABELS, kind);

/**
 * How a coded thing is named inside a sentence: its Chinese word in 「」, followed by the code in
 * parentheses where a reader may have to type it (an event type, a role). Never the bare code.
 */
export const named = (word: string, code?: string): string => (code === undefined || code === word ? `「${word}」` : `「${word}」（${code}）`);

/** The roles, each named by its word and code, joined as a list (`「系统管理员」（admin）或者「…」（…）`). */
export const rolesNamed = (roles: readonly string[]): string => roles.map((r) => named(roleLabel(r), r)).join('或者');
