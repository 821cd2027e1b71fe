/**
 * Deadlines and traffic lights on the official calendar (2026 data of chinese-days):
 *   国庆节 Oct 1–7 off (中秋 Sep 25–27 just before), make-up working days Sun Sep 20 and Sat Oct 10;
 *   春节 Feb 15–23 off, make-up working days Sat Feb 14 and Sat Feb 28. 2027 is not yet known.
 */
import { ALL_REQUIRED } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED, TO_REVIEW, Walk } from '../../workflows/major-decision/v1/walk';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import type { ProcedureDefinition } from '../../workflows/definition';
import { BusinessCalendar } from '../calendar/business-calendar';
import { DEFAULT_DEADLINE_RULES } from '../config/deadline-rules';
import { DecisionProgress, standingOf, type ProgressView } from './decision-progress';
import type { DecisionSnapshot } from './procedure-engine';

const calendar = BusinessCalendar.load();
const version = calendar.dataVersion;
const input = { requirements: ALL_REQUIRED, year: 2026, plannedStartOn: '2026-02-02', plannedDecisionOn: '2026-09-30' };

const progressOn = (today: string, w: Walk): ProgressView[] =>
  new DecisionProgress({ calendar, clock: { now: () => new Date(`${today}T04:00:00Z`), today: () => today }, rules: DEFAULT_DEADLINE_RULES }).of({
    def: majorDecisionV1Definition as ProcedureDefinition,
    procedure: w.state,
  } as DecisionSnapshot);
const stepOf = (today: string, w: Walk, step: string) => progressOn(today, w).find((p) => p.step === step)!;

/** A comment period of 30 days ending Tue 2026-09-29, just before the National Day holiday. */
function commentEndingBeforeNationalDay(): Walk {
  const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
  expect(w.send('OPEN_PUBLIC_COMMENT', { startOn: '2026-08-30', endOn: '2026-09-29' }).accepted).toBe(true);
  return w;
}

/** Decided on Fri 2026-02-13, the last working day before the Spring Festival make-up Saturday. */
function decidedBeforeSpringFestival(): Walk {
  const w = new Walk(input).through(...TO_PUBLISHED.slice(0, -3));
  expect(w.send('RECORD_DISCUSSION', { meetingOn: '2026-02-13' }).accepted).toBe(true);
  return w;
}

describe('DecisionProgress', () => {
  it('closes a comment period ending before National Day 2026 five working days later: Oct 12, the holiday skipped and make-up Sat Oct 10 counted', () => {
    expect(stepOf('2026-09-29', commentEndingBeforeNationalDay(), 'publicParticipation')).toEqual({
      step: 'publicParticipation',
      stepLabel: '公众参与',
      status: 'in_progress',
      statusLabel: '办理中',
      legalBasis: ['SC713-14', 'SC713-15'],
      dueOn: '2026-10-12',
      light: 'green',
      workingDaysLeft: 5,
      deadline: { rule: 'publicCommentClosedWithinWorkingDays', startOn: '2026-09-29', days: 5, unit: 'working_days', calendarDataVersion: version },
    });
  });

  it.each([
    ['2026-09-30', 'green', { workingDaysLeft: 4 }], // Oct 8, 9, 10, 12: twelve calendar days, four working days
    ['2026-10-05', 'green', { workingDaysLeft: 4 }], // inside the holiday nothing is used up
    ['2026-10-08', 'yellow', { workingDaysLeft: 3 }],
    ['2026-10-11', 'yellow', { workingDaysLeft: 1 }], // Sunday after the make-up Saturday
    ['2026-10-12', 'yellow', { workingDaysLeft: 0 }], // the due day is still in time
    ['2026-10-13', 'red', { workingDaysOverdue: 1 }],
    ['2026-10-20', 'red', { workingDaysOverdue: 6 }],
  ] as const)('on %s the light is %s', (today, light, figures) => {
    const p = stepOf(today, commentEndingBeforeNationalDay(), 'publicParticipation');
    expect(p).toMatchObject({ dueOn: '2026-10-12', light, ...figures });
    expect(p.calendarUnknown).toBeUndefined();
  });

  it('counts the party report and publication from a decision before Spring Festival 2026 (make-up Saturdays Feb 14 and 28 count)', () => {
    const w = decidedBeforeSpringFestival();
    expect(stepOf('2026-02-13', w, 'partyCommitteeReport')).toMatchObject({
      dueOn: '2026-03-05',
      light: 'green',
      workingDaysLeft: 10,
      deadline: { rule: 'partyReportWithinWorkingDays', startOn: '2026-02-13', days: 10, unit: 'working_days', calendarDataVersion: version },
    });
    expect(stepOf('2026-02-13', w, 'publication')).toMatchObject({ dueOn: '2026-03-19', workingDaysLeft: 20 });
    // On the last holiday day only one working day (the make-up Saturday) has gone.
    expect(stepOf('2026-02-23', w, 'partyCommitteeReport')).toMatchObject({ light: 'green', workingDaysLeft: 9 });
    expect(stepOf('2026-03-02', w, 'partyCommitteeReport')).toMatchObject({ light: 'yellow', workingDaysLeft: 3 });
  });

  it('shows the review due on requestedDueOn and the catalog, start and decision on their dates', () => {
    const w = new Walk(input).through(...TO_REVIEW.slice(0, -1));
    expect(w.send('SUBMIT_LEGALITY_REVIEW', { requestedDueOn: '2026-03-02' }).accepted).toBe(true);
    const review = stepOf('2026-02-26', w, 'legalityReview');
    expect(review).toMatchObject({ dueOn: '2026-03-02', light: 'yellow', workingDaysLeft: 3, deadline: { rule: 'requestedDueOn', unit: 'fixed_date' } });
    expect(stepOf('2026-02-26', w, 'collectiveDiscussion')).toMatchObject({ dueOn: '2026-09-30', light: 'green' });

    const proposed = new Walk(input);
    expect(stepOf('2026-04-01', proposed, 'catalog')).toMatchObject({ dueOn: '2026-03-31', light: 'red', workingDaysOverdue: 1 });
    expect(stepOf('2026-04-01', proposed, 'start')).toMatchObject({ dueOn: '2026-02-02', light: 'red' });
  });

  it('counts the archive in calendar days and shows no deadline on steps without one', () => {
    const w = new Walk(input).through(...TO_PUBLISHED.slice(0, -1));
    expect(w.send('PUBLISH', { publishedOn: '2026-09-01' }).accepted).toBe(true);
    const progress = progressOn('2026-09-25', w);
    expect(progress.find((p) => p.step === 'archive')).toMatchObject({
      dueOn: '2026-10-01', // thirty calendar days, not moved off the holiday
      light: 'yellow',
      workingDaysLeft: 3, // Sep 28, 29, 30: the due day itself is National Day
    });
    expect(progress.filter((p) => p.dueOn !== undefined).map((p) => p.step)).toEqual(['archive']);
    expect(progress.find((p) => p.step === 'draft')).toEqual({ step: 'draft', stepLabel: '拟订决策草案', status: 'done', statusLabel: '已完成', legalBasis: ['SC713-12'] });
  });

  describe('a year the calendar does not know (2027)', () => {
    it('a count of working days into 2027 gives no due date, only calendarUnknown and the inputs', () => {
      const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
      expect(w.send('OPEN_PUBLIC_COMMENT', { startOn: '2026-11-27', endOn: '2026-12-28' }).accepted).toBe(true);
      expect(stepOf('2026-11-28', w, 'publicParticipation')).toEqual({
        step: 'publicParticipation',
        stepLabel: '公众参与',
        status: 'in_progress',
        statusLabel: '办理中',
        legalBasis: ['SC713-14', 'SC713-15'],
        calendarUnknown: true,
        deadline: { rule: 'publicCommentClosedWithinWorkingDays', startOn: '2026-12-28', days: 5, unit: 'working_days', calendarDataVersion: version },
      });
    });

    it('a due date in 2027: the date, no light, calendarUnknown', () => {
      const w = new Walk({ ...input, plannedDecisionOn: '2027-03-01' }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
      const p = stepOf('2026-11-28', w, 'collectiveDiscussion');
      expect(p).toMatchObject({ dueOn: '2027-03-01', calendarUnknown: true });
      expect(p.light).toBeUndefined();
      expect(p.workingDaysLeft).toBeUndefined();
    });

    it('today in 2027 past a 2026 due date: red is certain, the working days overdue are not', () => {
      const p = stepOf('2027-01-05', new Walk(input), 'catalog');
      expect(p).toMatchObject({ dueOn: '2026-03-31', light: 'red', calendarUnknown: true });
      expect(p.workingDaysOverdue).toBeUndefined();
    });
  });

  it('standingOf: yellow from 3 working days left, the due day counted and today not', () => {
    expect(standingOf('2026-03-05', '2026-02-27', calendar)).toEqual({ light: 'green', workingDaysLeft: 5 }); // make-up Sat Feb 28, Mar 2–5
    expect(standingOf('2026-03-05', '2026-03-02', calendar)).toEqual({ light: 'yellow', workingDaysLeft: 3 });
    expect(standingOf('2026-03-05', '2026-03-05', calendar)).toEqual({ light: 'yellow', workingDaysLeft: 0 });
    expect(standingOf('2026-03-05', '2026-03-06', calendar)).toEqual({ light: 'red', workingDaysOverdue: 1 });
    // A Friday deadline seen on Saturday: overdue, with no working day lost yet.
    expect(standingOf('2026-03-06', '2026-03-07', calendar)).toEqual({ light: 'red', workingDaysOverdue: 0 });
  });
});
