/**
 * The Chinese words of the annual report (年度重大行政决策统计): what each stage, step, review
 * conclusion, unit kind, refusal category and refusal code is called in a 法治政府建设 report.
 * A code without a label (one added later, or stored by an older release) is shown as the code.
 */
import type { Conclusion, Stage } from '../../workflows/major-decision/v1/context';
import type { StepId } from '../../workflows/major-decision/v1/steps';
import type { RefusalCategory } from '../../workflows/refusal-categories';
import type { OrgUnitKind } from '../org-units/org-unit.entity';

export const KIND_LABELS: Record<OrgUnitKind, string> = {
  government: '人民政府',
  department: '政府工作部门',
  street: '街道办事处',
};

export const STAGE_LABELS: Record<Stage, string> = {
  proposed: '拟列入目录',
  cataloged: '已列入目录',
  drafting: '起草中',
  legality_review: '合法性审查中',
  revising: '根据审查意见修改中',
  awaiting_discussion: '待集体讨论',
  decided: '已作出决定',
  reported: '已向党委请示报告',
  published: '已公布',
  rejected: '决定不予通过',
  withdrawn: '已撤回',
};

export const STEP_LABELS: Record<StepId, string> = {
  catalog: '列入年度目录',
  start: '启动决策程序',
  draft: '拟订决策草案',
  publicParticipation: '公众参与',
  hearing: '听证',
  expertArgumentation: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  revisions: '根据审查意见修改',
  collectiveDiscussion: '集体讨论决定',
  partyCommitteeReport: '向同级党委请示报告',
  publication: '决策公布',
  archive: '立卷归档',
};

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  lawful: '合法',
  lawful_with_revisions: '修改后合法',
  unlawful: '不合法',
  exploratory_risk_disclosed: '探索性改革事项（已提示法律风险）',
};

export const CATEGORY_LABELS: Record<RefusalCategory, string> = {
  skip: '跳过法定环节',
  time_limit: '未给足法定期限',
  content: '缺少法定内容',
  form: '日期或者形式不符',
};

/** What each stored refusal code means, in a few words. */
export const CODE_LABELS: Readonly<Record<string, string>> = {
  CATALOG_NOT_PUBLISHED: '事项未列入已公布的年度目录即启动程序',
  DRAFTING_NOT_STARTED: '未启动决策程序即开展后续环节',
  DRAFT_MISSING: '未拟订决策草案',
  PUBLIC_PARTICIPATION_INCOMPLETE: '未完成公众参与',
  HEARING_INCOMPLETE: '未举行听证',
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

/** The meaning of a refusal code, or the code itself when it has none. */
export function codeLabel(code: string): string {
  return Object.hasOwn(CODE_LABELS, code) ? CODE_LABELS[code] : code;
}
