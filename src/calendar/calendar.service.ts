import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { BusinessCalendar, CalendarYearUnknownError, type CalendarDay } from './business-calendar';

/** The official calendar as clients read it; a year without official data is a 422, as in the engine. */
@Injectable()
export class CalendarService {
  constructor(@Inject(BusinessCalendar) private readonly calendar: BusinessCalendar) {}

  workingDayAfter(from: string, days: number): { from: string; days: number; date: string; calendarDataVersion: string } {
    const date = this.known(() => this.calendar.addWorkingDays(from, days));
    return { from, days, date, calendarDataVersion: this.calendar.dataVersion };
  }

  year(year: number): { year: number; calendarDataVersion: string; days: CalendarDay[] } {
    const days = this.known(() => this.calendar.days(year));
    return { year, calendarDataVersion: this.calendar.dataVersion, days };
  }

  private known<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof CalendarYearUnknownError)) throw err;
      const years = this.calendar.knownYears();
      throw new DomainError(
        422,
        'CALENDAR_YEAR_UNKNOWN',
        `${err.year} 年不在官方节假日数据中（已知 ${years[0]}–${years[years.length - 1]} 年）；` +
          `待国务院办公厅发布该年节假日安排通知后，在 config/calendar/${err.year}.json 中补录。`,
        { year: err.year, knownYears: years },
      );
    }
  }
}
