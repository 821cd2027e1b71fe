import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class DeadlineInputsDto {
  @ApiProperty({ example: 'partyReportWithinWorkingDays', description: 'The rule (a key of config/deadlines.json, or the planned date or review due date it came from)' })
  rule: string;
  @ApiProperty({ example: '2026-06-02', description: 'The date the count starts from (for a fixed date, the date itself)' }) startOn: string;
  @ApiProperty({ example: 10 }) days: number;
  @ApiProperty({ enum: ['working_days', 'calendar_days', 'fixed_date'] }) unit: string;
  @ApiProperty({ example: 'chinese-days@1.5.7' }) calendarDataVersion: string;
}

/** One step of a decision's `progress` (GET /decisions/:id, catalog items). */
export class ProgressEntryDto {
  @ApiProperty({ example: 'legalityReview' }) step: string;
  @ApiProperty({ example: '合法性审查', description: 'The step’s word, beside its code' }) stepLabel: string;
  @ApiProperty({ enum: ['not_required', 'pending', 'in_progress', 'done', 'waived_with_reason'] }) status: string;
  @ApiProperty({ example: '办理中', description: 'The status’s word, beside its code' }) statusLabel: string;
  @ApiProperty({ type: [String], example: ['SC713-25'] }) legalBasis: string[];
  @ApiPropertyOptional({ example: '2026-10-12', description: 'When the open step is due' }) dueOn?: string;
  @ApiPropertyOptional({ enum: ['green', 'yellow', 'red'], description: 'yellow: at most 3 working days left; red: overdue' }) light?: string;
  @ApiPropertyOptional({ description: 'Working days after today up to and including dueOn (0: due today)' }) workingDaysLeft?: number;
  @ApiPropertyOptional({ description: 'Working days after dueOn up to and including today' }) workingDaysOverdue?: number;
  @ApiPropertyOptional({ enum: [true], description: 'The calendar lacks a year on the way: no working-day figures' }) calendarUnknown?: true;
  @ApiPropertyOptional({
    enum: [true],
    description: 'dueOn or the working days shown were counted through a year on the provisional calendar (its holiday notice not yet loaded): they may change when it is',
  })
  provisional?: true;
  @ApiPropertyOptional({ type: DeadlineInputsDto, description: 'What dueOn was computed from' }) deadline?: DeadlineInputsDto;
}
