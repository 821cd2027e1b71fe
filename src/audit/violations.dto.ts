import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { RefusalCategory } from '../../workflows/refusal-categories';
import { PageQueryDto } from '../common/pagination';
import { IsBusinessDate } from '../common/validation';
import { NamedActorDto } from '../decisions/decision.dto';
import type { ViolationEntry } from '../decisions/decisions.service';

export const REFUSAL_CATEGORY_VALUES: readonly RefusalCategory[] = ['skip', 'time_limit', 'content', 'form'];

/** A refusal code as the rules write it (UPPER_SNAKE); one no row holds simply finds nothing. */
const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

/** `?from=&to=&organId=&code=&category=&page=&pageSize=` of GET /audit/violations. */
export class AuditViolationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First business day (YYYY-MM-DD, in TZ_BUSINESS) of attemptedAt, included' })
  @IsOptional()
  @IsBusinessDate({ message: 'from 应为 YYYY-MM-DD 格式的有效日期' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last business day (YYYY-MM-DD, in TZ_BUSINESS) of attemptedAt, included; not before from' })
  @IsOptional()
  @IsBusinessDate({ message: 'to 应为 YYYY-MM-DD 格式的有效日期' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The decision organ (决策机关); an office sees nothing of another organ' })
  @IsOptional()
  @IsUUID('all', { message: 'organId 应为 UUID' })
  organId?: string;

  @ApiPropertyOptional({ example: 'LEGALITY_REVIEW_REQUIRED', description: 'One refusal code' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'code 应为大写字母、数字和下划线组成的拒绝代码，例如 DRAFT_MISSING' })
  code?: string;

  @ApiPropertyOptional({ enum: REFUSAL_CATEGORY_VALUES, description: 'skip: a required step not done or out of order; time_limit: a statutory period not given; content: a required content missing; form: dates and fields' })
  @IsOptional()
  @IsIn(REFUSAL_CATEGORY_VALUES, { message: `category 应为 ${REFUSAL_CATEGORY_VALUES.join('、')} 之一` })
  category?: RefusalCategory;
}

/** A refused attempt on the auditor's desk: GET /decisions/:id/violations's entry, with its decision and organ by name. */
export interface AuditViolation extends ViolationEntry {
  /** The decision's title (absent when the refusal belongs to no decision). */
  decisionTitle?: string;
  organId: string | null;
  organName: string | null;
}

export class AuditViolationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a refusal that belongs to no decision (a catalog publication, an item out of scope)' }) decisionId: string | null;
  @ApiPropertyOptional({ example: '城区集中供热价格调整方案', description: 'Absent when decisionId is null' }) decisionTitle?: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organId: string | null;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String }) organName: string | null;
  @ApiProperty({ example: 'RECORD_DISCUSSION' }) event: string;
  @ApiProperty({ example: '登记集体讨论决定', description: 'The event’s word, beside its code' }) eventLabel: string;
  @ApiProperty({ example: 'LEGALITY_REVIEW_REQUIRED' }) code: string;
  @ApiProperty({ example: '未经合法性审查', description: 'What the refusal code means, in a few words' }) codeLabel: string;
  @ApiProperty({ enum: REFUSAL_CATEGORY_VALUES }) category: string;
  @ApiProperty({ example: '跳过法定环节', description: 'The category’s word, beside its code' }) categoryLabel: string;
  @ApiProperty({ nullable: true, type: String, example: 'drafting' }) stage: string | null;
  @ApiProperty({ nullable: true, type: String, example: '决策草案形成中', description: 'The stage’s word, beside its code' }) stageLabel: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The articles, expanded (id, law, article, summary)' }) legalBasis: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Each required step the event presupposed that was not done: step, stepLabel (its word), code, legalBasis' }) missing: unknown[];
  @ApiProperty({ type: NamedActorDto }) actor: NamedActorDto;
  @ApiProperty({ example: '2026-03-20T02:15:00.000Z' }) attemptedAt: string;
  @ApiProperty({ oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }], description: 'As in GET /decisions/:id/violations' }) payload: unknown;
  @ApiProperty() payloadTruncated: boolean;
  @ApiProperty() payloadBytes: number;
  @ApiProperty() payloadSha256: string;
}
