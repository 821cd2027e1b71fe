/**
 * One example payload per event, for the OpenAPI document and the procedure manual: the story of
 * the README's walkthrough (前进区 plans the renovation of its old residential compounds, 区发改局
 * undertakes it). Each passes the payload schema (`examples.spec.ts`); the dates are those of a
 * procedure run in 2026.
 */
import type { EventType } from './events';

/** 区发改局 in the examples: the undertaking and implementing unit. */
const NDRC = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const CATALOG = '0b7e4c1a-2d3f-4e5a-9b6c-7d8e9f0a1b2c';
/** The decision (老旧小区改造三年规划): its legal opinions are known by `<decision id>:<record seq>`. */
const DECISION = 'a3c5e7f9-1b2d-4f60-8a7b-9c0d1e2f3a4b';

export const EVENT_EXAMPLES: Readonly<Record<EventType, Record<string, unknown>>> = {
  CATALOG_PUBLISHED: {
    catalogId: CATALOG,
    catalogRevision: 1,
    partyCommitteeApprovedOn: '2026-02-10',
    partyCommitteeRef: '区委常委会会议纪要〔2026〕2号',
    publishedOn: '2026-02-15',
  },
  AMEND_REQUIREMENTS: {
    amendedOn: '2026-03-05',
    requirements: {
      publicParticipation: { required: true },
      hearing: { required: true },
      expertArgumentation: { required: false, reason: '技术方案已经行业主管部门论证' },
      riskAssessment: { required: true },
      partyCommitteeReport: { required: true },
    },
    reason: '改造涉及加装电梯费用分摊，居民意见分歧较大，增加听证',
  },
  START_DRAFTING: { startedOn: '2026-03-02' },
  RECORD_DRAFT: {
    draftedOn: '2026-03-12',
    draftVersion: 'v1',
    summary: '前进区老旧小区改造三年规划（草案）：2026—2028年改造小区42个',
    lawsReviewed: ['《中华人民共和国城乡规划法》', '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》'],
    alternatives: ['分三年平均推进', '先改造2000年以前建成的小区'],
  },
  OPEN_PUBLIC_COMMENT: {
    startOn: '2026-03-16',
    endOn: '2026-04-15',
    channels: ['前进区人民政府网站', '各街道社区公告栏'],
  },
  CLOSE_PUBLIC_COMMENT: { closedOn: '2026-04-16', commentsReceived: 86, adoptionSummary: '采纳31条，部分采纳12条，未采纳的已说明理由' },
  RECORD_PUBLIC_PARTICIPATION: {
    method: 'questionnaire',
    heldOn: '2026-04-08',
    summary: '向改造范围内居民发放问卷1200份，收回1134份',
    adoptionSummary: '采纳加装电梯、增设停车位的意见',
  },
  RECORD_HEARING: {
    materialsDeliveredOn: '2026-04-01',
    heldOn: '2026-04-10',
    participants: ['居民代表', '物业服务企业代表', '区人大代表'],
    recordSigned: true,
    summary: '听证会对加装电梯费用分摊提出意见',
  },
  RECORD_EXPERT_ARGUMENTATION: {
    heldOn: '2026-04-20',
    method: '专家论证会',
    experts: [
      { name: '张教授', affiliation: '省建筑大学', directInterest: false },
      { name: '刘高工', affiliation: '市城市规划设计研究院', directInterest: false },
    ],
    opinionsSignedAndSealed: true,
    conclusion: '规划总体可行，建议分期实施',
    adoptionSummary: '已采纳分期实施建议',
  },
  RECORD_RISK_ASSESSMENT: {
    assessedOn: '2026-05-15',
    riskLevel: 'low',
    controllable: true,
    riskPoints: ['施工期间扰民'],
    measures: ['错峰施工', '施工前逐户告知'],
    contingencyPlan: '老旧小区改造施工突发事件应急预案',
  },
  SUBMIT_LEGALITY_REVIEW: {
    submittedOn: '2026-09-25',
    requestedDueOn: '2026-10-12',
    materials: {
      draftVersion: 'v1',
      legalBasis: ['《中华人民共和国城乡规划法》'],
      procedureStatement: '已履行公众参与、风险评估程序；听证、专家论证经决策机关确定不需要并说明理由',
    },
  },
  RETURN_MATERIALS: { returnedOn: '2026-09-27', reason: '缺少风险评估报告全文' },
  ACCEPT_REVIEW: { acceptedOn: '2026-09-28' },
  ADD_LEGAL_OPINION: { givenOn: '2026-09-29', author: '王律师', authorKind: 'legal_adviser', text: '建议在规划中写明改造资金来源和居民出资比例' },
  CONCLUDE_REVIEW: { concludedOn: '2026-10-09', conclusion: 'lawful', opinionText: '决策权限、程序和内容合法' },
  RECORD_REVISIONS: {
    revisedOn: '2026-10-14',
    draftVersion: 'v2',
    opinionAdoption: [{ opinionId: `${DECISION}:12`, adopted: true, note: '已在第五章写明资金来源和居民出资比例' }],
  },
  RECORD_DISCUSSION: {
    meetingType: 'executive',
    meetingOn: '2026-10-20',
    meetingRef: '区政府常务会议纪要〔2026〕18号',
    attendees: ['区长', '常务副区长', '副区长'],
    memberOpinions: [
      { member: '常务副区长', position: 'agree' },
      { member: '副区长', position: 'agree', remarks: '建议优先改造无障碍设施' },
    ],
    headDecision: 'approve',
    implementingUnitId: NDRC,
  },
  REPORT_TO_PARTY_COMMITTEE: { reportedOn: '2026-10-23', reference: '区政府党组请示〔2026〕9号' },
  PUBLISH: {
    publishedOn: '2026-10-30',
    disclosure: 'public',
    channels: ['前进区人民政府网站', '前进区人民政府公报'],
    adoptionExplanation: '公众意见采纳情况：采纳加装电梯、增设停车位等意见31条',
  },
  RECORD_IMPLEMENTATION_REPORT: { reportedOn: '2026-12-31', period: '2026年第四季度', summary: '已完成首批8个小区的改造设计' },
  SUSPEND: { on: '2027-03-01', reason: '上级补助资金未到位' },
  RESUME: { on: '2027-04-01', reason: '补助资金已到位' },
  RECORD_EVALUATION: {
    evaluatedOn: '2027-11-20',
    evaluator: '区社会科学院',
    evaluatorIndependent: true,
    conclusion: '首年目标基本完成，居民满意度较高',
    recommendation: 'continue',
  },
  START_ADJUSTMENT: { startedOn: '2028-01-10', reason: '上级调整老旧小区改造范围' },
  TERMINATE: { terminatedOn: '2028-06-30', reason: '改造任务已提前完成', meetingRef: '区政府常务会议纪要〔2028〕12号' },
  ARCHIVE: {
    archivedOn: '2026-11-06',
    archiveRef: '前进区档案〔2026〕31号',
    materials: [
      { step: 'catalog', ref: '卷1-目录及党委同意文件' },
      { step: 'start', ref: '卷2-启动决定' },
      { step: 'draft', ref: '卷3-决策草案及说明' },
      { step: 'publicParticipation', ref: '卷4-问卷及意见采纳情况' },
      { step: 'riskAssessment', ref: '卷5-风险评估报告' },
      { step: 'legalityReview', ref: '卷6-合法性审查意见书' },
      { step: 'collectiveDiscussion', ref: '卷7-常务会议纪要' },
      { step: 'partyCommitteeReport', ref: '卷8-请示报告' },
      { step: 'publication', ref: '卷9-公布文本' },
    ],
  },
  WITHDRAW: { withdrawnOn: '2026-03-20', reason: '上级已统一部署，不再单独决策' },
};
