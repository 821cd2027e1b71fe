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

class ReportRatioDto {
  @ApiProperty({ description: 'Active units of the kind in scope' }) organs: number;
  @ApiProperty({ description: 'Of those, with a published catalog of the year' }) published: number;
  @ApiProperty({ nullable: true, type: Number, example: 66.7, description: 'published ÷ organs, percent, one decimal; null without organs' }) ratePercent: number | null;
}

class ReportCoverageDto extends ReportRatioDto {
  @ApiProperty({ enum: ['government', 'department', 'street'] }) level: string;
  @ApiProperty({ example: '人民政府' }) label: string;
}

class ReportOrganCatalogDto {
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty() organName: string;
  @ApiProperty({ enum: ['government', 'department', 'street'] }) kind: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['published', 'draft', 'none'] }) status: string;
  @ApiProperty() publications: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-02-15' }) firstPublishedOn: string | null;
  @ApiProperty() items: number;
}

class ReportCatalogFiguresDto {
  @ApiProperty({ type: [ReportCoverageDto] }) coverage: ReportCoverageDto[];
  @ApiProperty({ type: ReportRatioDto }) total: ReportRatioDto;
  @ApiProperty({ description: 'Catalogs of the year published' }) published: number;
  @ApiProperty({ type: [ReportOrganCatalogDto] }) organs: ReportOrganCatalogDto[];
}

class ReportStageCountDto {
  @ApiProperty({ example: 'published' }) stage: string;
  @ApiProperty({ example: '已公布' }) label: string;
  @ApiProperty() count: number;
}

class ReportDecisionFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReportStageCountDto] }) byStage: ReportStageCountDto[];
  @ApiProperty({ description: 'Archived (or nothing to archive), whatever the outcome' }) complete: number;
  @ApiProperty({ description: 'Published and archived: every required step done' }) completedWithAllSteps: number;
}

class ReportConclusionCountDto {
  @ApiProperty({ enum: ['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'] }) conclusion: string;
  @ApiProperty({ example: '合法' }) label: string;
  @ApiProperty() count: number;
}

class ReportReviewFiguresDto {
  @ApiProperty({ description: 'Decisions sent to legality review' }) decisionsSubmitted: number;
  @ApiProperty() submissions: number;
  @ApiProperty() returned: number;
  @ApiProperty() concluded: number;
  @ApiProperty({ type: [ReportConclusionCountDto] }) byConclusion: ReportConclusionCountDto[];
  @ApiProperty({ description: 'ADD_LEGAL_OPINION' }) opinionsGiven: number;
  @ApiProperty({ description: 'Opinions a RECORD_REVISIONS answered' }) opinionsAnswered: number;
  @ApiProperty({ description: 'Answered with adopted: true' }) opinionsAdopted: number;
  @ApiProperty({ nullable: true, type: Number, description: 'opinionsAdopted ÷ opinionsGiven, percent, one decimal' }) adoptionRatePercent: number | null;
}

class ReportParticipationFiguresDto {
  @ApiProperty({ description: 'OPEN_PUBLIC_COMMENT' }) commentPeriodsOpened: number;
  @ApiProperty({ description: 'CLOSE_PUBLIC_COMMENT' }) commentPeriodsClosed: number;
  @ApiProperty({ description: 'RECORD_PUBLIC_PARTICIPATION' }) otherParticipation: number;
  @ApiProperty() hearings: number;
  @ApiProperty() expertArgumentations: number;
  @ApiProperty() riskAssessments: number;
}

class ReportDecisionMakingFiguresDto {
  @ApiProperty() collectiveDiscussions: number;
  @ApiProperty() partyCommitteeReports: number;
  @ApiProperty() publications: number;
  @ApiProperty() archives: number;
}

class ReportCategoryCountDto {
  @ApiProperty({ enum: ['skip', 'time_limit', 'content', 'form'] }) category: string;
  @ApiProperty({ example: '跳过法定环节' }) label: string;
  @ApiProperty() count: number;
}

class ReportCodeCountDto {
  @ApiProperty({ example: 'LEGALITY_REVIEW_REQUIRED' }) code: string;
  @ApiProperty({ example: '未经合法性审查' }) meaning: string;
  @ApiProperty() count: number;
}

class ReportCategorizedCodeCountDto extends ReportCodeCountDto {
  @ApiProperty({ enum: ['skip', 'time_limit', 'content', 'form'] }) category: string;
}

class ReportRefusalFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReportCategoryCountDto] }) byCategory: ReportCategoryCountDto[];
  @ApiProperty({ type: [ReportCategorizedCodeCountDto] }) byCode: ReportCategorizedCodeCountDto[];
  @ApiProperty({ type: [ReportCodeCountDto], description: 'Codes of category skip' }) skips: ReportCodeCountDto[];
}

class ReportStepOverdueDto {
  @ApiProperty({ example: 'legalityReview' }) step: string;
  @ApiProperty({ example: '合法性审查' }) label: string;
  @ApiProperty() overdue: number;
  @ApiProperty() doneLate: number;
  @ApiProperty() notDone: number;
}

class ReportDeadlineFiguresDto {
  @ApiProperty({ description: 'overdue_step rows of the year’s decisions' }) overdueSteps: number;
  @ApiProperty({ description: 'Of those, done afterwards' }) doneLate: number;
  @ApiProperty() notDone: number;
  @ApiProperty({ description: 'Decisions with an overdue step' }) decisions: number;
  @ApiProperty({ type: [ReportStepOverdueDto] }) byStep: ReportStepOverdueDto[];
}

export class AnnualReportDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: ReportScopeDto }) scope: ReportScopeDto;
  @ApiProperty({ example: '2026-12-31T02:00:00.000Z' }) generatedAt: string;
  @ApiProperty({ type: ReportCatalogFiguresDto }) catalogs: ReportCatalogFiguresDto;
  @ApiProperty({ type: ReportDecisionFiguresDto }) decisions: ReportDecisionFiguresDto;
  @ApiProperty({ type: ReportReviewFiguresDto }) legalityReview: ReportReviewFiguresDto;
  @ApiProperty({ type: ReportParticipationFiguresDto }) publicParticipation: ReportParticipationFiguresDto;
  @ApiProperty({ type: ReportDecisionMakingFiguresDto }) decisionMaking: ReportDecisionMakingFiguresDto;
  @ApiProperty({ type: ReportRefusalFiguresDto }) refusals: ReportRefusalFiguresDto;
  @ApiProperty({ type: ReportDeadlineFiguresDto }) deadlines: ReportDeadlineFiguresDto;
}
