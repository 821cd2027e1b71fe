import { addDays, parseBusinessDate } from '../../dates';
import type { DeadlineRules } from '../../deadlines';
import type { WorkingDayCalendar } from '../../definition';
import { majorDecisionV1Definition as def } from './index';
import { ALL_REQUIRED } from './samples';
import { TO_PUBLISHED, TO_REVIEW, Walk } from './walk';

const RULES: DeadlineRules = {
  catalogPublishedBy: '03-31',
  publicCommentClosedWithinWorkingDays: 5,
  partyReportWithinWorkingDays: 10,
  publicationWithinWorkingDays: 20,
  archiveWithinDays: 30,
  recordedWithinWorkingDays: 5,
};

/** Monday to Friday, no holidays; years from 2027 on are unknown, as the real calendar says today. */
const weekdays: WorkingDayCalendar = {
  dataVersion: 'weekdays-test',
  addWorkingDays(date, n) {
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (d >= '2027-01-01') throw Object.assign(new Error('2027 unknown'), { code: 'CALENDAR_YEAR_UNKNOWN', year: 2027 });
      const dow = new Date(parseBusinessDate(d) as number).getUTCDay();
      if (dow !== 0 && dow !== 6) left--;
    }
    return d;
  },
  workingDaysBetween: () => {
    throw new Error('not used by the deadline computation');
  },
};

const input = { requirements: ALL_REQUIRED, year: 2026, plannedStartOn: '2026-02-02', plannedDecisionOn: '2026-09-30' };
const deadlines = (w: Walk, rules = RULES, calendar = weekdays) => def.deadlines(w.state, rules, calendar);
const byStep = (w: Walk) => Object.fromEntries(deadlines(w).map((d) => [d.step, d]));

describe('major-decision v1 deadlines', () => {
  it('a proposed item: the catalog by March 31 of its year, the start by plannedStartOn, the decision by plannedDecisionOn', () => {
    expect(deadlines(new Walk(input))).toEqual([
      { step: 'catalog', dueOn: '2026-03-31', rule: 'catalogPublishedBy', startOn: '2026-03-31', days: 0, unit: 'fixed_date', calendarDataVersion: 'weekdays-test' },
      { step: 'start', dueOn: '2026-02-02', rule: 'plannedStartOn', startOn: '2026-02-02', days: 0, unit: 'fixed_date', calendarDataVersion: 'weekdays-test' },
      { step: 'collectiveDiscussion', dueOn: '2026-09-30', rule: 'plannedDecisionOn', startOn: '2026-09-30', days: 0, unit: 'fixed_date', calendarDataVersion: 'weekdays-test' },
    ]);
  });

  it('takes the catalog date from the rules', () => {
    expect(def.deadlines(new Walk(input).state, { ...RULES, catalogPublishedBy: '02-28' }, weekdays)[0]).toMatchObject({ step: 'catalog', dueOn: '2026-02-28' });
  });

  it('has no deadline where its start is unknown: an item without year or planned dates', () => {
    expect(deadlines(new Walk({ requirements: ALL_REQUIRED }))).toEqual([]);
  });

  it('drops a step once it is done', () => {
    const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING');
    expect(Object.keys(byStep(w))).toEqual(['collectiveDiscussion']);
  });

  it('an open comment period is closed within 5 working days after its endOn', () => {
    const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
    // Mon 2026-01-05 + 30 days = Wed 2026-02-04; five working days later is Wed 2026-02-11.
    w.send('OPEN_PUBLIC_COMMENT', { startOn: '2026-01-05', endOn: '2026-02-04' });
    expect(byStep(w).publicParticipation).toEqual({
      step: 'publicParticipation',
      dueOn: '2026-02-11',
      rule: 'publicCommentClosedWithinWorkingDays',
      startOn: '2026-02-04',
      days: 5,
      unit: 'working_days',
      calendarDataVersion: 'weekdays-test',
    });
    w.through('CLOSE_PUBLIC_COMMENT');
    expect(byStep(w).publicParticipation).toBeUndefined();
  });

  it('the review is due on the requestedDueOn of the submission under review', () => {
    const w = new Walk(input).through(...TO_REVIEW.slice(0, -1));
    w.send('SUBMIT_LEGALITY_REVIEW', { requestedDueOn: '2026-03-20' });
    expect(byStep(w).legalityReview).toMatchObject({ dueOn: '2026-03-20', rule: 'requestedDueOn', unit: 'fixed_date' });
    w.through('ACCEPT_REVIEW');
    expect(byStep(w).legalityReview).toMatchObject({ dueOn: '2026-03-20' });
    w.send('RETURN_MATERIALS');
    expect(byStep(w).legalityReview).toBeUndefined();
  });

  it('after the decision: the party report within 10 and publication within 20 working days', () => {
    const w = new Walk(input).through(...TO_PUBLISHED.slice(0, -3));
    w.send('RECORD_DISCUSSION', { meetingOn: '2026-04-01' });
    const d = byStep(w);
    expect(d.collectiveDiscussion).toBeUndefined();
    expect(d.partyCommitteeReport).toMatchObject({ dueOn: '2026-04-15', rule: 'partyReportWithinWorkingDays', startOn: '2026-04-01', days: 10, unit: 'working_days' });
    expect(d.publication).toMatchObject({ dueOn: '2026-04-29', rule: 'publicationWithinWorkingDays', startOn: '2026-04-01', days: 20, unit: 'working_days' });
    w.through('REPORT_TO_PARTY_COMMITTEE');
    expect(Object.keys(byStep(w))).toEqual(['publication']);
  });

  it('no party-report deadline where no report is required', () => {
    const w = new Walk({ ...input, requirements: { ...ALL_REQUIRED, partyCommitteeReport: { required: false, reason: '不涉及' } } }).through(...TO_PUBLISHED.slice(0, -3));
    w.send('RECORD_DISCUSSION', { meetingOn: '2026-04-01' });
    expect(Object.keys(byStep(w))).toEqual(['publication']);
  });

  it('the archive within 30 calendar days of publication, rejection or withdrawal', () => {
    const published = new Walk(input).through(...TO_PUBLISHED.slice(0, -1));
    published.send('PUBLISH', { publishedOn: '2026-05-06' });
    expect(deadlines(published)).toEqual([
      { step: 'archive', dueOn: '2026-06-05', rule: 'archiveWithinDays', startOn: '2026-05-06', days: 30, unit: 'calendar_days', calendarDataVersion: 'weekdays-test' },
    ]);
    published.through('ARCHIVE');
    expect(deadlines(published)).toEqual([]);

    const rejected = new Walk(input).through(...TO_PUBLISHED.slice(0, -3));
    expect(rejected.send('RECORD_DISCUSSION', { meetingOn: '2026-04-01', headDecision: 'reject', headReason: '时机不成熟' }).accepted).toBe(true);
    expect(deadlines(rejected)).toEqual([expect.objectContaining({ step: 'archive', dueOn: '2026-05-01', startOn: '2026-04-01' })]);

    const withdrawn = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING');
    expect(withdrawn.send('WITHDRAW', { withdrawnOn: '2026-03-02' }).accepted).toBe(true);
    expect(deadlines(withdrawn)).toEqual([expect.objectContaining({ step: 'archive', dueOn: '2026-04-01' })]);
  });

  it('an item withdrawn before it started owes nothing, not even an archive', () => {
    const w = new Walk(input);
    w.send('WITHDRAW');
    expect(deadlines(w)).toEqual([]);
  });

  it('holds an adjustment (revision 2) to the rules but not to the first revision planned dates', () => {
    const w = new Walk(input).through(...TO_PUBLISHED, 'START_ADJUSTMENT');
    expect(def.revision(w.state)).toBe(2);
    expect(deadlines(w)).toEqual([]);
  });

  it('marks a deadline the calendar cannot count into an unknown year, without guessing a date', () => {
    const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
    w.send('OPEN_PUBLIC_COMMENT', { startOn: '2026-11-27', endOn: '2026-12-28' });
    expect(byStep(w).publicParticipation).toEqual({
      step: 'publicParticipation',
      rule: 'publicCommentClosedWithinWorkingDays',
      startOn: '2026-12-28',
      days: 5,
      unit: 'working_days',
      calendarDataVersion: 'weekdays-test',
      calendarUnknown: true,
    });
    // The other deadlines are computed all the same.
    expect(byStep(w).collectiveDiscussion).toMatchObject({ dueOn: '2026-09-30' });
  });

  it('lets any other calendar failure through', () => {
    const broken: WorkingDayCalendar = { ...weekdays, addWorkingDays: () => { throw new Error('broken'); } };
    const w = new Walk(input).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT');
    expect(() => def.deadlines(w.state, RULES, broken)).toThrow('broken');
  });
});

describe('major-decision v1 deadlines of steps done', () => {
  const done = (w: Walk) => def.doneSteps(w.state, RULES, weekdays);
  const byStepDone = (w: Walk) => Object.fromEntries(done(w).map((d) => [d.step, d]));

  it('gives each done step the day it was done, and the deadline it had', () => {
    const w = new Walk(input).through('CATALOG_PUBLISHED');
    w.send('START_DRAFTING', { startedOn: '2026-02-09' });
    expect(done(w)).toEqual([
      {
        step: 'catalog',
        doneOn: '2026-01-05',
        deadline: { step: 'catalog', dueOn: '2026-03-31', rule: 'catalogPublishedBy', startOn: '2026-03-31', days: 0, unit: 'fixed_date', calendarDataVersion: 'weekdays-test' },
      },
      {
        step: 'start',
        doneOn: '2026-02-09',
        deadline: { step: 'start', dueOn: '2026-02-02', rule: 'plannedStartOn', startOn: '2026-02-02', days: 0, unit: 'fixed_date', calendarDataVersion: 'weekdays-test' },
      },
    ]);
  });

  it('the review: the requestedDueOn of the submission concluded; the decision, its report and publication', () => {
    const w = new Walk(input).through(...TO_REVIEW.slice(0, -1));
    w.send('SUBMIT_LEGALITY_REVIEW', { requestedDueOn: '2026-03-20' });
    w.through('ACCEPT_REVIEW', 'ADD_LEGAL_OPINION');
    w.send('CONCLUDE_REVIEW', { concludedOn: '2026-03-25' });
    w.send('RECORD_DISCUSSION', { meetingOn: '2026-04-01' });
    w.send('REPORT_TO_PARTY_COMMITTEE', { reportedOn: '2026-04-16' });
    w.send('PUBLISH', { publishedOn: '2026-04-20' });
    const d = byStepDone(w);
    expect(d.legalityReview).toMatchObject({ doneOn: '2026-03-25', deadline: { dueOn: '2026-03-20', rule: 'requestedDueOn' } });
    expect(d.collectiveDiscussion).toMatchObject({ doneOn: '2026-04-01', deadline: { dueOn: '2026-09-30' } });
    expect(d.partyCommitteeReport).toMatchObject({ doneOn: '2026-04-16', deadline: { dueOn: '2026-04-15' } });
    expect(d.publication).toMatchObject({ doneOn: '2026-04-20', deadline: { dueOn: '2026-04-29' } });
    // A closed comment period is not kept in the state: public participation is done, without its deadline.
    expect(d.publicParticipation).toEqual({ step: 'publicParticipation', doneOn: w.state.context.done.publicParticipation });
    expect(d.hearing).toEqual({ step: 'hearing', doneOn: w.state.context.done.hearing });
  });

  it('an adjustment is not held to the first revision planned dates', () => {
    const w = new Walk(input).through(...TO_PUBLISHED, 'START_ADJUSTMENT');
    expect(done(w).map((d) => [d.step, d.deadline?.rule])).toEqual([
      ['catalog', 'catalogPublishedBy'],
      ['start', undefined],
    ]);
  });
});
