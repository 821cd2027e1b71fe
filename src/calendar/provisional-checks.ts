/**
 * The checks of a procedure step that count working days, as the provisional calendar's log keeps
 * and re-checks them (provisional-log.ts): for each event type, the payload fields the count starts
 * from, the figures the definition puts in the record's facts, and whether the check holds with
 * them. provisional-checks.spec.ts keeps these in step with the definition's own guards.
 */
import type { WorkingDayCalendar } from '../../workflows/definition';

export type CheckInputs = Record<string, string | number>;
export type CheckFigures = Record<string, string | number>;

export interface CalendarCheck {
  /** The step the event belongs to. */
  step: string;
  /** The rule, as the auditor's list names it. */
  rule: string;
  legalBasis: string[];
  /** The members of the record's facts that hold the figures. */
  facts: readonly string[];
  /** The payload fields the count rests on (absent fields left out). */
  inputs(payload: Record<string, unknown>): CheckInputs;
  /** The figures the record's facts keep, on this calendar. */
  figures(inputs: CheckInputs, calendar: WorkingDayCalendar): CheckFigures;
  /** Whether the step passes the check with these figures. */
  holds(inputs: CheckInputs, figures: CheckFigures): boolean;
}

/** The legality reviewer has at least 7 working days, the submission day not counted (SC713-26). */
export const REVIEW_WORKING_DAYS = 7;

export const CALENDAR_CHECKS: Readonly<Record<string, CalendarCheck>> = {
  SUBMIT_LEGALITY_REVIEW: {
    step: 'legalityReview',
    rule: 'reviewWorkingDays',
    legalBasis: ['SC713-26'],
    facts: ['reviewMinDueOn', 'reviewWorkingDaysGiven'],
    inputs: (p) => ({
      submittedOn: p.submittedOn as string,
      requestedDueOn: p.requestedDueOn as string,
      days: REVIEW_WORKING_DAYS,
      ...(typeof p.shortenedReason === 'string' ? { shortenedReason: p.shortenedReason } : {}),
    }),
    figures: (i, calendar) => ({
      reviewMinDueOn: calendar.addWorkingDays(i.submittedOn as string, REVIEW_WORKING_DAYS),
      reviewWorkingDaysGiven: calendar.workingDaysBetween(i.submittedOn as string, i.requestedDueOn as string),
    }),
    // A shorter time with its reason given is accepted (and flagged REVIEW_TIME_SHORTENED).
    holds: (i, f) => i.shortenedReason !== undefined || (i.requestedDueOn as string) >= (f.reviewMinDueOn as string),
  },
};
