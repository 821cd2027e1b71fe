/**
 * `openEvents`: the events of the stage that some payload may still pass. Checked on every
 * reachable state of the statechart (xstate/graph), against what `decide` actually does: an event
 * left out is refused with the sample payload and with its payload-chosen branches, with the code
 * `refusedWhateverPayload` names; an event kept is accepted with the sample payload.
 */
import { getShortestPaths } from 'xstate/graph';
import type { ProcedureContext } from './context';
import { type EventType } from './events';
import { majorDecisionV1Definition as def } from './index';
import { ALL_REQUIRED, REQUIREMENT_SETS } from './samples';
import { sampleEnv, Walk } from './walk';
import { MAJOR_DECISION_VERSIONS, type MajorDecisionVersion } from '../versions';

const patch = <E extends { payload: Record<string, unknown> }>(e: E, p: Record<string, unknown>): E => ({ ...e, payload: { ...e.payload, ...p } });

/** The sample payload and its variants: other branches, a shortened period, another draft. */
function payloadsOf(sampleEvent: MajorDecisionVersion['sampleEvent'], type: EventType, ctx: ProcedureContext): Array<Record<string, unknown>> {
  const base = sampleEvent(type, ctx).payload;
  const variants: Array<Record<string, unknown>> = [base];
  if (type === 'CONCLUDE_REVIEW') for (const conclusion of ['lawful_with_revisions', 'unlawful']) variants.push({ ...base, conclusion });
  if (type === 'RECORD_DISCUSSION') variants.push({ ...base, headDecision: 'return', headReason: '需进一步论证' });
  if (type === 'OPEN_PUBLIC_COMMENT') variants.push({ ...base, shortenedReason: '情况紧急' });
  if (type === 'SUBMIT_LEGALITY_REVIEW') {
    for (const d of ctx.drafts) variants.push({ ...base, materials: { ...(base.materials as object), draftVersion: d.draftVersion }, shortenedReason: '急需' });
  }
  return variants;
}

const settledIn = (def: MajorDecisionVersion['def']) => (ctx: ProcedureContext) => def.progress({ value: 'drafting', context: ctx }).filter((p) => ['done', 'not_required', 'waived_with_reason'].includes(p.status)).map((p) => p.step);


const CASES = MAJOR_DECISION_VERSIONS.flatMap((v) => Object.entries(REQUIREMENT_SETS).map(([name, requirements]) => [`version ${v.version}, ${name}`, v, requirements] as const));

describe.each(CASES)('openEvents on every reachable state (%s)', (_name, v, requirements) => {
  const { def, machine, sampleEvent, sampleEvents, refusedWhateverPayload } = v;
  const settled = settledIn(def);
  const paths = getShortestPaths(machine, {
    input: { requirements },
    events: (snap) => [
      ...sampleEvents(snap.context),
      ...(['lawful_with_revisions', 'unlawful'] as const).map((conclusion) => patch(sampleEvent('CONCLUDE_REVIEW', snap.context), { conclusion })),
      patch(sampleEvent('RECORD_DISCUSSION', snap.context), { headDecision: 'return', headReason: '需进一步论证' }),
      patch(sampleEvent('RECORD_RISK_ASSESSMENT', snap.context), { controllable: false }),
    ],
    serializeState: (snap) =>
      JSON.stringify([
        snap.value,
        settled(snap.context),
        snap.context.comment !== undefined,
        snap.context.review.opinions.length > 0,
        snap.context.review.round > 0,
        snap.context.risk?.controllable,
        snap.context.drafts.every((d) => snap.context.staleDraftVersions.includes(d.draftVersion)),
        snap.context.problemReportedOn !== undefined,
        (snap.context.unarchived?.length ?? 0) > 0,
      ]) as never,
  });

  it('is a subset of the events the stage takes', () => {
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      const accepted = def.acceptedEvents(state);
      expect(def.openEvents(state).every((t) => accepted.includes(t))).toBe(true);
    }
  });

  it('leaves out exactly the events refused whatever the payload, and keeps the ones a valid payload passes', () => {
    let left = 0;
    let kept = 0;
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      const open = def.openEvents(state);
      for (const type of def.acceptedEvents(state) as EventType[]) {
        const where = `${type} in ${JSON.stringify(state.value)}`;
        const outcomes = payloadsOf(sampleEvent, type, state.context).map((payload) => def.decide(state, { type, payload, seq: 99 }, sampleEnv));
        if (open.includes(type)) {
          kept += 1;
          expect({ where, accepted: outcomes[0].accepted }).toEqual({ where, accepted: true });
        } else {
          left += 1;
          const code = refusedWhateverPayload(state.context, type)?.code;
          expect({ where, codes: outcomes.map((d) => (d.accepted ? 'accepted' : d.refusal.code)) }).toEqual({ where, codes: outcomes.map(() => code) });
        }
      }
    }
    expect(left).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });
});

describe('openEvents along the procedure', () => {
  it('drafting: nothing to close before a comment period opens, no submission before the pre-review steps', () => {
    const w = new Walk({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
    expect(def.acceptedEvents(w.state)).toEqual(expect.arrayContaining(['CLOSE_PUBLIC_COMMENT', 'SUBMIT_LEGALITY_REVIEW']));
    expect([...def.openEvents(w.state)].sort()).toEqual([
      'AMEND_REQUIREMENTS',
      'WITHDRAW',
      'RECORD_DRAFT',
      'OPEN_PUBLIC_COMMENT',
      'RECORD_PUBLIC_PARTICIPATION',
      'RECORD_HEARING',
      'RECORD_EXPERT_ARGUMENTATION',
      'RECORD_RISK_ASSESSMENT',
    ].sort());
    w.through('OPEN_PUBLIC_COMMENT');
    expect(def.openEvents(w.state)).toContain('CLOSE_PUBLIC_COMMENT');
    expect(def.openEvents(w.state)).not.toContain('OPEN_PUBLIC_COMMENT');
    w.through('CLOSE_PUBLIC_COMMENT', 'RECORD_DRAFT', 'RECORD_HEARING', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT');
    expect(def.openEvents(w.state)).toContain('SUBMIT_LEGALITY_REVIEW');
  });

  it('in review: no conclusion before a legal adviser’s opinion; decided: no publication before the party report', () => {
    const w = new Walk({ requirements: ALL_REQUIRED }).through(
      'CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_HEARING',
      'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW',
    );
    expect([...def.openEvents(w.state)].sort()).toEqual(['ADD_LEGAL_OPINION', 'RETURN_MATERIALS', 'WITHDRAW']);
    w.through('ADD_LEGAL_OPINION');
    expect(def.openEvents(w.state)).toContain('CONCLUDE_REVIEW');
    w.through('CONCLUDE_REVIEW', 'RECORD_DISCUSSION');
    expect(def.acceptedEvents(w.state)).toContain('PUBLISH');
    expect(def.openEvents(w.state)).toEqual(['REPORT_TO_PARTY_COMMITTEE']);
  });
});
