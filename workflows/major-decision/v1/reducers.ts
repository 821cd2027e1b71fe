/** How each accepted event changes the procedure state. Pure: (context, event) → context. */
import type { Conclusion, ProcedureContext, ProcedureEvent, Requirements } from './context';
import type { EventType } from './events';
import { headOverridesMajority } from './rules';
import { latest } from '../../dates';

type P = Record<string, unknown>;
type Reducer = (ctx: ProcedureContext, p: P, e: ProcedureEvent) => ProcedureContext;

const flag = (ctx: ProcedureContext, f: string): string[] => (ctx.flags.includes(f) ? ctx.flags : [...ctx.flags, f]);

/** A new review round after a return, an `unlawful` conclusion or the meeting's `return`. */
export function backToDrafting(ctx: ProcedureContext, on: string, staleDraft?: string): ProcedureContext {
  const { legalityReview: _l, revisions: _r, collectiveDiscussion: _c, ...done } = ctx.done;
  return {
    ...ctx,
    done,
    review: { round: ctx.review.round, status: 'returned', opinions: [], endedOn: on },
    staleDraftVersions: staleDraft ? [...ctx.staleDraftVersions, staleDraft] : ctx.staleDraftVersions,
    revisionsRequired: false,
    discussion: undefined,
  };
}

const REDUCERS: Record<EventType, Reducer> = {
  CATALOG_PUBLISHED: (ctx, p) => ({ ...ctx, done: { ...ctx.done, catalog: p.publishedOn as string } }),
  AMEND_REQUIREMENTS: (ctx, p) => ({ ...ctx, requirements: p.requirements as Requirements }),
  START_DRAFTING: (ctx, p) => ({ ...ctx, done: { ...ctx.done, start: p.startedOn as string } }),
  RECORD_DRAFT: (ctx, p) => ({
    ...ctx,
    drafts: [...ctx.drafts, { draftVersion: p.draftVersion as string, draftedOn: p.draftedOn as string }],
    done: { ...ctx.done, draft: ctx.done.draft ?? (p.draftedOn as string) },
  }),
  OPEN_PUBLIC_COMMENT: (ctx, p) => ({
    ...ctx,
    comment: { startOn: p.startOn as string, endOn: p.endOn as string, shortened: p.shortenedReason !== undefined },
    flags: p.shortenedReason !== undefined ? flag(ctx, 'COMMENT_PERIOD_SHORTENED') : ctx.flags,
  }),
  CLOSE_PUBLIC_COMMENT: (ctx, p) => ({
    ...ctx,
    comment: undefined,
    done: { ...ctx.done, publicParticipation: latest(ctx.done.publicParticipation, p.closedOn as string) },
  }),
  RECORD_PUBLIC_PARTICIPATION: (ctx, p) => ({
    ...ctx,
    done: { ...ctx.done, publicParticipation: latest(ctx.done.publicParticipation, p.heldOn as string) },
  }),
  RECORD_HEARING: (ctx, p) => ({ ...ctx, done: { ...ctx.done, hearing: latest(ctx.done.hearing, p.heldOn as string) } }),
  RECORD_EXPERT_ARGUMENTATION: (ctx, p) => ({
    ...ctx,
    done: { ...ctx.done, expertArgumentation: latest(ctx.done.expertArgumentation, p.heldOn as string) },
    preDecisionParticipants: [
      ...ctx.preDecisionParticipants,
      ...(p.experts as Array<{ name: string; affiliation: string }>).flatMap((x) => [x.name, x.affiliation]),
    ],
  }),
  RECORD_RISK_ASSESSMENT: (ctx, p) => {
    // The latest assessment governs: an uncontrollable finding reopens the step (SC713-24).
    const controllable = p.controllable === true;
    const { riskAssessment: _r, ...rest } = ctx.done;
    return {
      ...ctx,
      risk: { assessedOn: p.assessedOn as string, controllable },
      done: controllable ? { ...rest, riskAssessment: p.assessedOn as string } : rest,
    };
  },
  SUBMIT_LEGALITY_REVIEW: (ctx, p) => ({
    ...ctx,
    review: {
      round: ctx.review.round + 1,
      status: 'submitted',
      submittedOn: p.submittedOn as string,
      requestedDueOn: p.requestedDueOn as string,
      draftVersion: (p.materials as { draftVersion: string }).draftVersion,
      opinions: [],
    },
    flags: p.shortenedReason !== undefined ? flag(ctx, 'REVIEW_TIME_SHORTENED') : ctx.flags,
  }),
  RETURN_MATERIALS: (ctx, p) => backToDrafting(ctx, p.returnedOn as string),
  ACCEPT_REVIEW: (ctx, p) => ({ ...ctx, review: { ...ctx.review, status: 'in_review', acceptedOn: p.acceptedOn as string } }),
  ADD_LEGAL_OPINION: (ctx, p, e) => ({
    ...ctx,
    review: { ...ctx.review, opinions: [...ctx.review.opinions, { seq: e.seq, givenOn: p.givenOn as string, authorKind: p.authorKind as string }] },
  }),
  CONCLUDE_REVIEW: (ctx, p) => {
    const conclusion = p.conclusion as Conclusion;
    const on = p.concludedOn as string;
    if (conclusion === 'unlawful') return backToDrafting(ctx, on, ctx.review.draftVersion);
    return {
      ...ctx,
      review: { ...ctx.review, status: 'concluded', conclusion },
      done: { ...ctx.done, legalityReview: on },
      revisionsRequired: conclusion === 'lawful_with_revisions',
      flags: conclusion === 'exploratory_risk_disclosed' ? flag(ctx, 'EXPLORATORY_RISK_DISCLOSED') : ctx.flags,
    };
  },
  RECORD_REVISIONS: (ctx, p) => ({
    ...ctx,
    drafts: [...ctx.drafts, { draftVersion: p.draftVersion as string, draftedOn: p.revisedOn as string }],
    done: { ...ctx.done, revisions: p.revisedOn as string },
  }),
  RECORD_DISCUSSION: (ctx, p) => {
    const flags = headOverridesMajority(p) ? flag(ctx, 'HEAD_OVERRODE_MAJORITY') : ctx.flags;
    const meetingOn = p.meetingOn as string;
    const discussion = {
      meetingOn,
      headDecision: p.headDecision as string,
      meetingRef: p.meetingRef as string,
      implementingUnitId: p.implementingUnitId as string | undefined,
    };
    if (p.headDecision === 'return') return { ...backToDrafting(ctx, meetingOn, ctx.review.draftVersion), flags };
    if (p.headDecision === 'reject') return { ...ctx, flags, discussion, endedOn: { rejected: meetingOn } };
    return { ...ctx, flags, discussion, done: { ...ctx.done, collectiveDiscussion: meetingOn } };
  },
  REPORT_TO_PARTY_COMMITTEE: (ctx, p) => ({ ...ctx, done: { ...ctx.done, partyCommitteeReport: p.reportedOn as string } }),
  PUBLISH: (ctx, p) => ({
    ...ctx,
    done: { ...ctx.done, publication: p.publishedOn as string },
    inForce: undefined,
    implementation: { status: 'in_force', since: p.publishedOn as string },
    flags: p.disclosure === 'not_disclosed' ? flag(ctx, 'NOT_DISCLOSED') : ctx.flags,
  }),
  RECORD_IMPLEMENTATION_REPORT: (ctx) => ctx,
  SUSPEND: (ctx, p) => ({ ...ctx, implementation: { status: 'suspended', since: p.on as string } }),
  RESUME: (ctx, p) => ({ ...ctx, implementation: { status: 'in_force', since: p.on as string } }),
  RECORD_EVALUATION: (ctx) => ctx,
  START_ADJUSTMENT: (ctx, p) => ({
    // Revision n+1 starts over after `start`; revision n stays in force until n+1 is published.
    ...ctx,
    revision: ctx.revision + 1,
    requirements: (p.requirements as Requirements | undefined) ?? ctx.requirements,
    done: { catalog: ctx.done.catalog, start: p.startedOn as string },
    drafts: [],
    comment: undefined,
    risk: undefined,
    review: { round: 0, status: 'none', opinions: [] },
    staleDraftVersions: [],
    revisionsRequired: false,
    discussion: undefined,
    inForce: { revision: ctx.revision, status: ctx.implementation?.status === 'suspended' ? 'suspended' : 'in_force' },
    implementation: undefined,
  }),
  TERMINATE: (ctx, p) => ({ ...ctx, implementation: { status: 'terminated', since: p.terminatedOn as string } }),
  ARCHIVE: (ctx, p) => ({ ...ctx, done: { ...ctx.done, archive: p.archivedOn as string } }),
  WITHDRAW: (ctx, p) => ({
    ...ctx,
    endedOn: { withdrawn: p.withdrawnOn as string },
    withdrawnBeforeStart: ctx.done.start === undefined,
  }),
};

export function reduce(ctx: ProcedureContext, e: ProcedureEvent): ProcedureContext {
  const next = REDUCERS[e.type](ctx, e.payload, e);
  let lastDate = next.lastDate;
  for (const [k, v] of Object.entries(e.payload)) if (k.endsWith('On') && typeof v === 'string' && k !== 'endOn' && k !== 'requestedDueOn') lastDate = latest(lastDate, v);
  return lastDate === next.lastDate ? next : { ...next, lastDate };
}
