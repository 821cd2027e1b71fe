/**
 * What each event of version 2 carries: version 1's payloads (`../v1/events.ts`) with the party
 * committee's reply on REPORT_TO_PARTY_COMMITTEE (SC713-31) and an exemption from that report only
 * with the rule that grants it.
 */
import { date, list, oneOfLabelled, optional, text, validateShape, type FieldError, type Shape } from '../../schema';
import { EVENT_PAYLOADS as V1_PAYLOADS, payloadErrors as v1PayloadErrors, type EventType } from '../v1/events';
import { PARTY_REPLY_LABELS } from './labels';

export const EVENT_PAYLOADS = {
  ...V1_PAYLOADS,
  REPORT_TO_PARTY_COMMITTEE: {
    reportedOn: date(),
    reference: text(),
    committeeReply: oneOfLabelled(PARTY_REPLY_LABELS),
    repliedOn: date(),
    replyOpinions: optional(list(text())),
  },
} as const satisfies Record<EventType, Shape>;

/** A party-committee report waived with no rule named: the requirement's `reason` must cite it (SC713-31). */
export function partyExemptionErrors(requirements: unknown, path: string): FieldError[] {
  const r = (requirements as { partyCommitteeReport?: { required: boolean; reason?: string } } | undefined)?.partyCommitteeReport;
  return r?.required === false && !r.reason
    ? [
        {
          field: `${path}.partyCommitteeReport.reason`,
          message: '必填：免于向党委请示报告（required 为 false）的，须写明作出免除规定的依据',
        },
      ]
    : [];
}

export function payloadErrors(type: EventType, payload: unknown): FieldError[] {
  if (type !== 'REPORT_TO_PARTY_COMMITTEE') {
    const errors = v1PayloadErrors(type, payload);
    if (errors.length || (type !== 'AMEND_REQUIREMENTS' && type !== 'START_ADJUSTMENT')) return errors;
    return partyExemptionErrors((payload as { requirements?: unknown }).requirements, 'payload.requirements');
  }
  const errors = validateShape(EVENT_PAYLOADS.REPORT_TO_PARTY_COMMITTEE, payload, 'payload');
  if (errors.length) return errors;
  const p = payload as Record<string, unknown>;
  if (p.committeeReply === 'returned' && !(p.replyOpinions as unknown[] | undefined)?.length) {
    errors.push({
      field: 'payload.replyOpinions',
      message: '必填：党委退回（returned）的，须列出党委提出的意见',
    });
  }
  return errors;
}
