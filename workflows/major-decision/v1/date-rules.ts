/**
 * The date rules of the procedure: a date that records something done may not lie after today, and
 * no date may precede the completion of the steps its event presupposes. Checked after the guards.
 */
import { latest } from '../../dates';
import { named } from '../../labels';
import type { FieldError } from '../../schema';
import type { ProcedureContext, ProcedureEvent } from './context';
import type { EventType } from './events';
import { EVENT_LABELS } from './labels';

/** Fields that plan ahead and may lie in the future; every other date records something done. */
export const PLANNING_DATES: ReadonlySet<string> = new Set(['startOn', 'endOn', 'requestedDueOn']);

/** The date each event's dates may not precede: the completion of the steps it presupposes. */
function notBefore(ctx: ProcedureContext, type: EventType, field: string): string | undefined {
  const d = ctx.done;
  switch (type) {
    case 'START_DRAFTING':
      return d.catalog;
    case 'RECORD_DRAFT':
    case 'OPEN_PUBLIC_COMMENT':
    case 'RECORD_PUBLIC_PARTICIPATION':
    case 'RECORD_HEARING':
    case 'RECORD_EXPERT_ARGUMENTATION':
    case 'RECORD_RISK_ASSESSMENT':
      return d.start;
    case 'CLOSE_PUBLIC_COMMENT':
      return latest(d.start, ctx.comment?.startOn);
    case 'SUBMIT_LEGALITY_REVIEW':
      if (field !== 'submittedOn') return undefined;
      return latest(d.start, ...ctx.drafts.map((x) => x.draftedOn), d.publicParticipation, d.hearing, d.expertArgumentation, d.riskAssessment, ctx.review.endedOn);
    case 'RETURN_MATERIALS':
    case 'ACCEPT_REVIEW':
    case 'CONCLUDE_REVIEW':
      return ctx.review.submittedOn;
    case 'ADD_LEGAL_OPINION':
      return latest(ctx.review.submittedOn, ctx.review.acceptedOn);
    case 'RECORD_REVISIONS':
      return d.legalityReview;
    case 'RECORD_DISCUSSION':
      return latest(d.legalityReview, d.revisions);
    case 'REPORT_TO_PARTY_COMMITTEE':
      return d.collectiveDiscussion;
    case 'PUBLISH':
      return latest(d.collectiveDiscussion, d.partyCommitteeReport);
    case 'RECORD_IMPLEMENTATION_REPORT':
    case 'SUSPEND':
    case 'RESUME':
    case 'RECORD_EVALUATION':
    case 'START_ADJUSTMENT':
    case 'TERMINATE':
      return latest(d.publication, ctx.implementation?.since);
    case 'ARCHIVE':
      return latest(d.publication, ctx.endedOn?.rejected, ctx.endedOn?.withdrawn);
    default:
      return undefined;
  }
}

/**
 * DATE_IN_FUTURE, then DATE_OUT_OF_ORDER (SC713-33), for the dates of an event's payload: each
 * names the field, the latest or earliest date that passes, and the event by its word.
 */
export function dateRule(ctx: ProcedureContext, e: ProcedureEvent): { code: string; detail: string; legalBasis: string[]; errors: FieldError[] } | null {
  const event = named(EVENT_LABELS[e.type], e.type);
  for (const [field, value] of Object.entries(e.payload)) {
    if (typeof value !== 'string' || !field.endsWith('On')) continue;
    if (!PLANNING_DATES.has(field) && value > e.facts.today) {
      return {
        code: 'DATE_IN_FUTURE',
        detail: `${event}的 ${field}（${value}）记录的是已经发生的事项，不得晚于今天（${e.facts.today}）：请在事项办结后再登记`,
        legalBasis: ['SC713-33'],
        errors: [{ field: `payload.${field}`, message: `不得晚于今天（${e.facts.today}）` }],
      };
    }
  }
  for (const [field, value] of Object.entries(e.payload)) {
    if (typeof value !== 'string' || !field.endsWith('On')) continue;
    const min = notBefore(ctx, e.type, field);
    if (min !== undefined && value < min) {
      return {
        code: 'DATE_OUT_OF_ORDER',
        detail: `${event}的 ${field}（${value}）早于其前置环节完成的日期（${min}）：各环节应当依次办理，该日期不得早于 ${min}`,
        legalBasis: ['SC713-33'],
        errors: [{ field: `payload.${field}`, message: `不得早于 ${min}（前置环节完成之日）` }],
      };
    }
  }
  return null;
}
