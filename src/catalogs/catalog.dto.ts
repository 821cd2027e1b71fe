import { NamedActorDto } from '../decisions/decision.dto';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsBusinessDate, IsName, IsText } from '../common/validation';
import { DECISION_CATEGORIES, KNOWN_CATEGORIES } from './categories';

/** A citation of a law, a rule or a document (《…》第…条) is a line, not a text: 500 characters at most. */
export const LEGAL_BASIS_MAX_LENGTH = 500;
import { ProgressEntryDto } from '../common/openapi/progress-entry.dto';

/** Catalog years the service takes: wide enough for any real catalog, narrow enough to catch typos. */
export const MIN_CATALOG_YEAR = 2000;
export const MAX_CATALOG_YEAR = 2100;

const yearMessage = `year must be an integer from ${MIN_CATALOG_YEAR} to ${MAX_CATALOG_YEAR}`;

export class CreateCatalogDto {
  @ApiProperty({ format: 'uuid', description: 'The decision organ: the office user’s own unit' })
  @IsUUID('all', { message: 'organId must be a UUID' })
  organId: string;

  @ApiProperty({ type: 'integer', example: 2026, minimum: MIN_CATALOG_YEAR, maximum: MAX_CATALOG_YEAR })
  @IsInt({ message: yearMessage })
  @Min(MIN_CATALOG_YEAR, { message: yearMessage })
  @Max(MAX_CATALOG_YEAR, { message: yearMessage })
  year: number;
}

class RequirementDto {
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ description: 'Why the step is not required; mandatory for publicParticipation, expertArgumentation and riskAssessment when required is false' })
  reason?: string;
}

class RequirementsDto {
  @ApiProperty({ type: RequirementDto }) publicParticipation: RequirementDto;
  @ApiProperty({ type: RequirementDto }) hearing: RequirementDto;
  @ApiProperty({ type: RequirementDto }) expertArgumentation: RequirementDto;
  @ApiProperty({ type: RequirementDto }) riskAssessment: RequirementDto;
  @ApiPropertyOptional({ type: RequirementDto, description: 'Defaults to required' }) partyCommitteeReport?: RequirementDto;
}

/** A catalog item, which is also the decision (POST /catalogs/:id/items). */
export class AddCatalogItemDto {
  @ApiProperty({ example: '城区集中供热价格调整方案', maxLength: 200 })
  @IsName()
  title: string;

  @ApiProperty({
    enum: KNOWN_CATEGORIES,
    example: 'public_policy',
    description: `One of ${DECISION_CATEGORIES.join(', ')}; macro_control, legislation and emergency_response are outside the decree (422 OUT_OF_SCOPE)`,
  })
  @IsIn(KNOWN_CATEGORIES, { message: `category must be one of ${DECISION_CATEGORIES.join(', ')}` })
  category: string;

  @ApiProperty({ format: 'uuid', description: 'The undertaking unit (承办单位): the organ or a unit under it' })
  @IsUUID('all', { message: 'undertakingUnitId must be a UUID' })
  undertakingUnitId: string;

  @ApiProperty({ type: [String], example: ['《中华人民共和国价格法》第二十三条'], description: 'The laws, rules and documents the decision rests on: at most 100, each at most 500 characters' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsText(LEGAL_BASIS_MAX_LENGTH, { each: true })
  legalBasis: string[];

  @ApiPropertyOptional({ default: false, description: 'The item concerns market activity: its draft then needs a fair competition review' })
  @IsOptional()
  @IsBoolean()
  affectsMarket?: boolean;

  @ApiPropertyOptional({ example: '2026-03-02' })
  @IsOptional()
  @IsBusinessDate()
  plannedStartOn?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Not before plannedStartOn' })
  @IsOptional()
  @IsBusinessDate()
  plannedDecisionOn?: string;

  /** Checked by the procedure's own rule (requirementsErrors), so that HTTP and engine cannot disagree. */
  @ApiProperty({ type: RequirementsDto })
  @Allow()
  requirements: unknown;
}

export class PublishCatalogDto {
  @ApiProperty({ example: '2026-02-10', description: 'The party committee’s approval (经同级党委同意); not after publishedOn' })
  @IsBusinessDate()
  partyCommitteeApprovedOn: string;

  @ApiProperty({ example: '区委常委会会议纪要〔2026〕3号', maxLength: 200 })
  @IsName()
  partyCommitteeRef: string;

  @ApiProperty({ example: '2026-02-15', description: 'Not after today' })
  @IsBusinessDate()
  publishedOn: string;
}

export class WithdrawItemDto {
  @ApiProperty({ example: '决策事项不再需要' })
  @IsText()
  reason: string;

  @ApiPropertyOptional({
    example: '区政府常务会议纪要〔2026〕3号',
    description: '决策机关决定调整目录、撤回该事项的文件或者会议纪要文号；事项按重大行政决策程序第2版办理的必填（SC713-3）',
  })
  @IsOptional()
  @IsText()
  organDecisionRef?: string;
}

export class CatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: yearMessage })
  @Min(MIN_CATALOG_YEAR, { message: yearMessage })
  @Max(MAX_CATALOG_YEAR, { message: yearMessage })
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organId must be a UUID' })
  organId?: string;
}

/* Answers, for the OpenAPI document. */

export class CatalogPublicationDto {
  @ApiProperty({ example: 1 }) revision: number;
  @ApiProperty({ example: '2026-02-10' }) partyCommitteeApprovedOn: string;
  @ApiProperty({ example: '区委常委会会议纪要〔2026〕3号' }) partyCommitteeRef: string;
  @ApiProperty({ example: '2026-02-15' }) publishedOn: string;
  @ApiProperty({ description: 'When it was recorded (ISO-8601 UTC)' }) recordedAt: string;
  @ApiProperty({ type: NamedActorDto, description: 'The actor of the publication, with its display name and unit name read now' }) publishedBy: NamedActorDto;
  @ApiProperty({ description: 'How many items this revision of the catalog lists' }) itemCount: number;
  @ApiProperty({ description: 'How many items this publication moved from proposed to cataloged' }) catalogedItemCount: number;
  @ApiPropertyOptional({ type: [String], description: 'Every item this revision lists: in GET /catalogs/:id and the publication answer, while at most 500 (the items are paged)' })
  itemIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'The items this publication moved from proposed to cataloged: where itemIds is shown' })
  catalogedItemIds?: string[];
}

export class CatalogItemDto {
  @ApiProperty({ format: 'uuid', description: 'The decision id' }) id: string;
  @ApiProperty({ format: 'uuid' }) catalogId: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The organ’s name now' }) organName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DECISION_CATEGORIES }) category: string;
  @ApiProperty({ example: '重大公共政策和措施', description: 'The category’s word (SC713-3), beside its code' }) categoryLabel: string;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The undertaking unit’s name now' }) undertakingUnitName: string | null;
  @ApiProperty({ type: [String] }) legalBasis: string[];
  @ApiProperty() affectsMarket: boolean;
  @ApiProperty({ type: String, nullable: true }) plannedStartOn: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedDecisionOn: string | null;
  @ApiProperty({ type: RequirementsDto, description: 'As the item was proposed' }) requirements: RequirementsDto;
  @ApiProperty({ example: { id: 'major-decision', version: 1 } }) definition: object;
  @ApiProperty({ example: 'proposed' }) stage: string;
  @ApiProperty({ example: '拟列入目录', description: 'The stage’s word, beside its code' }) stageLabel: string;
  @ApiProperty() revision: number;
  @ApiProperty() version: number;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [ProgressEntryDto] }) progress: ProgressEntryDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** An item of a decision outside the caller's scope: only what the public catalog shows of it. */
export class RestrictedCatalogItemDto {
  @ApiProperty({ format: 'uuid', description: 'The decision id' }) id: string;
  @ApiProperty({ format: 'uuid' }) catalogId: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The organ’s name now' }) organName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DECISION_CATEGORIES }) category: string;
  @ApiProperty({ example: '重大公共政策和措施', description: 'The category’s word (SC713-3), beside its code' }) categoryLabel: string;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The undertaking unit’s name now' }) undertakingUnitName: string | null;
  @ApiProperty({ type: [String] }) legalBasis: string[];
  @ApiProperty({ type: [String], example: ['publicParticipation', 'riskAssessment', 'partyCommitteeReport'] }) requiredSteps: string[];
  @ApiProperty({ type: [String], example: ['公众参与', '风险评估', '向同级党委请示报告'], description: 'The word of each of requiredSteps, in the same order' }) requiredStepLabels: string[];
  @ApiProperty({ type: String, nullable: true }) plannedStartOn: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedDecisionOn: string | null;
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ enum: [true], description: 'Always true: the decision is outside the caller’s scope' }) restricted: true;
}

export class CatalogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The organ’s name now' }) organName: string | null;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: string;
  @ApiProperty({ example: '已公布', description: 'The status’s word (未公布, 已公布), beside its code' }) statusLabel: string;
  @ApiProperty({ example: 0, description: 'Number of publications so far' }) revision: number;
  @ApiProperty({ type: [CatalogPublicationDto] }) publications: CatalogPublicationDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ description: 'How many items the catalog holds (withdrawn ones included)' }) itemCount?: number;
  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(CatalogItemDto) }, { $ref: getSchemaPath(RestrictedCatalogItemDto) }] },
    description:
      'In GET /catalogs/:id, the page of items its `page` and `pageSize` ask for (default the first 50); in the publication answer, the first 50. ' +
      'An item of a decision outside the caller’s scope (another department’s) is shown as the public catalog shows it, with `restricted: true`',
  })
  items?: Array<CatalogItemDto | RestrictedCatalogItemDto>;
}

export class PublicCatalogItemDto {
  @ApiProperty({ format: 'uuid', description: 'The decision id (see /public/decisions)' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DECISION_CATEGORIES }) category: string;
  @ApiProperty({ example: '重大公共政策和措施', description: 'The category’s word (SC713-3), beside its code' }) categoryLabel: string;
  @ApiProperty({ format: 'uuid' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局' }) undertakingUnitName: string;
  @ApiProperty({ type: [String] }) legalBasis: string[];
  @ApiProperty({ type: [String], example: ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport'] })
  requiredSteps: string[];
  @ApiProperty({ type: [String], example: ['公众参与', '听证会', '专家论证', '风险评估', '向同级党委请示报告'], description: 'The word of each of requiredSteps, in the same order' })
  requiredStepLabels: string[];
  @ApiProperty({ type: String, nullable: true }) plannedStartOn: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedDecisionOn: string | null;
  @ApiProperty({ description: 'Withdrawn since the catalog was last published' }) withdrawn: boolean;
}

export class PublicCatalogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府' }) organName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 1, description: 'The revision last published' }) revision: number;
  @ApiProperty({ example: '2026-02-15' }) publishedOn: string;
  @ApiProperty({ example: 12, description: 'How many items the last publication listed' }) itemCount: number;
  @ApiProperty({ type: [PublicCatalogItemDto], description: 'In the list, the first 50; at GET /public/catalogs/:id, the page its `page` and `pageSize` ask for' })
  items: PublicCatalogItemDto[];
  @ApiPropertyOptional({ example: true, description: 'In the list, when the catalog has more items than it shows' }) itemsTruncated?: boolean;
}
