/**
 * The three statutory limits at their boundaries, with the facts computed on the official
 * calendar as the engine computes them: 30 calendar days of comment (SC713-15), hearing materials
 * 7 days ahead (SC713-16), at least 7 working days for the legality review (SC713-26).
 */
import type { FactEnv } from '../../workflows/definition';
import { majorDecisionV1Definition as def, type EventType } from '../../workflows/major-decision/v1';
import { ALL_REQUIRED, samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_REVIEW, Walk } from '../../workflows/major-decision/v1/walk';
import { BusinessCalendar, CalendarYearUnknownError } from '../calendar/business-calendar';

const calendar = BusinessCalendar.load();
const env = (): FactEnv => ({ today: '2026-11-28', calendar });

function decide(w: Walk, type: EventType, patch: Record<string, unknown>) {
  const payload = { ...samplePayload(type, w.state.context), ...patch };
  return def.decide(w.state, { type, payload, seq: w.seq + 1 }, env);
}
const codeOf = (d: ReturnType<typeof decide>) => (d.accepted ? 'accepted' : d.refusal.code);
const drafting = () => new Walk({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
const readyForReview = () => new Walk({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.slice(0, -1));

describe('statutory limits on the official calendar', () => {
  it('comment: 30 calendar days, the start day not counted (SC713-15); a shorter one only with a reason', () => {
    expect(codeOf(decide(drafting(), 'OPEN_PUBLIC_COMMENT', { startOn: '2026-09-01', endOn: '2026-09-30' }))).toBe('COMMENT_PERIOD_TOO_SHORT');
    // Calendar days: the National Day holiday inside the period neither extends nor shortens it.
    expect(codeOf(decide(drafting(), 'OPEN_PUBLIC_COMMENT', { startOn: '2026-09-15', endOn: '2026-10-15' }))).toBe('accepted');
    const shortened = decide(drafting(), 'OPEN_PUBLIC_COMMENT', { startOn: '2026-09-01', endOn: '2026-09-15', shortenedReason: '上级限期出台' });
    expect(shortened.accepted && shortened.next.context.flags).toContain('COMMENT_PERIOD_SHORTENED');
  });

  it('hearing: materials delivered at least 7 days before (SC713-16)', () => {
    expect(codeOf(decide(drafting(), 'RECORD_HEARING', { materialsDeliveredOn: '2026-02-10', heldOn: '2026-02-16' }))).toBe('HEARING_NOTICE_TOO_SHORT');
    expect(codeOf(decide(drafting(), 'RECORD_HEARING', { materialsDeliveredOn: '2026-02-10', heldOn: '2026-02-17' }))).toBe('accepted');
  });

  it.each([
    // Spring Festival: from Fri Feb 13 the working days are Sat Feb 14 (make-up), Feb 24–27, Sat Feb 28 (make-up), Mon Mar 2.
    ['2026-02-13', '2026-02-28', 'REVIEW_TIME_TOO_SHORT', 6],
    ['2026-02-13', '2026-03-02', 'accepted', 7],
    // National Day: from Wed Sep 30 the working days are Oct 8, 9, Sat Oct 10 (make-up), Oct 12, 13, 14, 15.
    ['2026-09-30', '2026-10-14', 'REVIEW_TIME_TOO_SHORT', 6],
    ['2026-09-30', '2026-10-15', 'accepted', 7],
  ] as const)('review: submitted %s, due %s → %s (%i working days, SC713-26)', (submittedOn, requestedDueOn, outcome, given) => {
    const d = decide(readyForReview(), 'SUBMIT_LEGALITY_REVIEW', { submittedOn, requestedDueOn });
    expect(codeOf(d)).toBe(outcome);
    expect(d.facts).toMatchObject({ reviewWorkingDaysGiven: given, calendarDataVersion: calendar.dataVersion });
  });

  it('review: a count running into a year without official data (2027) is refused as unknown, never guessed', () => {
    expect(() => decide(readyForReview(), 'SUBMIT_LEGALITY_REVIEW', { submittedOn: '2026-12-28', requestedDueOn: '2027-01-29' })).toThrow(CalendarYearUnknownError);
  });
});
