import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { BusinessCalendar, CalendarYearUnknownError, type CalendarDay } from './business-calendar';
import { PROVISIONAL_BASIS, PROVISIONAL_RULES_ID } from './provisional-rules';
import { calendarYearUnknownDetail } from './calendar-year-unknown';

/**
 * The official calendar as clients read it; a year without official data is a 422, as in the engine,
 * except the one after the last official year, which answers on its provisional schedule and says so.
 */
@Injectable()
export class CalendarService {
  constructor(@Inject(BusinessCalendar) private readonly calendar: BusinessCalendar) {}

  workingDayAfter(from: string, days: number): { from: string; days: number; date: string; calendarDataVersion: string; provisional?: true; provisionalYears?: number[] } {
    const date = this.known(() => this.calendar.addWorkingDays(from, days));
    const provisionalYears = this.calendar.provisionalYearsIn(from, date);
    return { from, days, date, calendarDataVersion: this.calendar.dataVersion, ...(provisionalYears.length ? { provisional: true, provisionalYears } : {}) };
  }

  year(year: number): { year: number; calendarDataVersion: string; provisional?: true; provisionalSchedule?: ProvisionalSchedule; days: CalendarDay[] } {
    const days = this.known(() => this.calendar.days(year));
    if (!this.calendar.isProvisionalYear(year)) return { year, calendarDataVersion: this.calendar.dataVersion, days };
    const provisionalSchedule: ProvisionalSchedule = {
      rules: PROVISIONAL_RULES_ID,
      note:
        `${year} 年的国务院节假日安排尚未发布，本年按暂定日历计算：法定节假日、春节（除夕至初七）、劳动节（5月1日至5日）、国庆节（10月1日至7日）` +
        '的惯常连休以及补假、与周末相连的调休休息日均按休息日计，不设调休上班日，因此按暂定日历计算的期限不会早于官方安排。通知发布后以官方安排为准。',
      legalBasis: PROVISIONAL_BASIS,
    };
    return { year, calendarDataVersion: this.calendar.dataVersion, provisional: true, provisionalSchedule, days };
  }

  private known<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof CalendarYearUnknownError)) throw err;
      const years = this.calendar.knownYears();
      throw new DomainError(422, 'CALENDAR_YEAR_UNKNOWN', calendarYearUnknownDetail(err.year, years), { year: err.year, knownYears: years });
    }
  }
}

/** How a provisional year's schedule was made (GET /calendar/days of that year). */
export interface ProvisionalSchedule {
  rules: string;
  note: string;
  legalBasis: ReadonlyArray<{ law: string; article: string; summary: string }>;
}
