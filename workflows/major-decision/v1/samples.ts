/**
 * Valid sample events for any procedure state: dates follow the state's last recorded date, every
 * required field is filled, every guard is satisfied where the state allows. Used by the
 * graph-generated tests, the engine tests and the benchmarks.
 */
import { addDays } from '../../dates';
import type { ProcedureContext, ProcedureEvent, Requirements } from './context';
import { EVENT_TYPES, type EventType } from './events';
import { STEPS } from './steps';

export const SAMPLE_TODAY = '2026-11-28';
const BASE = '2026-01-05';
const UNIT = '00000000-0000-4000-8000-000000000001';
const CATALOG = '00000000-0000-4000-8000-0000000000c1';

export const ALL_REQUIRED: Requirements = {
  publicParticipation: { required: true },
  hearing: { required: true },
  expertArgumentation: { required: true },
  riskAssessment: { required: true },
  partyCommitteeReport: { required: true },
};

/** The two requirement sets the graph-generated tests walk: everything required, and the lightest lawful one. */
export const REQUIREMENT_SETS: Record<string, Requirements> = {
  'every step required': ALL_REQUIRED,
  'hearing and experts waived, no party report': {
    publicParticipation: { required: true },
    hearing: { required: false, reason: '不涉及' },
    expertArgumentation: { required: false, reason: '不涉及' },
    riskAssessment: { required: true },
    partyCommitteeReport: { required: false, reason: '已纳入年度报告' },
  },
};

export function samplePayload(type: EventType, ctx: ProcedureContext): Record<string, unknown> {
  const d = ctx.lastDate ?? BASE;
  const lastDraft = ctx.drafts[ctx.drafts.length - 1]?.draftVersion;
  switch (type) {
    case 'CATALOG_PUBLISHED':
      return { catalogId: CATALOG, catalogRevision: 1, partyCommitteeApprovedOn: d, partyCommitteeRef: '区委常委会纪要〔2026〕1号', publishedOn: d };
    case 'AMEND_REQUIREMENTS':
      return { amendedOn: d, requirements: ctx.requirements, reason: '重新核定程序要求' };
    case 'START_DRAFTING':
      return { startedOn: d };
    case 'RECORD_DRAFT':
      return {
        draftedOn: d,
        draftVersion: `r${ctx.revision}-v${ctx.drafts.length + 1}`,
        summary: '决策草案',
        lawsReviewed: ['价格法'],
        ...(ctx.affectsMarket ? { fairCompetitionReview: '经审查不排除、限制竞争' } : {}),
      };
    case 'OPEN_PUBLIC_COMMENT':
      return { startOn: d, endOn: addDays(d, 30), channels: ['区政府网站'] };
    case 'CLOSE_PUBLIC_COMMENT':
      return { closedOn: ctx.comment?.endOn ?? d, commentsReceived: 12, adoptionSummary: '采纳5条' };
    case 'RECORD_PUBLIC_PARTICIPATION':
      return { method: 'forum', heldOn: d, summary: '座谈会', adoptionSummary: '部分采纳' };
    case 'RECORD_HEARING':
      return { materialsDeliveredOn: d, heldOn: addDays(d, 7), participants: ['居民代表'], recordSigned: true, summary: '听证会' };
    case 'RECORD_EXPERT_ARGUMENTATION':
      return {
        heldOn: d,
        method: '论证会',
        experts: [{ name: '王教授', affiliation: '某大学', directInterest: false }],
        opinionsSignedAndSealed: true,
        conclusion: '可行',
        adoptionSummary: '已采纳',
      };
    case 'RECORD_RISK_ASSESSMENT':
      return { assessedOn: d, riskLevel: 'low', controllable: true, riskPoints: ['价格敏感'], measures: ['分步实施'], contingencyPlan: '应急预案' };
    case 'SUBMIT_LEGALITY_REVIEW':
      return {
        submittedOn: d,
        requestedDueOn: addDays(d, 30),
        materials: { draftVersion: lastDraft ?? 'none', legalBasis: ['价格法'], procedureStatement: '已履行法定程序' },
      };
    case 'RETURN_MATERIALS':
      return { returnedOn: d, reason: '材料不全' };
    case 'ACCEPT_REVIEW':
      return { acceptedOn: d };
    case 'ADD_LEGAL_OPINION':
      return { givenOn: d, author: '李律师', authorKind: 'legal_adviser', text: '合法' };
    case 'CONCLUDE_REVIEW':
      return { concludedOn: d, conclusion: 'lawful', opinionText: '合法' };
    case 'RECORD_REVISIONS':
      return {
        revisedOn: d,
        draftVersion: `${lastDraft ?? 'r'}-rev`,
        opinionAdoption: ctx.review.opinions.length ? ctx.review.opinions.map((o) => ({ opinionSeq: o.seq, adopted: true, note: '采纳' })) : [{ opinionSeq: 0, adopted: true, note: '无' }],
      };
    case 'RECORD_DISCUSSION':
      return {
        meetingType: 'executive',
        meetingOn: d,
        meetingRef: '区政府常务会议〔2026〕5号',
        attendees: ['区长', '副区长'],
        memberOpinions: [{ member: '副区长', position: 'agree' }],
        headDecision: 'approve',
        implementingUnitId: UNIT,
      };
    case 'REPORT_TO_PARTY_COMMITTEE':
      return { reportedOn: d, reference: '区委请示〔2026〕3号' };
    case 'PUBLISH':
      return { publishedOn: d, disclosure: 'public', channels: ['区政府网站'], adoptionExplanation: '采纳情况说明' };
    case 'RECORD_IMPLEMENTATION_REPORT':
      return { reportedOn: d, period: '2026年第三季度', summary: '执行顺利' };
    case 'SUSPEND':
      return { on: d, reason: '情况紧急' };
    case 'RESUME':
      return { on: d, reason: '情况消除' };
    case 'RECORD_EVALUATION':
      return { evaluatedOn: d, evaluator: '第三方评估机构', evaluatorIndependent: true, conclusion: '效果良好', recommendation: 'continue' };
    case 'START_ADJUSTMENT':
      return { startedOn: d, reason: '客观情况重大变化' };
    case 'TERMINATE':
      return { terminatedOn: d, reason: '决策目标已实现', meetingRef: '区政府常务会议〔2026〕9号' };
    case 'ARCHIVE':
      return {
        archivedOn: d,
        archiveRef: '档案〔2026〕1号',
        materials: STEPS.filter((s) => ctx.done[s] !== undefined).map((s) => ({ step: s, ref: `卷-${s}` })),
      };
    case 'WITHDRAW':
      return { withdrawnOn: d, reason: '决策事项不再需要' };
  }
}

/** The facts the engine would hand in with the event (the calendar approximated by calendar days). */
export function sampleEvent(type: EventType, ctx: ProcedureContext, seq = 1): ProcedureEvent {
  const payload = samplePayload(type, ctx);
  const facts: ProcedureEvent['facts'] = { today: SAMPLE_TODAY };
  if (type === 'SUBMIT_LEGALITY_REVIEW') {
    facts.reviewMinDueOn = addDays(payload.submittedOn as string, 9);
    facts.reviewWorkingDaysGiven = 22;
  }
  return { type, payload, facts, seq };
}

export function sampleEvents(ctx: ProcedureContext, seq = 1): ProcedureEvent[] {
  return EVENT_TYPES.map((t) => sampleEvent(t, ctx, seq));
}
