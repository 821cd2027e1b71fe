import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../common/validation';

/** The longest count the API answers: a year of working days is about 250. */
export const MAX_WORKING_DAYS = 366;

export class WorkingDaysQueryDto {
  @ApiProperty({ example: '2026-09-25', description: 'The start date (not counted)' })
  @IsDefined({ message: 'from is required' })
  @IsBusinessDate()
  from: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_WORKING_DAYS, example: 7 })
  @IsDefined({ message: 'days is required' })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_WORKING_DAYS, { message: `days must be at most ${MAX_WORKING_DAYS}` })
  days: number;
}

export class CalendarYearQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9999, example: 2026 })
  @IsDefined({ message: 'year is required' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(1, { message: 'year must be at least 1' })
  @Max(9999, { message: 'year must be at most 9999' })
  year: number;
}

export class WorkingDayDto {
  @ApiProperty({ example: '2026-09-25' }) from: string;
  @ApiProperty({ example: 7 }) days: number;
  @ApiProperty({ example: '2026-10-13', description: 'The days-th working day after from' }) date: string;
  @ApiProperty({ example: 'chinese-days@1.5.7' }) calendarDataVersion: string;
  @ApiPropertyOptional({ enum: [true], description: 'The count ran through a year on the provisional calendar (its holiday notice not yet loaded)' }) provisional?: true;
  @ApiPropertyOptional({ type: [Number], example: [2027], description: 'With provisional: the provisional years the count ran through' }) provisionalYears?: number[];
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-10' }) date: string;
  @ApiProperty() workingDay: boolean;
  @ApiProperty({ enum: ['workday', 'weekend', 'holiday', 'makeup_workday'] }) kind: string;
  @ApiPropertyOptional({ example: '国庆节', description: 'Holiday, or the holiday a make-up working day belongs to' }) name?: string;
}

class ProvisionalBasisDto {
  @ApiProperty({ example: '全国年节及纪念日放假办法' }) law: string;
  @ApiProperty({ example: '第二条' }) article: string;
  @ApiProperty() summary: string;
}

class ProvisionalScheduleDto {
  @ApiProperty({ example: 'SC793-notices-2025-2026', description: 'The rules the schedule was built by (README, "Working days and deadlines")' }) rules: string;
  @ApiProperty({ description: 'What the schedule assumes, in Chinese' }) note: string;
  @ApiProperty({ type: [ProvisionalBasisDto] }) legalBasis: readonly ProvisionalBasisDto[];
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 'chinese-days@1.5.7' }) calendarDataVersion: string;
  @ApiPropertyOptional({ enum: [true], description: 'No official schedule yet: the days are the provisional calendar’s (no make-up working day)' }) provisional?: true;
  @ApiPropertyOptional({ type: ProvisionalScheduleDto }) provisionalSchedule?: ProvisionalScheduleDto;
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
}
