import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PublicDecisionQueryDto } from '../decisions/decision.dto';

/**
 * Which decisions `GET /audit/incomplete` lists (each row carries every list whatever the kind):
 * `all` and `missing`: every procedure not complete (each owes at least its archive); `overdue`:
 * those among them with a step of the current revision the overdue scan found past its due day;
 * `late`: every decision, complete or not, with such a step.
 */
export const INCOMPLETE_KINDS = ['all', 'missing', 'overdue', 'late'] as const;
export type IncompleteKind = (typeof INCOMPLETE_KINDS)[number];

/** `?year=&organId=&kind=&page=&pageSize=`. */
export class IncompleteQueryDto extends PublicDecisionQueryDto {
  @ApiPropertyOptional({ enum: INCOMPLETE_KINDS, default: 'all' })
  @IsOptional()
  @IsIn(INCOMPLETE_KINDS, { message: `kind must be one of ${INCOMPLETE_KINDS.join(', ')}` })
  kind: IncompleteKind = 'all';
}

class LegalBasisDto {
  @ApiProperty({ example: 'SC713-25' }) id: string;
  @ApiProperty({ example: '重大行政决策程序暂行条例' }) law: string;
  @ApiProperty({ example: '第二十五条' }) article: string;
  @ApiProperty() summary: string;
}

class MissingStepDto {
  @ApiProperty({ example: 'legalityReview' }) step: string;
  @ApiProperty({ example: '合法性审查', description: 'The step’s word, beside its code' }) stepLabel: string;
  @ApiProperty({ type: [LegalBasisDto] }) legalBasis: LegalBasisDto[];
}

class OverdueStepDto {
  @ApiProperty({ example: 'partyCommitteeReport' }) step: string;
  @ApiProperty({ example: '向同级党委请示报告', description: 'The step’s word, beside its code' }) stepLabel: string;
  @ApiProperty({ example: '2026-04-15' }) dueOn: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Working days after dueOn up to today; null where the calendar does not know a year between' })
  workingDaysOverdue: number | null;
  @ApiPropertyOptional({ enum: [true], description: 'dueOn or the working days were counted through a year on the provisional calendar (its holiday notice not yet loaded)' })
  provisional?: true;
}

class LateStepDto {
  @ApiProperty({ example: 'publication' }) step: string;
  @ApiProperty({ example: '决策公布', description: 'The step’s word, beside its code' }) stepLabel: string;
  @ApiProperty({ example: '2026-04-29' }) dueOn: string;
  @ApiProperty({ example: '2026-05-08', description: 'The day the step’s record claims it was done' }) doneOn: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Working days after dueOn up to doneOn; null where the calendar does not know a year between' })
  workingDaysLate: number | null;
  @ApiPropertyOptional({ enum: [true], description: 'dueOn or the working days were counted through a year on the provisional calendar (its holiday notice not yet loaded)' })
  provisional?: true;
}

class BackfilledRowDto {
  @ApiProperty({ nullable: true, type: String, example: 'hearing', description: 'The step the event belongs to (null: none, e.g. an implementation report)' }) step: string | null;
  @ApiProperty({ nullable: true, type: String, example: '听证会', description: 'The step’s word, beside its code' }) stepLabel: string | null;
  @ApiProperty({ example: 'RECORD_HEARING' }) type: string;
  @ApiProperty({ example: '登记听证会', description: 'The event’s word, beside its code' }) typeLabel: string;
  @ApiProperty({ example: 6 }) seq: number;
  @ApiProperty({ example: '2026-03-02', description: 'The date the payload claims (heldOn, concludedOn…)' }) claimedOn: string;
  @ApiProperty({ example: '2026-05-20', description: 'The business day (Asia/Shanghai) of the row’s recordedAt' }) recordedOn: string;
  @ApiProperty({ example: 52, description: 'Working days after claimedOn up to recordedOn' }) workingDays: number;
}

export class IncompleteDecisionDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: '城区集中供热价格调整方案' }) title: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String }) organName: string | null;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String }) undertakingUnitName: string | null;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 'drafting' }) stage: string;
  @ApiProperty({ example: '决策草案形成中', description: 'The stage’s word, beside its code' }) stageLabel: string;
  @ApiProperty({ description: 'The procedure is complete (listed by kind=late only)' }) complete: boolean;
  @ApiProperty({ type: [MissingStepDto], description: 'Required steps of the current revision not done, in step order' }) missing: MissingStepDto[];
  @ApiProperty({ type: [OverdueStepDto], description: 'Steps past their due day today (live deadline, or the overdue scan’s row of a step still open)' })
  overdue: OverdueStepDto[];
  @ApiProperty({ type: [LateStepDto], description: 'Steps of the current revision done after their due day' }) late: LateStepDto[];
  @ApiProperty({ type: [BackfilledRowDto], description: 'Record rows recorded more than recordedWithinWorkingDays working days after the date they claim' })
  backfilled: BackfilledRowDto[];
  @ApiProperty({ type: [String], example: ['COMMENT_PERIOD_SHORTENED', 'BACKFILLED', 'VIOLATION_ATTEMPTED', 'PROVISIONAL_CALENDAR'] }) flags: string[];
  @ApiProperty({ type: [String], example: ['缩短公开征求意见期限', '事后补录程序', '有跳过法定环节的尝试被拒绝', '期限按暂定日历计算'], description: 'The word of each of `flags`, in the same order' })
  flagLabels: string[];
}

export interface IncompleteDecision {
  decisionId: string;
  title: string;
  organId: string;
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  year: number;
  stage: string;
  complete: boolean;
  missing: Array<{ step: string; legalBasis: unknown[] }>;
  overdue: Array<{ step: string; dueOn: string; workingDaysOverdue: number | null; provisional?: true }>;
  late: Array<{ step: string; dueOn: string; doneOn: string; workingDaysLate: number | null; provisional?: true }>;
  backfilled: Array<{ step: string | null; type: string; seq: number; claimedOn: string; recordedOn: string; workingDays: number }>;
  flags: string[];
}

/** A row as the list shows it: with the words beside its codes. */
export type IncompleteDecisionView = Omit<IncompleteDecision, 'missing' | 'overdue' | 'late' | 'backfilled'> & {
  stageLabel: string;
  missing: Array<IncompleteDecision['missing'][number] & { stepLabel: string }>;
  overdue: Array<IncompleteDecision['overdue'][number] & { stepLabel: string }>;
  late: Array<IncompleteDecision['late'][number] & { stepLabel: string }>;
  backfilled: Array<IncompleteDecision['backfilled'][number] & { stepLabel: string | null; typeLabel: string }>;
  flagLabels: string[];
};
