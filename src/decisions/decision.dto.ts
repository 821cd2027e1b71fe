import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { serviceRegistry } from '../engine/definition-registry';
import { ProgressEntryDto } from '../common/openapi/progress-entry.dto';

/** Every stage of every registered procedure definition (a filter value outside them is a 400). */
export const KNOWN_STAGES = [...new Set(serviceRegistry().all().flatMap((d) => d.stages))];

/** A catalog year: four digits, as the calendar and the annual catalogs count them. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2999;

/** The filters the public list has; the internal list adds its own. */
export class PublicDecisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be an integer' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The decision organ (决策机关)' })
  @IsOptional()
  @IsUUID('all', { message: 'organId must be a UUID' })
  organId?: string;
}

export class DecisionListQueryDto extends PublicDecisionQueryDto {
  @ApiPropertyOptional({ enum: KNOWN_STAGES })
  @IsOptional()
  @IsIn(KNOWN_STAGES, { message: `stage must be one of ${KNOWN_STAGES.join(', ')}` })
  stage?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The undertaking unit (承办单位)' })
  @IsOptional()
  @IsUUID('all', { message: 'undertakingUnitId must be a UUID' })
  undertakingUnitId?: string;

  @ApiPropertyOptional({
    enum: ['allowedEvents'],
    description: 'allowedEvents: each item also says what this caller may send on it now (allowedEvents, allowedEventLabels), as GET /decisions/:id does — a workbench\'s "what I must do now"',
  })
  @IsOptional()
  @IsIn(['allowedEvents'], { message: 'include must be allowedEvents' })
  include?: 'allowedEvents';
}

/**
 * The body of `POST /decisions/:id/events`, for the OpenAPI document. It is checked by the service,
 * after the scope (404) and role (403) checks that the order of checks puts before field errors.
 */
export class DecisionEventDto {
  @ApiProperty({ example: 'START_DRAFTING', description: 'An event type of the decision’s procedure (GET /workflows)' })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { startedOn: '2026-02-02' }, description: 'The event’s fields (README, "The procedure")' })
  payload: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The version the caller saw; a stale one is a 409' })
  expectedVersion?: number;
}

class DefinitionRefDto {
  @ApiProperty({ example: 'major-decision' }) id: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class DecisionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '城区集中供热价格调整方案' }) title: string;
  @ApiProperty({ example: 'public_policy' }) category: string;
  @ApiProperty({ example: '重大公共政策和措施', description: 'The category’s word (SC713-3), beside its code' }) categoryLabel: string;
  @ApiProperty({ format: 'uuid' }) catalogId: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The organ’s name now' }) organName: string | null;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The undertaking unit’s name now' }) undertakingUnitName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) implementingUnitId: string | null;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The implementing unit’s name now (null before the decision names one)' }) implementingUnitName: string | null;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: DefinitionRefDto }) definition: DefinitionRefDto;
  @ApiProperty({ example: 'drafting' }) stage: string;
  @ApiProperty({ example: '决策草案形成中', description: 'The stage’s word, beside its code' }) stageLabel: string;
  @ApiProperty({ example: 1 }) revision: number;
  @ApiProperty({ example: 4 }) version: number;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [ProgressEntryDto] }) progress: ProgressEntryDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DecisionListItemDto extends DecisionSummaryDto {
  @ApiPropertyOptional({ type: [String], description: 'With include=allowedEvents: what this caller may send now' }) allowedEvents?: string[];
  @ApiPropertyOptional({ type: [String], description: 'With include=allowedEvents: the word of each of allowedEvents, in the same order' }) allowedEventLabels?: string[];
}

export class DecisionListDto {
  @ApiProperty({ type: [DecisionListItemDto] }) items: DecisionListItemDto[];
  @ApiProperty({ example: 120 }) total: number;
}

/** A legal opinion of the current review round (法律意见, SC713-28). */
export class LegalOpinionDto {
  @ApiProperty({ example: '0f8fad5b-d9cb-469f-a165-70867728950e:14', description: 'What RECORD_REVISIONS names in opinionAdoption[].opinionId: the decision id and the record seq of the opinion' })
  opinionId: string;
  @ApiProperty({ example: 14, description: 'The record seq of its ADD_LEGAL_OPINION row (GET /decisions/:id/history/:seq)' }) seq: number;
  @ApiProperty({ example: '2026-05-12' }) givenOn: string;
  @ApiProperty({ example: '王律师' }) author: string;
  @ApiProperty({ enum: ['legal_adviser', 'public_lawyer', 'reviewer'] }) authorKind: string;
  @ApiProperty({ example: '法律顾问', description: 'The author kind’s word, beside its code' }) authorKindLabel: string;
  @ApiProperty({ example: '建议明确补贴对象' }) text: string;
}

export class DecisionDetailDto extends DecisionSummaryDto {
  @ApiProperty({ description: 'The statechart value', example: { legality_review: 'in_review' } }) state: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) requirements: unknown;
  @ApiProperty({ type: [String], description: 'What this caller may send now (procedure and role both allow it)' }) allowedEvents: string[];
  @ApiProperty({ type: [String], example: ['登记决策草案', '撤回决策事项'], description: 'The word of each of allowedEvents, in the same order' })
  allowedEventLabels: string[];
  @ApiProperty({ type: [String], example: ['COMMENT_PERIOD_SHORTENED'] }) flags: string[];
  @ApiProperty({ type: [String], example: ['缩短公开征求意见期限'], description: 'The word of each of flags, in the same order' }) flagLabels: string[];
  @ApiPropertyOptional({ description: 'The revision still in force while a later one is prepared' }) inForce?: { revision: number; status: string };
  @ApiProperty({ type: [LegalOpinionDto], description: 'The legal opinions of the current review round, which RECORD_REVISIONS answers one by one (by opinionId)' })
  legalOpinions: LegalOpinionDto[];
}

class RecordActorDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ example: 'office' }) role: string;
  @ApiProperty({ nullable: true, type: String }) orgUnitId: string | null;
}

/** A refused attempt's actor: as stored, with its names read now (a refusal is not hashed). */
export class NamedActorDto extends RecordActorDto {
  @ApiProperty({ nullable: true, type: String, example: '区政府办公室 张三', description: 'The account’s display name now (null for the engine’s own actor)' }) displayName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '前进区人民政府', description: 'The name now of the unit it acted for' }) orgUnitName: string | null;
}

export class RecordEntryDto {
  @ApiProperty({ example: 3 }) seq: number;
  @ApiProperty({ example: 1 }) revision: number;
  @ApiProperty({ example: 'RECORD_DRAFT' }) type: string;
  @ApiProperty({ example: '登记决策草案', description: 'The event’s word, beside its code (not covered by the hash)' }) typeLabel: string;
  @ApiProperty({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
    description: 'The event’s payload; in the list, when payloadTruncated, the first 4,096 characters of its JSON (a string)',
  })
  payload: unknown;
  @ApiProperty({ description: 'The list shows only the first 4,096 characters of this payload’s JSON; GET /decisions/:id/history/:seq has it whole' })
  payloadTruncated: boolean;
  @ApiPropertyOptional({ example: 1048000, description: 'Size in bytes (UTF-8) of the whole payload JSON, when payloadTruncated' }) payloadBytes?: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the engine computed for the guards' }) facts: unknown;
  @ApiProperty({ type: RecordActorDto, description: 'The actor as stored: what the hash covers' }) actor: RecordActorDto;
  @ApiProperty({ nullable: true, type: String, description: 'The actor’s display name, read now; not covered by the hash' }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The name of the unit the actor acted for, read now; not covered by the hash' }) actorUnitName: string | null;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ nullable: true, type: String }) fromStage: string | null;
  @ApiProperty({ nullable: true, type: String, example: '已列入目录', description: 'The stage’s word, beside its code (not covered by the hash)' }) fromStageLabel: string | null;
  @ApiProperty() toStage: string;
  @ApiProperty({ example: '决策草案形成中', description: 'The stage’s word, beside its code (not covered by the hash)' }) toStageLabel: string;
  @ApiProperty({ example: '0'.repeat(64) }) prevHash: string;
  @ApiProperty() hash: string;
}

export class ViolationEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a refusal that belongs to no decision (a catalog publication, an item out of scope)' }) decisionId: string | null;
  @ApiProperty({ example: 'RECORD_DISCUSSION' }) event: string;
  @ApiProperty({ example: '登记集体讨论决定', description: 'The event’s word, beside its code' }) eventLabel: string;
  @ApiProperty({ example: 'LEGALITY_REVIEW_REQUIRED' }) code: string;
  @ApiProperty({ example: '未经合法性审查', description: 'What the refusal code means, in a few words' }) codeLabel: string;
  @ApiProperty({ enum: ['skip', 'time_limit', 'content', 'form'], description: 'skip: a required step not done or out of order; time_limit: a statutory period not given; content: a required content missing; form: dates and fields' })
  category: string;
  @ApiProperty({ example: '跳过法定环节', description: 'The category’s word, beside its code' }) categoryLabel: string;
  @ApiProperty({ nullable: true, type: String }) stage: string | null;
  @ApiProperty({ nullable: true, type: String, example: '决策草案形成中', description: 'The stage’s word, beside its code' }) stageLabel: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) legalBasis: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Each required step the event presupposed that was not done: step, stepLabel (its word), code, legalBasis' }) missing: unknown[];
  @ApiProperty({
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
    description: 'The payload as sent, when its JSON held at most 2 KiB; otherwise the first 2 KiB of that JSON (a string, cut where a character starts)',
  })
  payload: unknown;
  @ApiProperty({ description: 'Only the first 2 KiB of the payload’s JSON were kept' }) payloadTruncated: boolean;
  @ApiProperty({ example: 1048576, description: 'Size in bytes (UTF-8) of the whole payload as compact JSON (JSON.stringify of what was sent)' }) payloadBytes: number;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 (hex) of the whole payload as compact JSON' })
  payloadSha256: string;
  @ApiProperty({ type: NamedActorDto }) actor: NamedActorDto;
  @ApiProperty() attemptedAt: string;
}

export class PublicDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'public_policy' }) category: string;
  @ApiProperty({ example: '重大公共政策和措施', description: 'The category’s word (SC713-3), beside its code' }) categoryLabel: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String }) organName: string | null;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String }) undertakingUnitName: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) implementingUnitId?: string;
  @ApiPropertyOptional({ example: '区发改局' }) implementingUnitName?: string;
  @ApiProperty({ example: 1, description: 'The revision this publication made public' }) revision: number;
  @ApiProperty({ example: '2026-06-30' }) publishedOn: string;
  @ApiProperty({ type: [String], example: ['区政府网站'] }) channels: string[];
  @ApiPropertyOptional({ description: 'How public comments and expert opinions were adopted (SC713-32)' }) adoptionExplanation?: string;
  @ApiPropertyOptional({ example: true, description: 'In the list, only the first channels (2,000 characters in all) are shown; GET /public/decisions/:id has them all' })
  channelsTruncated?: boolean;
}
