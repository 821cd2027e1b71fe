/**
 * R5: every reachable state × every event type, generated from the statechart with xstate/graph.
 * The expectations are the procedure's stage table (README, "The procedure"), written out here independently of rules.ts: which
 * events each stage takes, and the few conditions on the procedure's progress that the table states.
 */
import { getShortestPaths } from 'xstate/graph';
import { LEGAL_BASIS } from '../../legal-basis';
import type { ProcedureContext } from './context';
import { EVENT_TYPES, type EventType } from './events';
import { REQUIREMENT_SETS } from './samples';
import { sampleEnv } from './walk';
import { MAJOR_DECISION_VERSIONS, type MajorDecisionVersion } from '../versions';

const STAGE_TAKES: Record<string, EventType[]> = {
  proposed: ['CATALOG_PUBLISHED', 'AMEND_REQUIREMENTS', 'WITHDRAW'],
  cataloged: ['START_DRAFTING', 'AMEND_REQUIREMENTS', 'WITHDRAW'],
  drafting: [
    'RECORD_DRAFT',
    'OPEN_PUBLIC_COMMENT',
    'CLOSE_PUBLIC_COMMENT',
    'RECORD_PUBLIC_PARTICIPATION',
    'RECORD_HEARING',
    'RECORD_EXPERT_ARGUMENTATION',
    'RECORD_RISK_ASSESSMENT',
    'SUBMIT_LEGALITY_REVIEW',
    'AMEND_REQUIREMENTS',
    'WITHDRAW',
  ],
  'legality_review.submitted': ['ACCEPT_REVIEW', 'RETURN_MATERIALS', 'WITHDRAW'],
  'legality_review.in_review': ['ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RETURN_MATERIALS', 'WITHDRAW'],
  revising: ['RECORD_REVISIONS', 'WITHDRAW'],
  awaiting_discussion: ['RECORD_DISCUSSION', 'WITHDRAW'],
  decided: ['REPORT_TO_PARTY_COMMITTEE', 'PUBLISH'],
  reported: ['PUBLISH'],
  'implementation.in_force': ['RECORD_IMPLEMENTATION_REPORT', 'RECORD_EVALUATION', 'SUSPEND', 'START_ADJUSTMENT', 'TERMINATE'],
  'implementation.suspended': ['RECORD_IMPLEMENTATION_REPORT', 'RECORD_EVALUATION', 'RESUME', 'START_ADJUSTMENT', 'TERMINATE'],
  'implementation.terminated': [],
  'archive.pending': ['ARCHIVE'],
  'archive.archived': [],
  'rejected.pending': ['ARCHIVE'],
  'rejected.archived': [],
  'withdrawn.pending': ['ARCHIVE'],
  'withdrawn.archived': [],
};

/** The state's leaves as table keys: 'drafting', 'legality_review.in_review', 'archive.pending'… */
function keys(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const [top, inner] = Object.entries(value as Record<string, unknown>)[0];
  if (top === 'published') return Object.entries(inner as Record<string, string>).map(([region, leaf]) => `${region}.${leaf}`);
  return [`${top}.${inner as string}`];
}

const patch = <E extends { payload: Record<string, unknown> }>(e: E, p: Record<string, unknown>): E => ({ ...e, payload: { ...e.payload, ...p } });

const settledIn = (def: MajorDecisionVersion['def']) => (ctx: ProcedureContext) => def.progress({ value: 'drafting', context: ctx }).filter((p) => ['done', 'not_required', 'waived_with_reason'].includes(p.status)).map((p) => p.step);

/** What the procedure says of this event here, beyond the stage table (version 2: README, "What version 2 changes"). */
function expectedAccepted(v: MajorDecisionVersion, ctx: ProcedureContext, type: EventType, stageKeys: string[]): boolean {
  // Version 2: a published decision's archive takes what was recorded after it (SC713-33).
  if (v.version >= 2 && type === 'ARCHIVE' && stageKeys.includes('archive.archived')) return (ctx.unarchived?.length ?? 0) > 0;
  if (!stageKeys.some((k) => STAGE_TAKES[k].includes(type))) return false;
  const s = settledIn(v.def)(ctx);
  switch (type) {
    case 'SUBMIT_LEGALITY_REVIEW': {
      const pre = ['draft', 'publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment'].every((x) => s.includes(x as never));
      const latestDraft = ctx.drafts[ctx.drafts.length - 1]?.draftVersion;
      // Version 2: not while an announced comment period is open (SC713-15, 18).
      const commentClosed = v.version < 2 || ctx.comment === undefined;
      return pre && commentClosed && latestDraft !== undefined && !ctx.staleDraftVersions.includes(latestDraft);
    }
    case 'OPEN_PUBLIC_COMMENT':
      return ctx.comment === undefined;
    case 'CLOSE_PUBLIC_COMMENT':
      return ctx.comment !== undefined;
    case 'CONCLUDE_REVIEW':
      return ctx.review.opinions.some((o) => o.authorKind === 'legal_adviser' || o.authorKind === 'public_lawyer');
    case 'PUBLISH':
      return stageKeys.includes('reported') || ctx.requirements.partyCommitteeReport?.required === false;
    case 'AMEND_REQUIREMENTS':
      return ctx.review.round === 0;
    case 'SUSPEND':
      // Version 2: on a reported problem of the implementation (SC713-37, 35).
      return v.version < 2 || ctx.problemReportedOn !== undefined;
    case 'TERMINATE':
      // Version 2: directly only once the decision's stated term has run; otherwise through an adjustment (SC713-37).
      return v.version < 2 || ctx.validUntil !== undefined;
    default:
      return true;
  }
}


const PROCEDURE_CODES = new Set([
  'EVENT_NOT_ALLOWED_IN_STAGE', 'CATALOG_NOT_PUBLISHED', 'DRAFTING_NOT_STARTED', 'DRAFT_MISSING', 'DRAFT_NOT_REVISED', 'PUBLIC_PARTICIPATION_INCOMPLETE',
  'HEARING_INCOMPLETE', 'EXPERT_ARGUMENTATION_INCOMPLETE', 'RISK_ASSESSMENT_INCOMPLETE', 'RISK_UNCONTROLLABLE', 'LEGALITY_REVIEW_REQUIRED',
  'OPINION_ADOPTION_INCOMPLETE', 'DECISION_REQUIRED', 'PARTY_REPORT_REQUIRED', 'PUBLICATION_REQUIRED', 'LEGAL_OPINION_REQUIRED', 'REQUIREMENTS_LOCKED',
  // version 2
  'PUBLIC_COMMENT_NOT_CLOSED', 'PARTY_REPORT_EXEMPTION_UNCITED', 'SUSPENSION_WITHOUT_PROBLEM_REPORT', 'NOTHING_TO_ARCHIVE', 'TERMINATION_WITHOUT_PROCEDURE',
]);

const CASES = MAJOR_DECISION_VERSIONS.flatMap((v) => Object.entries(REQUIREMENT_SETS).map(([name, requirements]) => [`version ${v.version}, ${name}`, v, requirements] as const));

describe.each(CASES)('every reachable state × every event (%s)', (_name, v, requirements) => {
  const { def, machine, sampleEvent, sampleEvents } = v;
  const settled = settledIn(def);
  const paths = getShortestPaths(machine, {
    input: { requirements },
    events: (snap) => [
      ...sampleEvents(snap.context),
      // The branches of the events whose outcome depends on their payload.
      ...(['lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'] as const).map((conclusion) =>
        patch(sampleEvent('CONCLUDE_REVIEW', snap.context), { conclusion, legalRisks: ['试点风险'] }),
      ),
      patch(sampleEvent('RECORD_DISCUSSION', snap.context), { headDecision: 'reject', headReason: '财力不足' }),
      patch(sampleEvent('RECORD_DISCUSSION', snap.context), { headDecision: 'return', headReason: '需进一步论证' }),
      // Version 2: the party committee returns the draft (SC713-31).
      ...(v.version >= 2
        ? [
            patch(sampleEvent('REPORT_TO_PARTY_COMMITTEE', snap.context), { committeeReply: 'returned', replyOpinions: ['补充论证'] }),
            // Version 2: a decision with a stated term, and an adjustment that stops the decision (SC713-37).
            patch(sampleEvent('PUBLISH', snap.context), { validUntil: sampleEvent('PUBLISH', snap.context).payload.publishedOn }),
            patch(sampleEvent('START_ADJUSTMENT', snap.context), { purpose: 'terminate' }),
          ]
        : []),
    ],
    // States differ by stage and by what is settled, not by dates or counters.
    serializeState: (snap) =>
      JSON.stringify([
        snap.value,
        settled(snap.context),
        snap.context.comment !== undefined,
        snap.context.review.opinions.length > 0,
        snap.context.review.round > 0,
        snap.context.staleDraftVersions.includes(snap.context.drafts[snap.context.drafts.length - 1]?.draftVersion ?? ''),
        snap.context.problemReportedOn !== undefined,
        (snap.context.unarchived?.length ?? 0) > 0,
        snap.context.validUntil !== undefined,
        snap.context.adjustmentPurpose ?? null,
      ]) as never,
  });
  const reached = new Set(paths.flatMap((p) => keys(p.state.value)));

  it('reaches every state of the statechart', () => {
    expect([...reached].sort()).toEqual(Object.keys(STAGE_TAKES).sort());
    expect(paths.length).toBeGreaterThan(40);
  });

  it.each(EVENT_TYPES)('%s is accepted exactly where the procedure allows it, and refused with a cited code elsewhere', (type) => {
    let accepted = 0;
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      const ev = sampleEvent(type, state.context);
      const d = def.decide(state, { type, payload: ev.payload, seq: 99 }, sampleEnv);
      const expected = expectedAccepted(v, state.context, type, keys(state.value));
      const where = `${type} in ${JSON.stringify(state.value)}`;
      expect({ where, accepted: d.accepted }).toEqual({ where, accepted: expected });
      if (d.accepted) {
        accepted += 1;
        continue;
      }
      expect(PROCEDURE_CODES).toContain(d.refusal.code);
      expect(d.refusal.legalBasis.length).toBeGreaterThan(0);
      for (const id of d.refusal.legalBasis) expect(LEGAL_BASIS[id]).toBeDefined();
      for (const m of d.refusal.missing) for (const id of m.legalBasis) expect(LEGAL_BASIS[id]).toBeDefined();
      // Refusals of a step out of order, not of a step missing (version 2: an open comment period, SC713-15).
      if (!['EVENT_NOT_ALLOWED_IN_STAGE', 'REQUIREMENTS_LOCKED', 'LEGAL_OPINION_REQUIRED', 'PUBLIC_COMMENT_NOT_CLOSED', 'SUSPENSION_WITHOUT_PROBLEM_REPORT', 'NOTHING_TO_ARCHIVE', 'TERMINATION_WITHOUT_PROCEDURE'].includes(d.refusal.code)) {
        expect(d.refusal.missing.length + (d.refusal.code === 'DRAFT_NOT_REVISED' ? 1 : 0)).toBeGreaterThan(0);
      }
    }
    // Every event type is accepted somewhere on the graph (system events included).
    expect(accepted).toBeGreaterThan(0);
  });
});
