/**
 * When each open step of a major decision is due (README, "Working days and deadlines"):
 *
 * | step | due | start |
 * | --- | --- | --- |
 * | catalog | Y-`catalogPublishedBy` (default 03-31) | the catalog year Y |
 * | start | `plannedStartOn` of the catalog item | — |
 * | publicParticipation | `publicCommentClosedWithinWorkingDays` (5) after the open comment period's `endOn` | `endOn` |
 * | legalityReview | the `requestedDueOn` of the submission under review | — |
 * | collectiveDiscussion | `plannedDecisionOn` of the catalog item | — |
 * | partyCommitteeReport | `partyReportWithinWorkingDays` (10) after the decision | the meeting's date |
 * | publication | `publicationWithinWorkingDays` (20) after the decision | the meeting's date |
 * | archive | `archiveWithinDays` (30 calendar days) after publication, rejection or withdrawal | that date |
 *
 * A step has a deadline only while it is open (not done, not required or waived) and its start is
 * known. The item's planned dates belong to its first revision: an adjustment (revision 2 and
 * later) is not held to them.
 *
 * Once a step is done, `doneStepsOf` gives the day it claims it was done and the deadline it had,
 * computed by the same rules from what the state keeps. The state does not keep a
 * closed comment period (a later forum or questionnaire completes the same step), so public
 * participation has none there: the overdue scan's rows tell when it was overdue.
 */
import type { DeadlineRules, DoneStep, StepDeadline } from '../../deadlines';
import { isCalendarYearUnknown } from '../../deadlines';
import type { WorkingDayCalendar } from '../../definition';
import { addDays } from '../../dates';
import { isSettled, stepStatus, type ProcedureContext } from './context';
import type { StepId } from './steps';

type Spec = Omit<StepDeadline, 'dueOn' | 'calendarDataVersion' | 'calendarUnknown' | 'step'>;

const fixed = (rule: string, on: string): Spec => ({ rule, startOn: on, days: 0, unit: 'fixed_date' });

/** The due day's inputs of an open step, or (`done`) of a step done in this revision. */
function specOf(ctx: ProcedureContext, step: StepId, rules: DeadlineRules, done = false): Spec | undefined {
  const firstRevision = ctx.revision === 1;
  const decidedOn = ctx.done.collectiveDiscussion;
  switch (step) {
    case 'catalog':
      return ctx.year === undefined ? undefined : fixed('catalogPublishedBy', `${String(ctx.year).padStart(4, '0')}-${rules.catalogPublishedBy}`);
    case 'start':
      return firstRevision && ctx.plannedStartOn ? fixed('plannedStartOn', ctx.plannedStartOn) : undefined;
    case 'publicParticipation':
      return ctx.comment && !done
        ? { rule: 'publicCommentClosedWithinWorkingDays', startOn: ctx.comment.endOn, days: rules.publicCommentClosedWithinWorkingDays, unit: 'working_days' }
        : undefined;
    case 'legalityReview':
      // Open: the submission under review; done: the one whose conclusion completed the step.
      return (done ? ctx.review.status === 'concluded' : ctx.review.status === 'submitted' || ctx.review.status === 'in_review') && ctx.review.requestedDueOn
        ? fixed('requestedDueOn', ctx.review.requestedDueOn)
        : undefined;
    case 'collectiveDiscussion':
      return firstRevision && ctx.plannedDecisionOn ? fixed('plannedDecisionOn', ctx.plannedDecisionOn) : undefined;
    case 'partyCommitteeReport':
      return decidedOn ? { rule: 'partyReportWithinWorkingDays', startOn: decidedOn, days: rules.partyReportWithinWorkingDays, unit: 'working_days' } : undefined;
    case 'publication':
      return decidedOn ? { rule: 'publicationWithinWorkingDays', startOn: decidedOn, days: rules.publicationWithinWorkingDays, unit: 'working_days' } : undefined;
    case 'archive': {
      const endedOn = ctx.done.publication ?? ctx.endedOn?.rejected ?? ctx.endedOn?.withdrawn;
      return endedOn ? { rule: 'archiveWithinDays', startOn: endedOn, days: rules.archiveWithinDays, unit: 'calendar_days' } : undefined;
    }
    default:
      return undefined;
  }
}

function dueOnOf(spec: Spec, calendar: WorkingDayCalendar): string {
  switch (spec.unit) {
    case 'fixed_date':
      return spec.startOn;
    case 'calendar_days':
      return addDays(spec.startOn, spec.days);
    case 'working_days':
      return spec.days === 0 ? spec.startOn : calendar.addWorkingDays(spec.startOn, spec.days);
  }
}

/** The deadline of every open step whose start is known, in step order. */
export function deadlinesOf(ctx: ProcedureContext, steps: readonly StepId[], rules: DeadlineRules, calendar: WorkingDayCalendar): StepDeadline[] {
  const out: StepDeadline[] = [];
  for (const step of steps) {
    if (isSettled(stepStatus(ctx, step))) continue;
    const spec = specOf(ctx, step, rules);
    if (!spec) continue;
    const base = { step, ...spec, calendarDataVersion: calendar.dataVersion };
    try {
      out.push({ ...base, dueOn: dueOnOf(spec, calendar) });
    } catch (err) {
      if (!isCalendarYearUnknown(err)) throw err;
      out.push({ ...base, calendarUnknown: true });
    }
  }
  return out;
}

/** Each step done in this revision, in step order: the day it was done, and its deadline where the state tells it. */
export function doneStepsOf(ctx: ProcedureContext, steps: readonly StepId[], rules: DeadlineRules, calendar: WorkingDayCalendar): DoneStep[] {
  const out: DoneStep[] = [];
  for (const step of steps) {
    const doneOn = ctx.done[step];
    if (doneOn === undefined) continue;
    const spec = specOf(ctx, step, rules, true);
    if (!spec) {
      out.push({ step, doneOn });
      continue;
    }
    const base = { step, ...spec, calendarDataVersion: calendar.dataVersion };
    try {
      out.push({ step, doneOn, deadline: { ...base, dueOn: dueOnOf(spec, calendar) } });
    } catch (err) {
      if (!isCalendarYearUnknown(err)) throw err;
      out.push({ step, doneOn, deadline: { ...base, calendarUnknown: true } });
    }
  }
  return out;
}
