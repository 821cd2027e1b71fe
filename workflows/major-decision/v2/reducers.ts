/** How each accepted event of version 2 changes the state: version 1's reducers, and the party committee's reply (SC713-31). */
import type { ProcedureContext, ProcedureEvent } from '../v1/context';
import { latest } from '../../dates';
import { backToDrafting, reduce as v1Reduce } from '../v1/reducers';

const flag = (ctx: ProcedureContext, f: string): string[] => (ctx.flags.includes(f) ? ctx.flags : [...ctx.flags, f]);

/** Events whose records, made after the archive, the archive must take in turn (SC713-33). */
export const LATER_MATERIAL: ReadonlySet<string> = new Set(['RECORD_IMPLEMENTATION_REPORT', 'SUSPEND', 'RESUME', 'RECORD_EVALUATION', 'TERMINATE']);

export function reduce(ctx: ProcedureContext, e: ProcedureEvent): ProcedureContext {
  return archiveLedger(ctx, e, duties(ctx, e, reduceEvent(ctx, e)));
}

/** What version 2 keeps of the duties version 1 has no step for: adjustments and their purpose, the term, the people's congress, consultations. */
function duties(ctx: ProcedureContext, e: ProcedureEvent, next: ProcedureContext): ProcedureContext {
  const p = e.payload;
  switch (e.type) {
    case 'START_ADJUSTMENT':
      return { ...next, adjustmentPurpose: (p.purpose as 'amend' | 'terminate' | undefined) ?? 'amend', peopleCongressMatter: undefined };
    case 'PUBLISH':
      // SC713-37: the published decision to stop ends the implementation of the one in force.
      if (ctx.adjustmentPurpose === 'terminate') {
        return { ...next, implementation: { status: 'terminated', since: p.publishedOn as string }, validUntil: undefined, flags: flag(next, 'TERMINATED_BY_ADJUSTMENT') };
      }
      return { ...next, adjustmentPurpose: undefined, validUntil: p.validUntil as string | undefined };
    case 'RECORD_DISCUSSION':
      return p.headDecision === 'approve' ? { ...next, peopleCongressMatter: p.peopleCongressMatter as string } : next;
    case 'RECORD_DRAFT':
      return ((p.consultations as Array<{ agreed: boolean }> | undefined) ?? []).some((c) => !c.agreed) ? { ...next, flags: flag(next, 'CONSULTATION_DISPUTED') } : next;
    default:
      return next;
  }
}

/** SC713-33: material recorded after the archive is owed to it (flagged) until the archive is supplemented. */
function archiveLedger(before: ProcedureContext, e: ProcedureEvent, next: ProcedureContext): ProcedureContext {
  if (e.type === 'ARCHIVE') return { ...next, unarchived: [], flags: next.flags.filter((f) => f !== 'ARCHIVE_SUPPLEMENT_DUE') };
  if (before.done.archive === undefined || !LATER_MATERIAL.has(e.type)) return next;
  return { ...next, unarchived: [...(before.unarchived ?? []), `${e.type} ${e.seq}`], flags: flag(next, 'ARCHIVE_SUPPLEMENT_DUE') };
}

function reduceEvent(ctx: ProcedureContext, e: ProcedureEvent): ProcedureContext {
  const next = v1Reduce(ctx, e);
  const p = e.payload;
  if (e.type === 'REPORT_TO_PARTY_COMMITTEE' && p.committeeReply === 'returned') {
    // Returned with opinions: the draft is revised, reviewed and discussed again before it can be published.
    return {
      ...backToDrafting(ctx, p.repliedOn as string, ctx.review.draftVersion),
      lastDate: next.lastDate,
      flags: flag(ctx, 'PARTY_COMMITTEE_RETURNED'),
    };
  }
  if (e.type === 'PUBLISH' && ctx.requirements.partyCommitteeReport?.required === false) {
    return { ...next, flags: flag(next, 'PARTY_REPORT_EXEMPTED') };
  }
  // SC713-24: the assessment is done whatever it found; the organ decides on the risk at the discussion.
  if (e.type === 'RECORD_RISK_ASSESSMENT') return { ...next, done: { ...next.done, riskAssessment: p.assessedOn as string } };
  if (e.type === 'RECORD_DISCUSSION' && p.headDecision === 'approve' && ctx.risk && !ctx.risk.controllable) {
    return { ...next, flags: flag(next, 'RISK_FOUND_CONTROLLABLE_BY_ORGAN') };
  }
  // FCR-14: the market regulator's finding on the draft governs (FCR-18).
  if (e.type === 'RECORD_DRAFT' && p.fairCompetitionFindings !== undefined) {
    return { ...next, fairCompetitionFinding: (p.fairCompetitionFindings as { regulatorFinding: string }).regulatorFinding };
  }
  if (e.type === 'START_ADJUSTMENT') return { ...next, problemReportedOn: undefined, fairCompetitionFinding: undefined };
  // SC713-35: a report of problems in the implementation, which an urgent suspension rests on (SC713-37).
  if (e.type === 'RECORD_IMPLEMENTATION_REPORT' && (p.problems as string[] | undefined)?.length) return { ...next, problemReportedOn: p.reportedOn as string };
  // SC713-14(2): a hearing is one of the ways of hearing the public.
  if (e.type === 'RECORD_HEARING') return { ...next, done: { ...next.done, publicParticipation: latest(next.done.publicParticipation, p.heldOn as string) } };
  return next;
}
