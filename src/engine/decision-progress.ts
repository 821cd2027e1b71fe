import type { DeadlineUnit, StepDeadline } from '../../workflows/deadlines';
import type { ProgressEntry, WorkingDayCalendar } from '../../workflows/definition';
import { BusinessCalendar, CalendarYearUnknownError } from '../calendar/business-calendar';
import { provisionalYearsIn } from '../calendar/provisional';
import { stepWord, statusWord } from '../common/labels/view-labels';
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from '../config/deadline-rules';
import { systemClock, type Clock, type DecisionSnapshot } from './procedure-engine';

/** Yellow when at most 3 working days are left. A number of the spec, not a local rule. */
export const YELLOW_WITHIN_WORKING_DAYS = 3;

export type Light = 'green' | 'yellow' | 'red';

/** Where a deadline stands today. */
export interface DeadlineStanding {
  light?: Light;
  /** Working days d with today < d <= dueOn: the due day counts, today does not (0 = due today). */
  workingDaysLeft?: number;
  /** Working days d with dueOn < d <= today (0 the weekend or holiday right after a deadline). */
  workingDaysOverdue?: number;
  /** The calendar has no official schedule for a year between today and the due date: no working-day figures. */
  calendarUnknown?: true;
  /**
   * The due day or the working days shown were counted through a year on the provisional calendar
   * (no official schedule yet): they may change when its notice is loaded.
   */
  provisional?: true;
}

/** A step of `progress` as the API shows it: status and legal basis with their words, and when it has one, its deadline. */
export interface ProgressView extends ProgressEntry, DeadlineStanding {
  /** The step's word (列入年度决策事项目录…), beside its code. */
  stepLabel: string;
  /** The status's word (已完成…), beside its code. */
  statusLabel: string;
  dueOn?: string;
  /** What `dueOn` was computed from, so that it can be explained and recomputed. */
  deadline?: { rule: string; startOn: string; days: number; unit: DeadlineUnit; calendarDataVersion: string };
}

/**
 * Green, yellow (at most 3 working days left, the due day counted) or red (today is after the due
 * day). Overdue is certain from the dates alone, so a red light stands even where the calendar
 * cannot count the working days; green or yellow needs the count, and is left out then.
 */
export function standingOf(dueOn: string, today: string, calendar: WorkingDayCalendar): DeadlineStanding {
  const overdue = today > dueOn;
  try {
    if (overdue) return { light: 'red', workingDaysOverdue: calendar.workingDaysBetween(dueOn, today), ...provisionalIn(calendar, dueOn, today) };
    const left = calendar.workingDaysBetween(today, dueOn);
    return { light: left <= YELLOW_WITHIN_WORKING_DAYS ? 'yellow' : 'green', workingDaysLeft: left, ...provisionalIn(calendar, today, dueOn) };
  } catch (err) {
    if (!(err instanceof CalendarYearUnknownError)) throw err;
    return overdue ? { light: 'red', calendarUnknown: true } : { calendarUnknown: true };
  }
}

/** `{ provisional: true }` when a count from `from` to `to` rested on a provisional year. */
function provisionalIn(calendar: WorkingDayCalendar, from: string, to: string): { provisional?: true } {
  return provisionalYearsIn(calendar, from, to).length ? { provisional: true } : {};
}

export interface DecisionProgressOptions {
  calendar?: WorkingDayCalendar;
  clock?: Clock;
  rules?: DeadlineRules;
}

/**
 * Each step's status and legal basis for a decision, as `GET /decisions/:id` and catalogs show
 * it, with the deadline of every open step whose start is known and its traffic light today. It
 * never throws for a year the calendar lacks: such a step carries `calendarUnknown: true`.
 */
export class DecisionProgress {
  private readonly calendar: WorkingDayCalendar;
  private readonly clock: Clock;
  private readonly rules: DeadlineRules;

  constructor(opts: DecisionProgressOptions = {}) {
    this.calendar = opts.calendar ?? BusinessCalendar.load();
    this.clock = opts.clock ?? systemClock();
    this.rules = opts.rules ?? DEFAULT_DEADLINE_RULES;
  }

  of(decision: Pick<DecisionSnapshot, 'def' | 'procedure'>): ProgressView[] {
    const deadlines = new Map<string, StepDeadline>();
    for (const d of this.deadlinesOf(decision)) deadlines.set(d.step, d);
    const today = this.clock.today();
    const labels = decision.def.labels;
    return decision.def.progress(decision.procedure).map((e): ProgressView => {
      const entry = { ...e, stepLabel: stepWord(labels, e.step), statusLabel: statusWord(labels, e.status) };
      const d = deadlines.get(entry.step);
      if (!d) return entry;
      const deadline = { rule: d.rule, startOn: d.startOn, days: d.days, unit: d.unit, calendarDataVersion: d.calendarDataVersion };
      if (d.dueOn === undefined) return { ...entry, calendarUnknown: true, deadline };
      const counted = d.unit === 'working_days' ? provisionalIn(this.calendar, d.startOn, d.dueOn) : {};
      return { ...entry, dueOn: d.dueOn, ...standingOf(d.dueOn, today, this.calendar), ...counted, deadline };
    });
  }

  /** The open steps' deadlines of a decision (the scheduled overdue scan uses the same). */
  deadlinesOf(decision: Pick<DecisionSnapshot, 'def' | 'procedure'>): StepDeadline[] {
    return decision.def.deadlines(decision.procedure, this.rules, this.calendar);
  }
}
