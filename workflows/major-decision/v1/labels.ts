/**
 * The Chinese words of the major-decision procedure, version 1: what each stage, step, event,
 * review conclusion and decision category is called in the decree and in a 法治政府建设 report.
 * Codes stay stable English for programs; every message and view a person reads uses these words.
 */
import type { Conclusion, Stage } from './context';
import type { EventType } from './events';
import type { StepId } from './steps';

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
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

export const STEP_LABELS: Readonly<Record<StepId, string>> = {
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

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  CATALOG_PUBLISHED: '年度目录公布',
  AMEND_REQUIREMENTS: '变更程序要求',
  START_DRAFTING: '启动决策程序',
  RECORD_DRAFT: '登记决策草案',
  OPEN_PUBLIC_COMMENT: '公开征求意见',
  CLOSE_PUBLIC_COMMENT: '结束公开征求意见',
  RECORD_PUBLIC_PARTICIPATION: '登记公众参与情况',
  RECORD_HEARING: '登记听证',
  RECORD_EXPERT_ARGUMENTATION: '登记专家论证',
  RECORD_RISK_ASSESSMENT: '登记风险评估',
  SUBMIT_LEGALITY_REVIEW: '送请合法性审查',
  RETURN_MATERIALS: '退回送审材料',
  ACCEPT_REVIEW: '受理合法性审查',
  ADD_LEGAL_OPINION: '提出法律意见',
  CONCLUDE_REVIEW: '作出合法性审查结论',
  RECORD_REVISIONS: '登记根据审查意见修改情况',
  RECORD_DISCUSSION: '登记集体讨论决定',
  REPORT_TO_PARTY_COMMITTEE: '向同级党委请示报告',
  PUBLISH: '公布决策',
  RECORD_IMPLEMENTATION_REPORT: '报告决策执行情况',
  SUSPEND: '暂停执行',
  RESUME: '恢复执行',
  RECORD_EVALUATION: '登记决策后评估',
  START_ADJUSTMENT: '启动决策调整',
  TERMINATE: '停止执行',
  ARCHIVE: '立卷归档',
  WITHDRAW: '撤回决策事项',
};

export const CONCLUSION_LABELS: Readonly<Record<Conclusion, string>> = {
  lawful: '合法',
  lawful_with_revisions: '修改后合法',
  unlawful: '不合法',
  exploratory_risk_disclosed: '探索性改革事项（已提示法律风险）',
};

/** The matters SC713-3 covers, and the three it leaves out (catalog item categories). */
export const DECISION_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  public_policy: '重大公共政策和措施',
  development_plan: '重要规划',
  resource_policy: '重大资源开发利用和保护政策措施',
  public_project: '重大公共建设项目',
  other_major: '其他重大事项',
  macro_control: '财政政策、货币政策等宏观调控决策',
  legislation: '政府立法决策',
  emergency_response: '突发事件应急处置决策',
};
