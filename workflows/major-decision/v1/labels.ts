/**
 * The Chinese words of the major-decision procedure, version 1: what each stage, step, event,
 * review conclusion and decision category is called in the decree and in a 法治政府建设 report.
 * Codes stay stable English for programs; every message and view a person reads uses these words.
 * The words follow 《重大行政决策程序暂行条例》: 决策草案的形成 (art. 12–24), 合法性审查 (25–28),
 * 集体讨论决定 (30), 向同级党委请示报告 (31), 公布 (32), 归档 (33), 中止执行 (37).
 */
import type { Conclusion, Stage, StepStatus } from './context';
import type { EventType } from './events';
import type { StepId } from './steps';

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  proposed: '拟列入目录',
  cataloged: '已列入目录',
  drafting: '决策草案形成中',
  legality_review: '合法性审查中',
  revising: '根据合法性审查意见调整中',
  awaiting_discussion: '待集体讨论决定',
  decided: '已作出决定',
  reported: '已向同级党委请示报告',
  published: '已公布',
  rejected: '决定不予通过',
  withdrawn: '已撤回',
};

export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  catalog: '列入年度决策事项目录',
  start: '启动决策程序',
  draft: '拟订决策草案',
  publicParticipation: '公众参与',
  hearing: '听证会',
  expertArgumentation: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  revisions: '根据合法性审查意见调整',
  collectiveDiscussion: '集体讨论决定',
  partyCommitteeReport: '向同级党委请示报告',
  publication: '决策公布',
  archive: '材料归档',
};

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  CATALOG_PUBLISHED: '公布年度决策事项目录',
  AMEND_REQUIREMENTS: '变更程序要求',
  START_DRAFTING: '启动决策程序',
  RECORD_DRAFT: '登记决策草案',
  OPEN_PUBLIC_COMMENT: '向社会公开征求意见',
  CLOSE_PUBLIC_COMMENT: '结束公开征求意见',
  RECORD_PUBLIC_PARTICIPATION: '登记公众参与情况',
  RECORD_HEARING: '登记听证会',
  RECORD_EXPERT_ARGUMENTATION: '登记专家论证',
  RECORD_RISK_ASSESSMENT: '登记风险评估',
  SUBMIT_LEGALITY_REVIEW: '送请合法性审查',
  RETURN_MATERIALS: '退回送审材料',
  ACCEPT_REVIEW: '受理合法性审查',
  ADD_LEGAL_OPINION: '提出法律意见',
  CONCLUDE_REVIEW: '作出合法性审查结论',
  RECORD_REVISIONS: '登记根据合法性审查意见调整情况',
  RECORD_DISCUSSION: '登记集体讨论决定',
  REPORT_TO_PARTY_COMMITTEE: '向同级党委请示报告',
  PUBLISH: '公布决策',
  RECORD_IMPLEMENTATION_REPORT: '报告决策执行情况',
  SUSPEND: '中止执行',
  RESUME: '恢复执行',
  RECORD_EVALUATION: '登记决策后评估',
  START_ADJUSTMENT: '启动决策调整',
  TERMINATE: '停止执行',
  ARCHIVE: '材料归档',
  WITHDRAW: '撤回决策事项',
};

/** Record rows that are no event of the statechart: the catalog item as proposed (seq 1). */
export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  ...EVENT_LABELS,
  ITEM_PROPOSED: '提出目录事项',
};

export const CONCLUSION_LABELS: Readonly<Record<Conclusion, string>> = {
  lawful: '合法',
  lawful_with_revisions: '修改后合法',
  unlawful: '不合法',
  exploratory_risk_disclosed: '探索性改革事项（已提示法律风险）',
};

/** The values of a payload's choices, by their words (shown beside the value when one is refused). */
export const PARTICIPATION_METHOD_LABELS: Readonly<Record<string, string>> = { forum: '座谈会', questionnaire: '问卷调查', field_visit: '实地走访', written: '书面征求意见' };
export const RISK_LEVEL_LABELS: Readonly<Record<string, string>> = { low: '低', medium: '中', high: '高' };
export const OPINION_AUTHOR_LABELS: Readonly<Record<string, string>> = { legal_adviser: '法律顾问', public_lawyer: '公职律师', reviewer: '合法性审查机构人员' };
export const MEETING_TYPE_LABELS: Readonly<Record<string, string>> = { executive: '常务会议', plenary: '全体会议' };
export const DISCLOSURE_LABELS: Readonly<Record<string, string>> = { public: '公开', not_disclosed: '依法不予公开' };
export const RECOMMENDATION_LABELS: Readonly<Record<string, string>> = { continue: '继续执行', adjust: '调整', terminate: '停止执行' };

/** A member's position at the collective discussion (SC713-30). */
export const MEMBER_POSITION_LABELS: Readonly<Record<string, string>> = { agree: '同意', disagree: '不同意', abstain: '弃权' };

/** The head's decision after the collective discussion (SC713-30). */
export const HEAD_DECISION_LABELS: Readonly<Record<string, string>> = { approve: '通过', reject: '不予通过', return: '退回修改' };

/** Where a step of `progress` stands. */
export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  not_required: '不需要',
  pending: '未办理',
  in_progress: '办理中',
  done: '已完成',
  waived_with_reason: '不需要（已说明理由）',
};

/** Where a round of the legality review desk stands. */
export const REVIEW_STATUS_LABELS: Readonly<Record<string, string>> = {
  submitted: '已送审，待受理',
  in_review: '审查中',
  concluded: '已作出审查结论',
  returned: '已退回送审材料',
  withdrawn: '决策事项已撤回',
};

/** The matters SC713-3 covers, and the three it leaves out (catalog item categories). */
export const DECISION_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  public_policy: '重大公共政策和措施',
  development_plan: '重要规划',
  resource_policy: '开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  public_project: '重大公共建设项目',
  other_major: '其他重大事项',
  macro_control: '财政政策、货币政策等宏观调控决策',
  legislation: '政府立法决策',
  emergency_response: '突发事件应急处置决策',
};

const label = (table: Readonly<Record<string, string>>, code: string): string => (Object.hasOwn(table, code) ? table[code] : code);

/** The word of a code, or the code itself when it has none (a value stored by another version). */
export const stageLabel = (stage: string): string => label(STAGE_LABELS, stage);
export const stepLabel = (step: string): string => label(STEP_LABELS, step);
export const eventLabel = (type: string): string => label(RECORD_TYPE_LABELS, type);
export const stepStatusLabel = (status: string): string => label(STEP_STATUS_LABELS, status);
export const conclusionLabel = (conclusion: string): string => label(CONCLUSION_LABELS, conclusion);
export const reviewStatusLabel = (status: string): string => label(REVIEW_STATUS_LABELS, status);
export const decisionCategoryLabel = (category: string): string => label(DECISION_CATEGORY_LABELS, category);
