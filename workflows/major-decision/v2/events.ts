/**
 * What each event of version 2 carries: version 1's payloads (`../v1/events.ts`) with
 * - the party committee's reply on REPORT_TO_PARTY_COMMITTEE (SC713-31), and an exemption from the
 *   report only with the rule that grants it;
 * - the organ's own finding on the risk on RECORD_DISCUSSION where the assessment found it
 *   uncontrollable (SC713-24);
 * - signed and sealed expert opinions only where written opinions were given (SC713-19);
 * - 民意调查 among the ways of hearing the public (SC713-14);
 * - problems reported in the implementation (SC713-35), and an urgent suspension by the head's
 *   decision stating the urgency (SC713-37), and the public's opinions on it (SC713-35(2));
 * - the units consulted on the draft and, where they did not agree, the dispute put to the organ (SC713-13);
 * - the organ's own meeting (SC713-30, 42), the head speaking last and dissent in the minutes (SC713-30),
 *   and whether the people's congress decides or hears the matter (SC713-8), with its record at publication;
 * - an adjustment's purpose, stopping the decision among them (SC713-37), and the term a decision is valid for;
 * - the organ's decision that takes an item off its catalog (SC713-3).
 */
import { bool, date, list, listOrNone, obj, oneOfLabelled, optional, text, validateShape, type FieldError, type Shape } from '../../schema';
import { EVENT_PAYLOADS as V1_PAYLOADS, payloadErrors as v1PayloadErrors, type EventType } from '../v1/events';
import {
  ADJUSTMENT_PURPOSE_LABELS,
  FAIR_COMPETITION_FINDING_LABELS,
  MEETING_TYPE_LABELS,
  PARTICIPATION_METHOD_LABELS,
  PARTY_REPLY_LABELS,
  PEOPLES_CONGRESS_MATTER_LABELS,
} from './labels';

export const EVENT_PAYLOADS = {
  ...V1_PAYLOADS,
  RECORD_PUBLIC_PARTICIPATION: { ...V1_PAYLOADS.RECORD_PUBLIC_PARTICIPATION, method: oneOfLabelled(PARTICIPATION_METHOD_LABELS) },
  RECORD_EXPERT_ARGUMENTATION: { ...V1_PAYLOADS.RECORD_EXPERT_ARGUMENTATION, writtenOpinions: optional(bool()), opinionsSignedAndSealed: optional(bool()) },
  RECORD_DRAFT: {
    ...V1_PAYLOADS.RECORD_DRAFT,
    // 《公平竞争审查条例》第十四条: the drafting unit's first review, then the market regulator's.
    fairCompetitionFindings: optional(
      obj({
        initialFinding: oneOfLabelled(FAIR_COMPETITION_FINDING_LABELS),
        regulatorReviewedOn: date(),
        regulatorRef: text(),
        regulatorFinding: oneOfLabelled(FAIR_COMPETITION_FINDING_LABELS),
        exceptionExplanation: optional(text()),
      }),
    ),
    // SC713-13: every unit whose duties the matter touches, consulted; an empty list: none is concerned.
    consultations: listOrNone(
      obj({
        unit: text(),
        agreed: bool(),
        disputedIssues: optional(text()),
        unitOpinion: optional(text()),
        undertakingOpinion: optional(text()),
      }),
    ),
  },
  RECORD_IMPLEMENTATION_REPORT: {
    ...V1_PAYLOADS.RECORD_IMPLEMENTATION_REPORT,
    problems: optional(list(text())),
    publicOpinions: optional(list(obj({ receivedOn: date(), channel: text(), summary: text() }))),
  },
  SUSPEND: { ...V1_PAYLOADS.SUSPEND, urgency: text(), headDecisionRef: text() },
  RECORD_DISCUSSION: {
    ...V1_PAYLOADS.RECORD_DISCUSSION,
    meetingType: oneOfLabelled(MEETING_TYPE_LABELS),
    headSpokeLast: bool(),
    peopleCongressMatter: optional(oneOfLabelled(PEOPLES_CONGRESS_MATTER_LABELS)),
    riskFinding: optional(obj({ controllable: bool(), measures: list(text()) })),
  },
  PUBLISH: { ...V1_PAYLOADS.PUBLISH, validUntil: optional(date()), peopleCongress: optional(obj({ on: date(), reference: text() })) },
  START_ADJUSTMENT: { ...V1_PAYLOADS.START_ADJUSTMENT, purpose: optional(oneOfLabelled(ADJUSTMENT_PURPOSE_LABELS)) },
  TERMINATE: { terminatedOn: date(), reason: text() },
  WITHDRAW: { ...V1_PAYLOADS.WITHDRAW, organDecisionRef: text() },
  REPORT_TO_PARTY_COMMITTEE: {
    reportedOn: date(),
    reference: text(),
    committeeReply: oneOfLabelled(PARTY_REPLY_LABELS),
    repliedOn: date(),
    replyOpinions: optional(list(text())),
  },
} as const satisfies Record<EventType, Shape>;

/** The fewest letters or digits a statement of urgency must hold (SC713-37): a rule of this service, not of the decree. */
export const URGENCY_MIN_CHARACTERS = 4;

/** Events whose payload version 2 changed. */
const CHANGED = new Set<EventType>([
  'RECORD_DRAFT',
  'RECORD_IMPLEMENTATION_REPORT',
  'SUSPEND',
  'RECORD_PUBLIC_PARTICIPATION',
  'RECORD_EXPERT_ARGUMENTATION',
  'RECORD_DISCUSSION',
  'REPORT_TO_PARTY_COMMITTEE',
  'PUBLISH',
  'START_ADJUSTMENT',
  'TERMINATE',
  'WITHDRAW',
]);

/** Drops members of a payload (what version 1 does not know). */
const without = (p: Record<string, unknown>, ...keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k)));

/**
 * A valid version-2 payload as version 1's rules read it: the members version 2 added left out, and
 * what they settle put in version 1's terms (no written expert opinions: nothing to sign; a poll is
 * a way of hearing the public like the others).
 */
export function asV1Payload(type: EventType, p: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'RECORD_PUBLIC_PARTICIPATION':
      return p.method === 'opinion_poll' ? { ...p, method: 'questionnaire' } : p;
    case 'RECORD_EXPERT_ARGUMENTATION': {
      const { writtenOpinions, ...rest } = p;
      return writtenOpinions === false ? { ...rest, opinionsSignedAndSealed: true } : rest;
    }
    case 'RECORD_DISCUSSION':
      // A department's or a street's own meeting stands where version 1 knows only the government's (SC713-42).
      return { ...without(p, 'riskFinding', 'headSpokeLast', 'peopleCongressMatter'), meetingType: p.meetingType === 'plenary' ? 'plenary' : 'executive' };
    case 'RECORD_DRAFT': {
      // The structured findings are the review's record (FCR-14): version 1's free-text account is not asked besides.
      const draft = without(p, 'fairCompetitionFindings', 'consultations');
      return p.fairCompetitionFindings !== undefined && draft.fairCompetitionReview === undefined ? { ...draft, fairCompetitionReview: '见公平竞争审查记录（fairCompetitionFindings）' } : draft;
    }
    case 'RECORD_IMPLEMENTATION_REPORT':
      return without(p, 'problems', 'publicOpinions');
    case 'PUBLISH':
      return without(p, 'validUntil', 'peopleCongress');
    case 'START_ADJUSTMENT':
      return without(p, 'purpose');
    case 'WITHDRAW':
      return without(p, 'organDecisionRef');
    case 'TERMINATE':
      // Version 2 stops a decision on its own term, with no meeting of its own (rules.ts).
      return { ...p, meetingRef: '有效期届满' };
    case 'SUSPEND': {
      const { urgency: _u, headDecisionRef: _h, ...rest } = p;
      return rest;
    }
    case 'REPORT_TO_PARTY_COMMITTEE': {
      const { committeeReply: _c, repliedOn: _r, replyOpinions: _o, ...rest } = p;
      return rest;
    }
    default:
      return p;
  }
}

/** A party-committee report waived with no rule named: the requirement's `reason` must cite it (SC713-31). */
export function partyExemptionErrors(requirements: unknown, path: string): FieldError[] {
  const r = (requirements as { partyCommitteeReport?: { required: boolean; reason?: string } } | undefined)?.partyCommitteeReport;
  return r?.required === false && !r.reason ? [{ field: `${path}.partyCommitteeReport.reason`, message: '必填：免于向党委请示报告（required 为 false）的，须写明作出免除规定的依据' }] : [];
}

export function payloadErrors(type: EventType, payload: unknown): FieldError[] {
  if (!CHANGED.has(type)) {
    const errors = v1PayloadErrors(type, payload);
    if (errors.length || (type !== 'AMEND_REQUIREMENTS' && type !== 'START_ADJUSTMENT')) return errors;
    return partyExemptionErrors((payload as { requirements?: unknown }).requirements, 'payload.requirements');
  }
  const errors = validateShape(EVENT_PAYLOADS[type], payload, 'payload');
  if (errors.length) return errors;
  const p = payload as Record<string, unknown>;
  if (type === 'REPORT_TO_PARTY_COMMITTEE' && p.committeeReply === 'returned' && !(p.replyOpinions as unknown[] | undefined)?.length) {
    errors.push({ field: 'payload.replyOpinions', message: '必填：党委退回（returned）的，须列出党委提出的意见' });
  }
  const fcr = p.fairCompetitionFindings as { regulatorFinding: string; exceptionExplanation?: string } | undefined;
  if (type === 'RECORD_DRAFT' && fcr?.regulatorFinding === 'exception_applies' && !fcr.exceptionExplanation) {
    errors.push({ field: 'payload.fairCompetitionFindings.exceptionExplanation', message: '必填：审查结论适用《公平竞争审查条例》第十二条例外情形的，须在结论中详细说明' });
  }
  // SC713-37: the urgency stated in words, not a mark that stands for one.
  if (type === 'SUSPEND' && ((p.urgency as string).match(/[\p{L}\p{N}]/gu) ?? []).length < URGENCY_MIN_CHARACTERS) {
    errors.push({ field: 'payload.urgency', message: `须写明情况紧急的具体情形（至少${URGENCY_MIN_CHARACTERS}个文字）` });
  }
  // SC713-13: a dispute with a consulted unit is put to the organ with its main issues, both opinions and the reasons.
  if (type === 'RECORD_DRAFT') {
    (p.consultations as Array<Record<string, unknown>>).forEach((c, i) => {
      if (c.agreed !== false) return;
      for (const [k, what] of [
        ['disputedIssues', '争议的主要问题'],
        ['unitOpinion', '有关单位的意见'],
        ['undertakingOpinion', '决策承办单位的意见、理由和依据'],
      ] as const) {
        if (!c[k]) errors.push({ field: `payload.consultations[${i}].${k}`, message: `必填：协商未取得一致（agreed 为 false）的，须向决策机关说明${what}` });
      }
    });
  }
  if (type === 'RECORD_DISCUSSION') {
    // SC713-30(3): differing opinions are recorded as they were stated.
    (p.memberOpinions as Array<{ position: string; remarks?: string }>).forEach((m, i) => {
      if (m.position === 'disagree' && !m.remarks) errors.push({ field: `payload.memberOpinions[${i}].remarks`, message: '必填：会议组成人员的不同意见应当如实载明' });
    });
    if (p.headDecision === 'approve' && p.peopleCongressMatter === undefined) {
      errors.push({ field: 'payload.peopleCongressMatter', message: '必填：决定通过（approve）的，须写明是否属于人大及其常委会讨论决定或者出台前报告的事项（none、decide 或者 report）' });
    }
  }
  if (type === 'RECORD_EXPERT_ARGUMENTATION' && p.writtenOpinions !== false && p.opinionsSignedAndSealed === undefined) {
    errors.push({ field: 'payload.opinionsSignedAndSealed', message: '必填：提供了书面论证意见的（writtenOpinions 不为 false），须说明是否已署名、盖章' });
  }
  return errors.length ? errors : v1PayloadErrors(type, asV1Payload(type, p));
}
