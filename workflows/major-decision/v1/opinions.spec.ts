import { payloadErrors } from './events';
import { majorDecisionV1Definition as def } from './index';
import { opinionIdOf, parseOpinionId } from './opinions';
import { ALL_REQUIRED } from './samples';
import { TO_REVIEW, Walk } from './walk';

const DECISION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A walk in `revising`: reviewed with two opinions, concluded lawful with revisions. */
function revising(): { w: Walk; seqs: number[] } {
  const w = new Walk({ requirements: ALL_REQUIRED }).through(...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'ADD_LEGAL_OPINION');
  w.send('CONCLUDE_REVIEW', { conclusion: 'lawful_with_revisions' });
  return { w, seqs: w.state.context.review.opinions.map((o) => o.seq) };
}

const revisions = (opinionAdoption: unknown[]) => ({ type: 'RECORD_REVISIONS', payload: { revisedOn: '2026-03-01', draftVersion: 'r1-v1-rev', opinionAdoption }, seq: 99 });

describe('legal opinions answered by id (RECORD_REVISIONS)', () => {
  it('an opinion id is the decision and the record seq, and reads back', () => {
    expect(opinionIdOf(DECISION, 12)).toBe(`${DECISION}:12`);
    expect(parseOpinionId(`${DECISION}:12`)).toEqual({ decisionId: DECISION, seq: 12 });
    expect(parseOpinionId(`${DECISION.toUpperCase()}:12`)).toEqual({ decisionId: DECISION, seq: 12 });
    for (const bad of ['12', `${DECISION}:0`, `${DECISION}:`, `${DECISION}:1.5`, `x${DECISION}:3`, `${DECISION}:3 `]) expect(parseOpinionId(bad)).toBeUndefined();
  });

  it('takes each entry by opinionId or by opinionSeq, one of the two; an id of the wrong form is a form error', () => {
    const ok = { adopted: true, note: '采纳' };
    expect(payloadErrors('RECORD_REVISIONS', revisions([{ opinionId: `${DECISION}:5`, ...ok }, { opinionSeq: 6, ...ok }]).payload)).toEqual([]);
    expect(payloadErrors('RECORD_REVISIONS', revisions([ok]).payload).map((e) => e.field)).toEqual(['payload.opinionAdoption[0].opinionId']);
    expect(payloadErrors('RECORD_REVISIONS', revisions([{ opinionId: `${DECISION}:5`, opinionSeq: 5, ...ok }]).payload).map((e) => e.field)).toEqual(['payload.opinionAdoption[0].opinionSeq']);
    expect(payloadErrors('RECORD_REVISIONS', revisions([ok, { opinionId: 'seq-5', ...ok }]).payload).map((e) => e.field)).toEqual([
      'payload.opinionAdoption[0].opinionId',
      'payload.opinionAdoption[1].opinionId',
    ]);
  });

  it('finds no reference problem when every id names an opinion of the round, and names each one that does not', () => {
    const { w, seqs } = revising();
    const answer = (ids: string[]) => revisions(ids.map((opinionId) => ({ opinionId, adopted: true, note: '采纳' })));
    expect(def.referenceProblem?.(w.state, answer(seqs.map((s) => opinionIdOf(DECISION, s))), DECISION)).toBeNull();
    const problem = def.referenceProblem?.(w.state, answer([opinionIdOf(DECISION, seqs[0]), opinionIdOf(OTHER, seqs[1]), opinionIdOf(DECISION, seqs[1] + 1)]), DECISION);
    expect(problem?.code).toBe('OPINION_NOT_FOUND');
    expect(problem?.errors.map((e) => e.field)).toEqual(['payload.opinionAdoption[1].opinionId', 'payload.opinionAdoption[2].opinionId']);
    // The old form is the procedure rule's, as before.
    expect(def.referenceProblem?.(w.state, revisions([{ opinionSeq: 999, adopted: true, note: '采纳' }]), DECISION)).toBeNull();
  });

  it('accepts a revision answering every opinion by id, and refuses one that leaves an opinion unanswered', () => {
    const { w, seqs } = revising();
    const by = (s: number) => ({ opinionId: opinionIdOf(DECISION, s), adopted: true, note: '采纳' });
    const partial = w.send('RECORD_REVISIONS', { opinionAdoption: [by(seqs[0])] });
    expect(partial.accepted ? '' : partial.refusal.code).toBe('OPINION_ADOPTION_INCOMPLETE');
    expect(w.send('RECORD_REVISIONS', { opinionAdoption: seqs.map(by) }).accepted).toBe(true);
    expect(w.stage).toBe('awaiting_discussion');
  });
});
