/**
 * What each procedure event carries (决策程序事件), as a schema. Conditional requirements that are
 * a matter of form (a field needed because another has a value) are payload errors too (400).
 */
import { opinionAdoptionErrors } from './opinions';
import { bool, count, date, list, obj, oneOfLabelled, optional, text, unitRef, unitReferences, uuid, type FieldError, type Shape, type UnitReference, validateShape } from '../../schema';
import {
  CONCLUSION_LABELS,
  DISCLOSURE_LABELS,
  HEAD_DECISION_LABELS,
  MEETING_TYPE_LABELS,
  MEMBER_POSITION_LABELS,
  OPINION_AUTHOR_LABELS,
  PARTICIPATION_METHOD_LABELS,
  RECOMMENDATION_LABELS,
  RISK_LEVEL_LABELS,
  STEP_LABELS,
} from './labels';

export const requirement = obj({ required: bool(), reason: optional(text()) });
export const requirementsShape: Shape = {
  publicParticipation: requirement,
  hearing: requirement,
  expertArgumentation: requirement,
  riskAssessment: requirement,
  partyCommitteeReport: optional(requirement),
};

/** Requirements whose `required: false` must state why (a missing reason is a 400). */
export const REASON_REQUIRED_WHEN_WAIVED = ['publicParticipation', 'expertArgumentation', 'riskAssessment'] as const;

export function requirementsErrors(value: unknown, path = 'requirements'): FieldError[] {
  const errors = validateShape(requirementsShape, value, path);
  if (errors.length) return errors;
  const req = value as Record<string, { required: boolean; reason?: string } | undefined>;
  for (const k of REASON_REQUIRED_WHEN_WAIVED) {
    if (req[k]?.required === false && !req[k]?.reason) errors.push({ field: `${path}.${k}.reason`, message: '必填：required 为 false（不履行该程序）时须说明理由' });
  }
  return errors;
}

export const EVENT_PAYLOADS = {
  CATALOG_PUBLISHED: {
    catalogId: uuid(),
    catalogRevision: count(),
    partyCommitteeApprovedOn: date(),
    partyCommitteeRef: text(),
    publishedOn: date(),
  },
  AMEND_REQUIREMENTS: { amendedOn: date(), requirements: obj(requirementsShape), reason: text() },
  START_DRAFTING: { startedOn: date() },
  RECORD_DRAFT: {
    draftedOn: date(),
    draftVersion: text(),
    summary: text(),
    lawsReviewed: list(text()),
    alternatives: optional(list(text())),
    fairCompetitionReview: optional(text()),
  },
  OPEN_PUBLIC_COMMENT: { startOn: date(), endOn: date(), channels: list(text()), shortenedReason: optional(text()) },
  CLOSE_PUBLIC_COMMENT: { closedOn: date(), commentsReceived: count(), adoptionSummary: text() },
  RECORD_PUBLIC_PARTICIPATION: {
    method: oneOfLabelled(PARTICIPATION_METHOD_LABELS),
    heldOn: date(),
    summary: text(),
    adoptionSummary: text(),
  },
  RECORD_HEARING: {
    materialsDeliveredOn: date(),
    heldOn: date(),
    participants: list(text()),
    recordSigned: bool(),
    summary: text(),
  },
  RECORD_EXPERT_ARGUMENTATION: {
    heldOn: date(),
    method: text(),
    experts: list(obj({ name: text(), affiliation: text(), directInterest: bool() })),
    opinionsSignedAndSealed: bool(),
    conclusion: text(),
    adoptionSummary: text(),
  },
  RECORD_RISK_ASSESSMENT: {
    assessedOn: date(),
    riskLevel: oneOfLabelled(RISK_LEVEL_LABELS),
    controllable: bool(),
    riskPoints: list(text()),
    measures: list(text()),
    contingencyPlan: text(),
  },
  SUBMIT_LEGALITY_REVIEW: {
    submittedOn: date(),
    requestedDueOn: date(),
    // Completeness of the materials is a procedure rule (REVIEW_MATERIALS_INCOMPLETE), not a form error.
    materials: obj({ draftVersion: optional(text()), legalBasis: optional(list(text())), procedureStatement: optional(text()) }),
    shortenedReason: optional(text()),
  },
  RETURN_MATERIALS: { returnedOn: date(), reason: text() },
  ACCEPT_REVIEW: { acceptedOn: date() },
  ADD_LEGAL_OPINION: {
    givenOn: date(),
    author: text(),
    authorKind: oneOfLabelled(OPINION_AUTHOR_LABELS),
    text: text(),
  },
  CONCLUDE_REVIEW: {
    concludedOn: date(),
    conclusion: oneOfLabelled(CONCLUSION_LABELS),
    opinionText: text(),
    legalRisks: optional(list(text())),
  },
  RECORD_REVISIONS: {
    revisedOn: date(),
    draftVersion: text(),
    // Each legal opinion of the round answered by its opinionId (shown on the review desk and in
    // GET /decisions/:id), or by the bare record seq as earlier clients did: one of the two.
    opinionAdoption: list(obj({ opinionId: optional(text()), opinionSeq: optional(count()), adopted: bool(), note: text() })),
  },
  RECORD_DISCUSSION: {
    meetingType: oneOfLabelled(MEETING_TYPE_LABELS),
    meetingOn: date(),
    meetingRef: text(),
    attendees: list(text()),
    memberOpinions: list(obj({ member: text(), position: oneOfLabelled(MEMBER_POSITION_LABELS), remarks: optional(text()) })),
    headDecision: oneOfLabelled(HEAD_DECISION_LABELS),
    headReason: optional(text()),
    implementingUnitId: optional(unitRef()),
  },
  REPORT_TO_PARTY_COMMITTEE: { reportedOn: date(), reference: text() },
  PUBLISH: {
    publishedOn: date(),
    disclosure: oneOfLabelled(DISCLOSURE_LABELS),
    channels: optional(list(text())),
    adoptionExplanation: optional(text()),
    nonDisclosureBasis: optional(text()),
  },
  RECORD_IMPLEMENTATION_REPORT: { reportedOn: date(), period: text(), summary: text() },
  SUSPEND: { on: date(), reason: text() },
  RESUME: { on: date(), reason: text() },
  RECORD_EVALUATION: {
    evaluatedOn: date(),
    evaluator: text(),
    evaluatorIndependent: bool(),
    conclusion: text(),
    recommendation: oneOfLabelled(RECOMMENDATION_LABELS),
  },
  START_ADJUSTMENT: { startedOn: date(), reason: text(), requirements: optional(obj(requirementsShape)) },
  TERMINATE: { terminatedOn: date(), reason: text(), meetingRef: text() },
  ARCHIVE: { archivedOn: date(), archiveRef: text(), materials: list(obj({ step: oneOfLabelled(STEP_LABELS), ref: text() })) },
  WITHDRAW: { withdrawnOn: date(), reason: text() },
} as const satisfies Record<string, Shape>;

export type EventType = keyof typeof EVENT_PAYLOADS;
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

/** Events the engine itself sends (catalog publication); never accepted from POST /decisions/:id/events. */
export const SYSTEM_EVENTS: readonly EventType[] = ['CATALOG_PUBLISHED'];

export function isEventType(t: unknown): t is EventType {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(EVENT_PAYLOADS, t);
}

/** Form errors of a payload, with field paths under `payload.`. */
/** The organisation units a (valid) payload names, e.g. the implementing unit of RECORD_DISCUSSION. */
export function payloadUnits(type: EventType, payload: unknown): UnitReference[] {
  return unitReferences(EVENT_PAYLOADS[type], payload, 'payload');
}

export function payloadErrors(type: EventType, payload: unknown): FieldError[] {
  const errors = validateShape(EVENT_PAYLOADS[type], payload, 'payload');
  if (errors.length) return errors;
  const p = payload as Record<string, unknown>;
  const need = (cond: boolean, field: string, message: string) => cond && errors.push({ field: `payload.${field}`, message });
  switch (type) {
    case 'RECORD_REVISIONS':
      errors.push(...opinionAdoptionErrors(p));
      break;
    case 'AMEND_REQUIREMENTS':
    case 'START_ADJUSTMENT':
      if (p.requirements !== undefined) errors.push(...requirementsErrors(p.requirements, 'payload.requirements'));
      break;
    case 'CONCLUDE_REVIEW':
      need(p.conclusion === 'exploratory_risk_disclosed' && p.legalRisks === undefined, 'legalRisks', '必填：探索性改革事项（exploratory_risk_disclosed）须明示法律风险');
      break;
    case 'RECORD_DISCUSSION':
      need(p.headDecision === 'approve' && p.implementingUnitId === undefined, 'implementingUnitId', '必填：决定通过（approve）的，须明确决策执行单位');
      break;
    case 'PUBLISH':
      need(p.disclosure === 'public' && p.channels === undefined, 'channels', '必填：公开（public）发布的，须至少列出一个公布途径');
      need(p.disclosure === 'not_disclosed' && p.nonDisclosureBasis === undefined, 'nonDisclosureBasis', '必填：依法不予公开（not_disclosed）的，须写明依据');
      break;
    default:
      break;
  }
  return errors;
}
