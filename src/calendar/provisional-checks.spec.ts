/**
 * The re-check recounts a check as the definition counted it: for each event type of
 * CALENDAR_CHECKS, its figures are the facts the definition records and `holds` is the definition's
 * own verdict, on the official calendar, at and around the boundary.
 */
import type { FactEnv } from '../../workflows/definition';
import { majorDecisionV1Definition as def } from '../../workflows/major-decision/v1';
import { ALL_REQUIRED, samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_REVIEW, Walk } from '../../workflows/major-decision/v1/walk';
import { BusinessCalendar } from './business-calendar';
import { CALENDAR_CHECKS } from './provisional-checks';

const calendar = BusinessCalendar.load();
const env = (): FactEnv => ({ today: '2026-11-28', calendar });
const check = CALENDAR_CHECKS.SUBMIT_LEGALITY_REVIEW;

describe('the review check (SC713-26) as the re-check counts it', () => {
  it.each([
    // National Day 2026: from Wed Sep 30 the 7th working day is Thu Oct 15.
    ['2026-09-30', '2026-10-14', undefined],
    ['2026-09-30', '2026-10-15', undefined],
    ['2026-09-30', '2026-10-09', '上级要求限期审查'],
    // Spring Festival 2026 with its make-up Saturdays.
    ['2026-02-13', '2026-02-28', undefined],
    ['2026-02-13', '2026-03-02', undefined],
    ['2026-06-01', '2026-07-01', undefined],
  ])('submitted %s, due %s (reason: %s): the definition’s facts and verdict', (submittedOn, requestedDueOn, shortenedReason) => {
    const w = new Walk({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.slice(0, -1));
    const payload = { ...samplePayload('SUBMIT_LEGALITY_REVIEW', w.state.context), submittedOn, requestedDueOn, ...(shortenedReason ? { shortenedReason } : {}) };
    const decided = def.decide(w.state, { type: 'SUBMIT_LEGALITY_REVIEW', payload, seq: w.seq + 1 }, env);
    const inputs = check.inputs(payload);
    const figures = check.figures(inputs, calendar);
    expect(figures).toEqual(Object.fromEntries(check.facts.map((k) => [k, decided.facts[k]])));
    expect(check.holds(inputs, figures)).toBe(decided.accepted || decided.refusal.code !== 'REVIEW_TIME_TOO_SHORT');
    expect(def.steps).toContain(check.step);
  });

  it('keeps the payload fields the count rests on, and the reason only when given', () => {
    expect(check.inputs({ submittedOn: '2026-12-23', requestedDueOn: '2027-01-04', materials: {} })).toEqual({ submittedOn: '2026-12-23', requestedDueOn: '2027-01-04', days: 7 });
    expect(check.inputs({ submittedOn: '2026-12-23', requestedDueOn: '2026-12-30', shortenedReason: '紧急' })).toMatchObject({ shortenedReason: '紧急' });
  });
});
