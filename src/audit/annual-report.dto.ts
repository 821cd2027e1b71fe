import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_YEAR, MIN_YEAR } from '../decisions/decision.dto';
import { REPORT_FORMATS } from './annual-report';

export class AnnualReportQueryDto {
  @ApiProperty({ type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2026, description: 'The catalog year reported on' })
  @Type(() => Number)
  @IsInt({ message: 'year must be an integer' })
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'One organ (auditor); an office reads its own organ only. Without it: every organ in scope' })
  @IsOptional()
  @IsUUID('all', { message: 'organId must be a UUID' })
  organId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];
}

class ReportScopeDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: every organ the caller sees' }) organId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '前进区人民政府' }) organName: string | null;
}

class RatioDto {
  @ApiProperty({ description: 'Active units of the kind in scope' }) organs: number;
  @ApiProperty({ description: 'Of those, with a published catalog of the year' }) published: number;
  @ApiProperty({ nullable: true, type: Number, example: 66.7, description: 'published ÷ organs, percent, one decimal; null without organs' }) ratePercent: number | null;
}

class CoverageDto extends RatioDto {
  @ApiProperty({ enum: ['government', 'department', 'street'] }) level: string;
  @ApiProperty({ example: '人民政府' }) label: string;
}

class OrganCatalogDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() organName: string;
  @ApiProperty({ enum: ['government', 'department', 'street'] }) kind: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['published', 'draft', 'none'] }) status: string;
  @ApiProperty() publications: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-02-15' }) firstPublishedOn: string | null;
  @ApiProperty() items: number;
}

class CatalogFiguresDto {
  @ApiProperty({ type: [CoverageDto] }) coverage: CoverageDto[];
  @ApiProperty({ type: RatioDto }) total: RatioDto;
  @ApiProperty({ description: 'Catalogs of the year published' }) published: number;
  @ApiProperty({ type: [OrganCatalogDto] }) organs: OrganCatalogDto[];
}

class StageCountDto {
  @ApiProperty({ example: 'published' }) stage: string;
  @ApiProperty({ example: '已公布' }) label: string;
  @ApiProperty() count: number;
}

class DecisionFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [StageCountDto] }) byStage: StageCountDto[];
  @ApiProperty({ description: 'Archived (or nothing to archive), whatever the outcome' }) complete: number;
  @ApiProperty({ description: 'Published and archived: every required step done' }) completedWithAllSteps: number;
}

class ConclusionCountDto {
  @ApiProperty({ enum: ['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'] }) conclusion: string;
  @ApiProperty({ example: '合法' }) label: string;
  @ApiProperty() count: number;
}

class ReviewFiguresDto {
  @ApiProperty({ description: 'Decisions sent to legality review' }) decisionsSubmitted: number;
  @ApiProperty() submissions: number;
  @ApiProperty() returned: number;
  @ApiProperty() concluded: number;
  @ApiProperty({ type: [ConclusionCountDto] }) byConclusion: ConclusionCountDto[];
  @ApiProperty({ description: 'ADD_LEGAL_OPINION' }) opinionsGiven: number;
  @ApiProperty({ description: 'Opinions a RECORD_REVISIONS answered' }) opinionsAnswered: number;
  @ApiProperty({ description: 'Answered with adopted: true' }) opinionsAdopted: number;
  @ApiProperty({ nullable: true, type: Number, description: 'opinionsAdopted ÷ opinionsGiven, percent, one decimal' }) adoptionRatePercent: number | null;
}

class ParticipationFiguresDto {
  @ApiProperty({ description: 'OPEN_PUBLIC_COMMENT' }) commentPeriodsOpened: number;
  @ApiProperty({ description: 'CLOSE_PUBLIC_COMMENT' }) commentPeriodsClosed: number;
  @ApiProperty({ description: 'RECORD_PUBLIC_PARTICIPATION' }) otherParticipation: number;
  @ApiProperty() hearings: number;
  @ApiProperty() expertArgumentations: number;
  @ApiProperty() riskAssessments: number;
}

class DecisionMakingFiguresDto {
  @ApiProperty() collectiveDiscussions: number;
  @ApiProperty() partyCommitteeReports: number;
  @ApiProperty() publications: number;
  @ApiProperty() archives: number;
}

class CategoryCountDto {
  @ApiProperty({ enum: ['skip', 'time_limit', 'content', 'form'] }) category: string;
  @ApiProperty({ example: '跳过法定环节' }) label: string;
  @ApiProperty() count: number;
}

class CodeCountDto {
  @ApiProperty({ example: 'LEGALITY_REVIEW_REQUIRED' }) code: string;
  @ApiProperty({ example: '未经合法性审查' }) meaning: string;
  @ApiProperty() count: number;
}

class CategorizedCodeCountDto extends CodeCountDto {
  @ApiProperty({ enum: ['skip', 'time_limit', 'content', 'form'] }) category: string;
}

class RefusalFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory: CategoryCountDto[];
  @ApiProperty({ type: [CategorizedCodeCountDto] }) byCode: CategorizedCodeCountDto[];
  @ApiProperty({ type: [CodeCountDto], description: 'Codes of category skip' }) skips: CodeCountDto[];
}

class StepOverdueDto {
  @ApiProperty({ example: 'legalityReview' }) step: string;
  @ApiProperty({ example: '合法性审查' }) label: string;
  @ApiProperty() overdue: number;
  @ApiProperty() doneLate: number;
  @ApiProperty() notDone: number;
}

class DeadlineFiguresDto {
  @ApiProperty({ description: 'overdue_step rows of the year’s decisions' }) overdueSteps: number;
  @ApiProperty({ description: 'Of those, done afterwards' }) doneLate: number;
  @ApiProperty() notDone: number;
  @ApiProperty({ description: 'Decisions with an overdue step' }) decisions: number;
  @ApiProperty({ type: [StepOverdueDto] }) byStep: StepOverdueDto[];
}

export class AnnualReportDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: ReportScopeDto }) scope: ReportScopeDto;
  @ApiProperty({ example: '2026-12-31T02:00:00.000Z' }) generatedAt: string;
  @ApiProperty({ type: CatalogFiguresDto }) catalogs: CatalogFiguresDto;
  @ApiProperty({ type: DecisionFiguresDto }) decisions: DecisionFiguresDto;
  @ApiProperty({ type: ReviewFiguresDto }) legalityReview: ReviewFiguresDto;
  @ApiProperty({ type: ParticipationFiguresDto }) publicParticipation: ParticipationFiguresDto;
  @ApiProperty({ type: DecisionMakingFiguresDto }) decisionMaking: DecisionMakingFiguresDto;
  @ApiProperty({ type: RefusalFiguresDto }) refusals: RefusalFiguresDto;
  @ApiProperty({ type: DeadlineFiguresDto }) deadlines: DeadlineFiguresDto;
}
