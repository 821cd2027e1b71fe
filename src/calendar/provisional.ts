/**
 * What a count on the calendar rested on, for any WorkingDayCalendar: a BusinessCalendar knows its
 * provisional years (README, "Working days and deadlines"); any other calendar (a test's stand-in)
 * has none.
 */
import type { WorkingDayCalendar } from '../../workflows/definition';
import { BusinessCalendar, type TrackedCalendar } from './business-calendar';

/** The provisional years holding a day d with from < d <= to (none for a calendar without any). */
export function provisionalYearsIn(calendar: WorkingDayCalendar, from: string, to: string): number[] {
  return calendar instanceof BusinessCalendar ? calendar.provisionalYearsIn(from, to) : [];
}

/** A view of the calendar that remembers the provisional years its counts rested on. */
export function trackProvisional(calendar: WorkingDayCalendar): TrackedCalendar {
  if (calendar instanceof BusinessCalendar) return calendar.tracked();
  return {
    dataVersion: calendar.dataVersion,
    addWorkingDays: (date, n) => calendar.addWorkingDays(date, n),
    workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
    provisionalYearsUsed: () => [],
  };
}

/** Said after a refusal whose working days were counted on a provisional schedule. */
export function provisionalNote(years: readonly number[]): string {
  return `（${years.join('、')} 年的国务院节假日安排尚未发布，工作日按暂定日历计算：法定节假日和惯常的连休，不设调休上班日）`;
}
