/** What a person reads about `major-decision` version 2: version 1's documents with what version 2 changes. */
import type { ProcedureDefinition } from '../../definition';
import type { ProcedureDocs } from '../../docs';
import type { ProcedureContext, ProcedureInput } from '../v1/context';
import { majorDecisionV1Docs } from '../v1/docs';
import { EVENT_EXAMPLES as V1_EXAMPLES } from '../v1/examples';
import { EVENT_NOTES as V1_NOTES, FIELD_DOCS as V1_FIELD_DOCS } from '../v1/field-docs';
import { EVENT_PAYLOADS } from './events';
import { majorDecisionV2 } from './machine';
import { EVENT_BASIS } from './rules';
import { samplePayload } from './samples';

export const EVENT_NOTES = {
  ...V1_NOTES,
  REPORT_TO_PARTY_COMMITTEE:
    '重大行政决策出台前，按照规定向同级党委请示报告，并登记党委的答复：同意的，方可公布；退回并提出意见的，决策草案退回起草阶段修改。' +
    '依规定免于请示报告的，决策事项的要求须写明所依据的规定（requirements.partyCommitteeReport.reason），公布时标记。',
  SUBMIT_LEGALITY_REVIEW: `${V1_NOTES.SUBMIT_LEGALITY_REVIEW} 已公布的公开征求意见尚未结束并说明采纳情况的，不得送审；审查期限不得早于送审日期。`,
  OPEN_PUBLIC_COMMENT: `${V1_NOTES.OPEN_PUBLIC_COMMENT} 截止日期不得早于开始日期。`,
  RECORD_PUBLIC_PARTICIPATION: '以座谈会、问卷调查、民意调查、实地走访或者书面征求意见等方式听取公众意见，完成公众参与环节。',
  RECORD_HEARING: '决策事项直接涉及公众切身利益或者存在较大分歧的，召开听证会。听证会是听取公众意见的方式之一，同时完成公众参与环节。',
  RECORD_EXPERT_ARGUMENTATION: `${V1_NOTES.RECORD_EXPERT_ARGUMENTATION} 提供书面论证意见的，须署名、盖章。`,
  RECORD_RISK_ASSESSMENT: '评估决策实施对社会稳定、公共安全等的风险，形成风险评估报告。评估认为风险不可控的，合法性审查照常进行；决定通过前，决策机关须认定已采取措施确保风险可控。',
  ARCHIVE: `${V1_NOTES.ARCHIVE} 归档后又形成执行报告、中止或者恢复执行、决策后评估、停止执行等记录的，再次办理以补充归档；补充归档前，案件标记为归档后形成的材料尚未补充归档。`,
  RECORD_IMPLEMENTATION_REPORT: '决策执行单位报告决策执行情况；发现决策存在问题、客观情况发生重大变化等情形的，在 problems 中报告（SC713-35）。',
  SUSPEND: '执行中出现已报告的问题、情况紧急的，由行政首长先决定中止执行（SC713-37）：写明紧急情形和行政首长的决定文号。',
  RECORD_DISCUSSION:
    '决策草案经决策机关的集体会议讨论：人民政府为常务会议或者全体会议，政府部门为部门办公会议，街道为主任办公会议（SC713-42）。会议组成人员充分发表意见，行政首长最后发表意见，' +
    '在集体讨论的基础上作出决定：通过、不予通过或者退回修改；不同意见如实载明。决定通过的，写明是否属于人大及其常委会讨论决定或者出台前报告的事项（SC713-8）。' +
    '风险评估认为风险不可控的，决定通过须附决策机关认定风险可控的意见及所采取的措施（riskFinding）。',
  RECORD_DRAFT: `${V1_NOTES.RECORD_DRAFT} 决策事项涉及其他部门、下一级人民政府等单位职责或者与其关系紧密的，列出与其协商的情况；不能取得一致的，向决策机关说明争议（SC713-13）。`,
  PUBLISH: `${V1_NOTES.PUBLISH} 属于人大及其常委会讨论决定或者出台前报告的事项，须先办理并记载（SC713-8）。决策有有效期的，写明有效期（validUntil）；调整程序决定停止执行的，公布即停止执行。`,
  START_ADJUSTMENT: '决策需要作重大调整或者停止执行的，重新启动决策程序（第 n+1 轮），经合法性审查、集体讨论决定后公布（SC713-37）；原决策在新决定公布前继续有效。停止执行的（purpose 为 terminate），公布即停止执行。',
  TERMINATE: '决策公布时写明的有效期届满，登记停止执行。有效期届满前停止执行的，须经调整程序（START_ADJUSTMENT，purpose 为 terminate）。',
  WITHDRAW: '决策机关调整决策事项目录，撤回决策事项（不启动或者终止决策程序），写明决策机关的决定；此后仍须立卷归档。',
};

export const FIELD_DOCS = {
  ...V1_FIELD_DOCS,
  RECORD_PUBLIC_PARTICIPATION: { ...V1_FIELD_DOCS.RECORD_PUBLIC_PARTICIPATION, method: '听取公众意见的方式（含民意调查）' },
  RECORD_EXPERT_ARGUMENTATION: {
    ...V1_FIELD_DOCS.RECORD_EXPERT_ARGUMENTATION,
    writtenOpinions: '专家、专业机构是否提供了书面论证意见；省略视为提供了',
    opinionsSignedAndSealed: '书面论证意见是否已署名、盖章；提供了书面论证意见的必填，且须为 true',
  },

  RECORD_IMPLEMENTATION_REPORT: {
    ...V1_FIELD_DOCS.RECORD_IMPLEMENTATION_REPORT,
    problems: '执行中发现的问题、客观情况的重大变化或者不可抗力等情形，每项一条；有此报告，行政首长方可在情况紧急时先决定中止执行',
    publicOpinions: '报告期内公民、法人或者其他组织对决策及其实施提出的意见建议（SC713-35第二款），每条一项',
    'publicOpinions[].receivedOn': '收到的日期',
    'publicOpinions[].channel': '提出的方式：信件、电话、电子邮件等',
    'publicOpinions[].summary': '意见建议的要点',
  },
  SUSPEND: {
    ...V1_FIELD_DOCS.SUSPEND,
    urgency: '情况紧急的具体情形；至少4个文字',
    headDecisionRef: '行政首长决定中止执行的文件或者批示的文号',
  },

  RECORD_DRAFT: {
    ...V1_FIELD_DOCS.RECORD_DRAFT,
    fairCompetitionFindings: '公平竞争审查的记录（《公平竞争审查条例》第十四条）；决策事项涉及市场主体经济活动的必填（FAIR_COMPETITION_REVIEW_REQUIRED）',
    'fairCompetitionFindings.initialFinding': '起草单位初审的结论',
    'fairCompetitionFindings.regulatorReviewedOn': '市场监督管理部门审查的日期',
    'fairCompetitionFindings.regulatorRef': '市场监督管理部门审查意见的文号',
    'fairCompetitionFindings.regulatorFinding': '市场监督管理部门的审查结论；为违反规定（non_compliant）的，决策不得通过（FAIR_COMPETITION_REVIEW_NEGATIVE）',
    'fairCompetitionFindings.exceptionExplanation': '适用第十二条例外情形的详细说明；regulatorFinding 为 exception_applies 时必填',
    consultations: '与决策事项涉及其职责或者关系紧密的单位（决策机关所属部门、下一级人民政府等）协商的情况，每个单位一项；不涉及其他单位的，为空列表',
    'consultations[].unit': '协商的单位',
    'consultations[].agreed': '是否取得一致意见',
    'consultations[].disputedIssues': '争议的主要问题；未取得一致（agreed 为 false）的必填',
    'consultations[].unitOpinion': '有关单位的意见；未取得一致的必填',
    'consultations[].undertakingOpinion': '决策承办单位的意见、理由和依据；未取得一致的必填',
  },
  RECORD_DISCUSSION: {
    ...V1_FIELD_DOCS.RECORD_DISCUSSION,
    meetingType: '讨论决策草案的会议：人民政府为常务会议（executive）或者全体会议（plenary），政府部门为部门办公会议（department_affairs），街道为主任办公会议（street_office）',
    headSpokeLast: '行政首长是否在会议组成人员发表意见后最后发表意见；须为 true',
    'memberOpinions[].remarks': '发言要点；不同意（disagree）的，须如实载明其不同意见',
    peopleCongressMatter: '是否属于本级人大及其常委会讨论决定（decide）或者出台前应当向人大常委会报告（report）的事项，不属于的为 none；决定通过（approve）的必填',
    riskFinding: '风险评估认为风险不可控而决定通过的，决策机关对风险的认定；此时必填（RISK_UNCONTROLLABLE）',
    'riskFinding.controllable': '决策机关是否认定风险可控；须为 true',
    'riskFinding.measures': '为确保风险可控所采取的措施，每项一条',
  },
  PUBLISH: {
    ...V1_FIELD_DOCS.PUBLISH,
    validUntil: '决策写明的有效期的最后一日；届满后可直接登记停止执行（TERMINATE）',
    peopleCongress: '人大及其常委会讨论决定或者听取报告的记载；集体讨论认定属于此类事项的必填（PEOPLES_CONGRESS_REQUIRED）',
    'peopleCongress.on': '人大及其常委会作出决定或者听取报告的日期；在集体讨论决定之后、公布之前',
    'peopleCongress.reference': '决定或者报告的文号',
  },
  START_ADJUSTMENT: { ...V1_FIELD_DOCS.START_ADJUSTMENT, purpose: '调整的目的：重大调整（amend，省略时即此）或者停止执行（terminate）' },
  TERMINATE: { terminatedOn: '停止执行的日期：有效期届满之后', reason: '停止执行的理由' },
  WITHDRAW: { ...V1_FIELD_DOCS.WITHDRAW, organDecisionRef: '决策机关决定调整目录、撤回事项的文件或者会议纪要文号' },
  REPORT_TO_PARTY_COMMITTEE: {
    reportedOn: '请示报告的日期',
    reference: '请示报告的文号',
    committeeReply: '党委的答复：同意，或者退回并提出意见（退回的，决策草案回到起草阶段修改）',
    repliedOn: '党委答复的日期；不得早于 reportedOn',
    replyOpinions: '党委提出的意见，每项一条；committeeReply 为 returned 时必填',
  },
};

export const EVENT_EXAMPLES = {
  ...V1_EXAMPLES,
  RECORD_DRAFT: {
    ...V1_EXAMPLES.RECORD_DRAFT,
    fairCompetitionFindings: { initialFinding: 'compliant', regulatorReviewedOn: '2026-04-20', regulatorRef: '区市场监管局公平竞争审查意见〔2026〕5号', regulatorFinding: 'compliant' },
    consultations: [
      { unit: '区住房城乡建设局', agreed: true },
      {
        unit: '港湾街道办事处',
        agreed: false,
        disputedIssues: '加装电梯的居民出资比例',
        unitOpinion: '低楼层居民不宜出资',
        undertakingOpinion: '按楼层分档出资，依据《前进区既有住宅加装电梯指导意见》第六条',
      },
    ],
  },
  RECORD_DISCUSSION: { ...V1_EXAMPLES.RECORD_DISCUSSION, headSpokeLast: true, peopleCongressMatter: 'none' },
  PUBLISH: { ...V1_EXAMPLES.PUBLISH, validUntil: '2028-12-31' },
  RECORD_IMPLEMENTATION_REPORT: {
    ...V1_EXAMPLES.RECORD_IMPLEMENTATION_REPORT,
    publicOpinions: [{ receivedOn: '2026-12-10', channel: '区长信箱', summary: '希望公布各小区改造时间表' }],
  },
  START_ADJUSTMENT: { ...V1_EXAMPLES.START_ADJUSTMENT, purpose: 'amend' },
  TERMINATE: { terminatedOn: '2029-01-01', reason: '有效期届满' },
  WITHDRAW: { ...V1_EXAMPLES.WITHDRAW, organDecisionRef: '区政府常务会议纪要〔2026〕3号' },
  SUSPEND: { ...V1_EXAMPLES.SUSPEND, urgency: '施工导致供暖管网中断，须立即停工抢修', headDecisionRef: '区长批示〔2026〕12号' },
  REPORT_TO_PARTY_COMMITTEE: {
    reportedOn: '2026-10-23',
    reference: '区政府党组请示〔2026〕9号',
    committeeReply: 'agreed',
    repliedOn: '2026-10-26',
  },
};

export function majorDecisionV2Docs(def: () => ProcedureDefinition<ProcedureContext, ProcedureInput>): ProcedureDocs {
  return majorDecisionV1Docs(def, {
    machine: majorDecisionV2,
    eventNotes: EVENT_NOTES,
    payloads: EVENT_PAYLOADS,
    fieldDocs: FIELD_DOCS,
    examples: EVENT_EXAMPLES,
    eventBasis: EVENT_BASIS,
    samplePayload,
  });
}
