/**
 * What each event of the procedure records, and each field of its payload, in the words of the
 * decree: the OpenAPI document (`/docs`) and the procedure manual (`docs/major-decision-v1.md`)
 * are generated from these, beside the payload schemas of `events.ts`. Field paths: `materials.
 * draftVersion` for a field of an object, `experts[].name` for a field of each entry of a list.
 * `field-docs.spec.ts` fails on a field without a description and on a description of no field.
 */
import type { FieldDocs } from '../../json-schema';
import type { EventType } from './events';

/** What each event records, in one or two sentences (the article it rests on is added from `rules.ts`). */
export const EVENT_NOTES: Readonly<Record<EventType, string>> = {
  CATALOG_PUBLISHED: '年度重大行政决策事项目录经同级党委同意后向社会公布，目录中的事项随之列入目录。由系统在公布目录时发送，不能通过接口发送。',
  AMEND_REQUIREMENTS: '变更本事项须履行的程序（公众参与、听证、专家论证、风险评估、向党委请示报告）。送请合法性审查后不得再变更。',
  START_DRAFTING: '决策机关决定启动决策程序，由目录确定的承办单位负责起草。',
  RECORD_DRAFT: '承办单位在调查研究、梳理法律法规和政策的基础上拟订决策草案；草案可以多次修订，每一版有自己的版本号。',
  OPEN_PUBLIC_COMMENT: '向社会公开征求意见：公布决策草案及其说明，写明意见提出方式和期限。',
  CLOSE_PUBLIC_COMMENT: '公开征求意见期满后结束征求意见，说明收到和采纳的意见。结束后公众参与环节即完成。',
  RECORD_PUBLIC_PARTICIPATION: '以座谈会、问卷调查、实地走访或者书面征求意见等方式听取公众意见，完成公众参与环节。',
  RECORD_HEARING: '决策事项直接涉及公众切身利益或者存在较大分歧的，召开听证会。',
  RECORD_EXPERT_ARGUMENTATION: '专业性、技术性较强的决策事项，组织专家、专业机构论证其必要性、可行性和科学性。',
  RECORD_RISK_ASSESSMENT: '评估决策实施对社会稳定、公共安全等的风险，形成风险评估报告。风险不可控的，须调整决策草案并重新评估后方可作出决策。',
  SUBMIT_LEGALITY_REVIEW: '决策草案提交集体讨论前送请合法性审查，附送审材料，并给审查单位留出一般不少于7个工作日的审查时间。',
  RETURN_MATERIALS: '送审材料不符合要求的，合法性审查单位退回，承办单位补充后重新送审。',
  ACCEPT_REVIEW: '合法性审查单位受理送审的决策草案。',
  ADD_LEGAL_OPINION: '法律顾问、公职律师或者审查人员提出法律意见。作出审查结论前，至少须有一条法律顾问或者公职律师的意见。',
  CONCLUDE_REVIEW: '合法性审查单位作出审查结论：合法、修改后合法、不合法，或者探索性改革事项（提示法律风险）。',
  RECORD_REVISIONS: '审查结论为「修改后合法」的，承办单位根据审查意见修改决策草案，并逐条说明法律意见的采纳情况。',
  RECORD_DISCUSSION: '决策草案经决策机关常务会议或者全体会议讨论，由行政首长在集体讨论的基础上作出决定：通过、不予通过或者退回修改。',
  REPORT_TO_PARTY_COMMITTEE: '重大行政决策出台前，按照规定向同级党委请示报告。',
  PUBLISH: '决策机关公布重大行政决策，并说明公众意见、专家论证意见的采纳情况；依法不予公开的，记明依据。',
  RECORD_IMPLEMENTATION_REPORT: '决策执行单位报告决策执行情况。',
  SUSPEND: '依法暂停执行已公布的决策。',
  RESUME: '恢复执行暂停执行的决策。',
  RECORD_EVALUATION: '决策机关组织决策后评估。作出决策前承担主要论证评估工作的单位不得承担后评估。',
  START_ADJUSTMENT: '决策需要作重大调整的，重新启动决策程序（第 n+1 轮），原决策在新决策公布前继续有效。',
  TERMINATE: '经集体讨论决定停止执行已公布的决策。',
  ARCHIVE: '将履行决策程序形成的记录、材料立卷归档：每个已完成的程序环节至少一份材料。',
  WITHDRAW: '决策机关撤回决策事项（不启动或者终止决策程序），此后仍须立卷归档。',
};

/** The fields of a set of requirements (`requirementsShape` in `events.ts`), under `prefix`. */
function requirementDocs(prefix: string): Record<string, string> {
  const step = (key: string, name: string, reasonRule: string): Record<string, string> => ({
    [`${prefix}.${key}`]: `是否须履行${name}`,
    [`${prefix}.${key}.required`]: `true：须履行${name}；false：不履行`,
    [`${prefix}.${key}.reason`]: `不履行${name}的理由；${reasonRule}`,
  });
  return {
    [prefix]: '本事项须履行的程序环节',
    ...step('publicParticipation', '公众参与', 'required 为 false 时必填'),
    ...step('hearing', '听证', '可以省略（省略时进度显示为「不需要」，填写时显示为「说明理由后不履行」）'),
    ...step('expertArgumentation', '专家论证', 'required 为 false 时必填'),
    ...step('riskAssessment', '风险评估', 'required 为 false 时必填'),
    ...step('partyCommitteeReport', '向同级党委请示报告', '可以省略'),
    [`${prefix}.partyCommitteeReport`]: '是否须向同级党委请示报告；整项省略时视为须报告',
  };
}

export const FIELD_DOCS: Readonly<Record<EventType, FieldDocs>> = {
  CATALOG_PUBLISHED: {
    catalogId: '公布的年度决策事项目录的 id',
    catalogRevision: '目录的第几次公布（1 起）',
    partyCommitteeApprovedOn: '同级党委同意目录的日期',
    partyCommitteeRef: '党委同意的文件或者会议纪要文号',
    publishedOn: '目录向社会公布的日期',
  },
  AMEND_REQUIREMENTS: {
    amendedOn: '决定变更的日期',
    ...requirementDocs('requirements'),
    reason: '变更的理由',
  },
  START_DRAFTING: {
    startedOn: '决策机关决定启动决策程序的日期，不得早于目录公布日期',
  },
  RECORD_DRAFT: {
    draftedOn: '草案拟订完成的日期',
    draftVersion: '草案版本号（如 v1），送审和修改时按版本号指称草案',
    summary: '草案的主要内容',
    lawsReviewed: '梳理过的法律、法规和政策，每项一条',
    alternatives: '备选方案（必要时拟订两个以上方案）',
    fairCompetitionReview: '公平竞争审查情况；事项涉及经营者经济活动（目录事项的 affectsMarket）时必填，否则拒绝（FAIR_COMPETITION_REVIEW_REQUIRED）',
  },
  OPEN_PUBLIC_COMMENT: {
    startOn: '征求意见开始日期（可以是将来的日期）',
    endOn: '征求意见截止日期（可以是将来的日期）；期限一般不少于30日，即 endOn 至少在 startOn 之后30日',
    channels: '公布草案和提出意见的渠道（如政府网站），每项一条',
    shortenedReason: '期限不足30日的理由（因情况紧急缩短期限的应当说明）；期限不足30日而未说明的，拒绝（COMMENT_PERIOD_TOO_SHORT）',
  },
  CLOSE_PUBLIC_COMMENT: {
    closedOn: '结束征求意见的日期，不得早于 endOn',
    commentsReceived: '收到的意见条数',
    adoptionSummary: '意见采纳情况',
  },
  RECORD_PUBLIC_PARTICIPATION: {
    method: '听取公众意见的方式',
    heldOn: '听取意见的日期',
    summary: '听取意见的情况',
    adoptionSummary: '意见采纳情况',
  },
  RECORD_HEARING: {
    materialsDeliveredOn: '听证材料送达听证参加人的日期，至少在听证会7日前',
    heldOn: '听证会举行的日期',
    participants: '听证参加人（或者其代表类别），每项一条',
    recordSigned: '听证会记录是否已经听证参加人确认并签字；须为 true',
    summary: '听证情况和主要意见',
  },
  RECORD_EXPERT_ARGUMENTATION: {
    heldOn: '论证的日期',
    method: '论证方式（如论证会、书面咨询）',
    experts: '参加论证的专家、专业机构',
    'experts[].name': '专家姓名或者专业机构名称',
    'experts[].affiliation': '所在单位',
    'experts[].directInterest': '是否与决策事项有直接利害关系；为 true 的不得参加论证（EXPERT_CONFLICT_OF_INTEREST）',
    opinionsSignedAndSealed: '书面论证意见是否已署名、盖章；须为 true',
    conclusion: '论证结论',
    adoptionSummary: '专家意见采纳情况',
  },
  RECORD_RISK_ASSESSMENT: {
    assessedOn: '风险评估报告形成的日期',
    riskLevel: '风险等级',
    controllable: '风险是否可控；不可控的，须调整草案并重新评估后方可集体讨论',
    riskPoints: '风险点，每项一条',
    measures: '风险防范措施，每项一条',
    contingencyPlan: '风险处置预案',
  },
  SUBMIT_LEGALITY_REVIEW: {
    submittedOn: '送请合法性审查的日期',
    requestedDueOn: '请求审查单位作出结论的日期（可以是将来的日期）；一般不早于 submittedOn 之后第7个工作日（按国务院公布的节假日安排计算）',
    materials: '送审材料；三项都须提供，缺少任何一项的，拒绝（REVIEW_MATERIALS_INCOMPLETE）',
    'materials.draftVersion': '送审的决策草案版本号，须为已登记的草案（RECORD_DRAFT 或 RECORD_REVISIONS）；经审查不合法或者被退回修改后，须为新版本',
    'materials.legalBasis': '决策的法律依据，每项一条',
    'materials.procedureStatement': '履行公众参与、听证、专家论证、风险评估等法定程序的说明',
    shortenedReason: '审查时间不足7个工作日的理由；不足而未说明的，拒绝（REVIEW_TIME_TOO_SHORT）',
  },
  RETURN_MATERIALS: {
    returnedOn: '退回的日期',
    reason: '退回的理由（须补充的材料）',
  },
  ACCEPT_REVIEW: {
    acceptedOn: '受理的日期',
  },
  ADD_LEGAL_OPINION: {
    givenOn: '提出意见的日期',
    author: '提出意见的人',
    authorKind: '提出人的身份；作出审查结论前，至少须有一条法律顾问或者公职律师的意见',
    text: '法律意见',
  },
  CONCLUDE_REVIEW: {
    concludedOn: '作出审查结论的日期',
    conclusion: '审查结论；修改后合法的，承办单位须先登记调整情况（RECORD_REVISIONS）再提交集体讨论；不合法的，须修改草案后重新送审',
    opinionText: '合法性审查意见书的内容',
    legalRisks: '提示的法律风险，每项一条；conclusion 为 exploratory_risk_disclosed 时必填',
  },
  RECORD_REVISIONS: {
    revisedOn: '修改完成的日期',
    draftVersion: '修改后的决策草案版本号',
    opinionAdoption: '本轮审查中每条法律意见的采纳情况，一条意见一项，不多不少',
    'opinionAdoption[].opinionId': '所回应的法律意见的编号（审查台和决策详情中每条法律意见的 opinionId，形如「决策编号:记录序号」）；与 opinionSeq 只填其一',
    'opinionAdoption[].opinionSeq': '旧写法：所回应的法律意见在决策过程记录中的序号（ADD_LEGAL_OPINION 一行的 seq）；与 opinionId 只填其一',
    'opinionAdoption[].adopted': '是否采纳',
    'opinionAdoption[].note': '采纳或者不采纳的说明',
  },
  RECORD_DISCUSSION: {
    meetingType: '讨论决策草案的会议',
    meetingOn: '会议日期，即作出决定的日期',
    meetingRef: '会议纪要文号',
    attendees: '出席会议的人员，每项一条',
    memberOpinions: '会议组成人员的意见',
    'memberOpinions[].member': '会议组成人员',
    'memberOpinions[].position': '该组成人员的意见',
    'memberOpinions[].remarks': '意见的说明',
    headDecision: '行政首长在集体讨论基础上作出的决定；退回修改的，草案须修改后重新送请合法性审查',
    headReason: '行政首长的决定与多数人意见不一致时在会上说明的理由；此时必填（HEAD_REASON_REQUIRED）',
    implementingUnitId: '决策执行单位的 id：须为决策机关所属政府之下的现有单位；headDecision 为 approve 时必填',
  },
  REPORT_TO_PARTY_COMMITTEE: {
    reportedOn: '请示报告的日期',
    reference: '请示报告的文号',
  },
  PUBLISH: {
    publishedOn: '公布的日期',
    disclosure: '是否向社会公开',
    channels: '公布的渠道（如政府网站、政府公报），每项一条；disclosure 为 public 时必填',
    adoptionExplanation: '公众意见、专家论证意见采纳情况的说明；公开公布且履行过公众参与或者专家论证的，必填（ADOPTION_EXPLANATION_REQUIRED）',
    nonDisclosureBasis: '不予公开的法律依据；disclosure 为 not_disclosed 时必填',
  },
  RECORD_IMPLEMENTATION_REPORT: {
    reportedOn: '报告的日期',
    period: '报告所涵盖的期间（如 2026年第四季度）',
    summary: '执行情况',
  },
  SUSPEND: {
    on: '暂停执行的日期',
    reason: '暂停执行的理由',
  },
  RESUME: {
    on: '恢复执行的日期',
    reason: '恢复执行的理由',
  },
  RECORD_EVALUATION: {
    evaluatedOn: '评估完成的日期',
    evaluator: '承担评估的单位；不得是作出决策前参加论证的专家或者专业机构（EVALUATOR_NOT_INDEPENDENT）',
    evaluatorIndependent: '评估单位是否独立于作出决策前承担主要论证评估工作的单位；须为 true',
    conclusion: '评估结论',
    recommendation: '评估建议',
  },
  START_ADJUSTMENT: {
    startedOn: '决定调整、重新启动决策程序的日期',
    reason: '调整的理由',
    ...requirementDocs('requirements'),
    requirements: '新一轮程序须履行的程序环节；省略时沿用原要求',
  },
  TERMINATE: {
    terminatedOn: '停止执行的日期',
    reason: '停止执行的理由',
    meetingRef: '决定停止执行的会议纪要文号',
  },
  ARCHIVE: {
    archivedOn: '立卷归档的日期',
    archiveRef: '档案号',
    materials: '归档材料：每个已完成的程序环节至少一项，缺少的拒绝（ARCHIVE_INCOMPLETE）',
    'materials[].step': '材料所属的程序环节',
    'materials[].ref': '材料的卷宗号或者文件号',
  },
  WITHDRAW: {
    withdrawnOn: '撤回的日期',
    reason: '撤回的理由',
  },
};
