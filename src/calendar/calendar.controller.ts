import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-docs';
import { CalendarYearDto, CalendarYearQueryDto, WorkingDayDto, WorkingDaysQueryDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

/**
 * The official working-day calendar for clients (any signed-in user). There is no reload route: a
 * new `config/calendar/<year>.json` is read at start, and the start re-checks what was counted on the
 * provisional calendar (src/calendar/provisional-log.ts).
 */
@ApiTags('calendar')
@ApiProblems(400, 401, 422)
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @ApiOperation({ summary: 'The days-th working day after from (from not counted), on the official calendar (provisional: true where it ran through the provisional year)' })
  @ApiOkResponse({ type: WorkingDayDto })
  workingDays(@Query() query: WorkingDaysQueryDto): WorkingDayDto {
    return this.calendar.workingDayAfter(query.from, query.days);
  }

  @Get('days')
  @ApiOperation({ summary: 'Every day of a year: working day or not, and why (weekend, holiday, make-up working day); the year after the last official one on its provisional schedule' })
  @ApiOkResponse({ type: CalendarYearDto })
  days(@Query() query: CalendarYearQueryDto): CalendarYearDto {
    return this.calendar.year(query.year);
  }
}
