import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { LegalBasis } from '../../workflows/legal-basis';
import type { ProvisionalUseKind, ProvisionalUseStatus } from '../calendar/provisional-log.repository';
import { PageQueryDto } from '../common/pagination';

export const PROVISIONAL_STATUSES: readonly ProvisionalUseStatus[] = ['pending', 'confirmed', 'changed', 'broken'];
export const PROVISIONAL_KINDS: readonly ProvisionalUseKind[] = ['check', 'deadline'];

/** `?year=&organId=&status=&kind=&page=&pageSize=` of GET /audit/provisional. */
export class ProvisionalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 9999, example: 2027, description: 'The calendar year that was provisional' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 应为整数年份' })
  @Min(2000, { message: 'year 不得早于 2000' })
  @Max(9999, { message: 'year 不得晚于 9999' })
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The decision organ (决策机关); an office sees nothing of another organ' })
  @IsOptional()
  @IsUUID('all', { message: 'organId 应为 UUID' })
  organId?: string;

  @ApiPropertyOptional({
    enum: PROVISIONAL_STATUSES,
    description:
      'pending: the year has no official schedule yet; confirmed: the same result on the official calendar; changed: other figures, the check still holds; broken: the check no longer holds, or the due day moved',
  })
  @IsOptional()
  @IsIn(PROVISIONAL_STATUSES, { message: `status 应为 ${PROVISIONAL_STATUSES.join('、')} 之一` })
  status?: ProvisionalUseStatus;

  @ApiPropertyOptional({ enum: PROVISIONAL_KINDS, description: 'check: a step’s check of a statutory period (the review’s 7 working days); deadline: a step’s due day' })
  @IsOptional()
  @IsIn(PROVISIONAL_KINDS, { message: `kind 应为 ${PROVISIONAL_KINDS.join('、')} 之一` })
  kind?: ProvisionalUseKind;
}

class ProvisionalLegalBasisDto {
  @ApiProperty({ example: 'SC713-26' }) id: string;
  @ApiProperty({ example: '重大行政决策程序暂行条例' }) law: string;
  @ApiProperty({ example: '第二十六条' }) article: string;
  @ApiProperty() summary: string;
}

export class ProvisionalUseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: '城区集中供热价格调整方案' }) title: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String }) organName: string | null;
  @ApiProperty({ example: 1 }) revision: number;
  @ApiProperty({ enum: PROVISIONAL_KINDS }) kind: ProvisionalUseKind;
  @ApiProperty({ example: '法定期限检查' }) kindLabel: string;
  @ApiProperty({ example: 'legalityReview' }) step: string;
  @ApiProperty({ example: '合法性审查' }) stepLabel: string;
  @ApiPropertyOptional({ example: 'SUBMIT_LEGALITY_REVIEW', description: 'check: the event whose record row carries the check' }) event?: string;
  @ApiPropertyOptional({ example: 12, description: 'check: the record row (GET /decisions/:id/history)' }) seq?: number;
  @ApiProperty({ example: 'reviewWorkingDays', description: 'check: the rule checked; deadline: the rule of config/deadlines.json' }) rule: string;
  @ApiProperty({ type: [ProvisionalLegalBasisDto] }) legalBasis: ProvisionalLegalBasisDto[];
  @ApiProperty({ example: 2027, description: 'The calendar year counted on the provisional schedule' }) year: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { submittedOn: '2026-12-23', requestedDueOn: '2027-01-04', days: 7 },
    description: 'What the count started from: check — the payload’s dates and the days required; deadline — startOn, days, unit',
  })
  inputs: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { reviewMinDueOn: '2027-01-04', reviewWorkingDaysGiven: 7 },
    description: 'The result on the provisional calendar (check: the record’s facts; deadline: dueOn)',
  })
  provisional: Record<string, unknown>;
  @ApiProperty({ example: 'chinese-days@1.5.7+provisional:2027@SC793-notices-2025-2026' }) provisionalDataVersion: string;
  @ApiProperty({ example: '2026-12-23T02:00:00.000Z' }) notedAt: string;
  @ApiProperty({ enum: PROVISIONAL_STATUSES }) status: ProvisionalUseStatus;
  @ApiProperty({ example: '已按官方节假日安排核对，不再成立' }) statusLabel: string;
  @ApiProperty({ nullable: true, description: 'Whether the check or due day still holds on the official calendar (null while pending)', type: Boolean }) holds: boolean | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { reviewMinDueOn: '2027-01-05', reviewWorkingDaysGiven: 6 },
    description: 'The same result on the official calendar, once the year’s notice is loaded',
  })
  official: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: 'chinese-days@1.5.7+config:0123456789ab' }) officialDataVersion: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-06T01:00:00.000Z' }) recheckedAt: string | null;
}

export interface ProvisionalUseView {
  id: string;
  decisionId: string;
  title: string;
  organId: string;
  organName: string | null;
  revision: number;
  kind: ProvisionalUseKind;
  kindLabel: string;
  step: string;
  stepLabel: string;
  event?: string;
  seq?: number;
  rule: string;
  legalBasis: LegalBasis[];
  year: number;
  inputs: Record<string, unknown>;
  provisional: Record<string, unknown>;
  provisionalDataVersion: string;
  notedAt: string;
  status: ProvisionalUseStatus;
  statusLabel: string;
  holds: boolean | null;
  official: Record<string, unknown> | null;
  officialDataVersion: string | null;
  recheckedAt: string | null;
}
