/**
 * Deadlines of procedure steps (README, "Working days and deadlines"). The numbers are local
 * rules that live in `config/deadlines.json`, never here: a definition receives them as parameters,
 * together with the working-day calendar, and says which open step is due when and why.
 */

/**
 * The local numbers of the deadline rules. Field names are the keys of `config/deadlines.json`
 * and the `rule` of every deadline they produce.
 */
export interface DeadlineRules {
  /** `MM-DD`: the catalog of year Y is published by Y-MM-DD. */
  readonly catalogPublishedBy: string;
  /** Working days after the comment period's `endOn` within which it is closed. */
  readonly publicCommentClosedWithinWorkingDays: number;
  /** Working days after the decision (the meeting's date) within which it is reported to the party committee. */
  readonly partyReportWithinWorkingDays: number;
  /** Working days after the decision within which it is published. */
  readonly publicationWithinWorkingDays: number;
  /** Calendar days after publication, rejection or withdrawal within which the file is archived. */
  readonly archiveWithinDays: number;
  /**
   * Working days after the date a step claims (its `heldOn`, `concludedOn`…) within which it is
   * recorded; a step recorded later is back-filled (事后补程序) and the audit flags it `BACKFILLED`.
   */
  readonly recordedWithinWorkingDays: number;
}

/**
 * How a due date follows from its start: `working_days` / `calendar_days` after `startOn` (not
 * counted), or `fixed_date`: a date set by the rule or by the decision itself (then `startOn` is
 * that date and `days` is 0).
 */
export type DeadlineUnit = 'working_days' | 'calendar_days' | 'fixed_date';

/** When an open step is due, with everything the date was computed from, so that it can be explained and recomputed. */
export interface StepDeadline {
  step: string;
  /**
   * Absent only with `calendarUnknown`: the working days run into a year the calendar has no
   * official schedule for, and a guessed date would be wrong around the holidays.
   */
  dueOn?: string;
  /** The rule: a key of `DeadlineRules`, or the date field of the decision that sets the date. */
  rule: string;
  startOn: string;
  days: number;
  unit: DeadlineUnit;
  calendarDataVersion: string;
  calendarUnknown?: true;
}

/**
 * A step done in the procedure's current revision: the day it claims it was done, and the deadline
 * it had, where the state still tells it (for the audit's late steps).
 */
export interface DoneStep {
  step: string;
  doneOn: string;
  deadline?: StepDeadline;
}

/** The code a WorkingDayCalendar's error carries for a year it has no official data for. */
export const CALENDAR_YEAR_UNKNOWN = 'CALENDAR_YEAR_UNKNOWN';

export function isCalendarYearUnknown(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === CALENDAR_YEAR_UNKNOWN;
}
