import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/pagination';

/** Where a review round stands. `withdrawn`: the decision was withdrawn while the round was open. */
export const REVIEW_STATUSES = ['submitted', 'in_review', 'concluded', 'returned', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export class ReviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { message: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
  status?: ReviewStatus;
}

export class ReviewRoundDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: '城区集中供热价格调整方案' }) title: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: 1, description: 'The decision’s revision (an adjustment after publication starts again at round 1)' }) revision: number;
  @ApiProperty({ example: 1, description: 'The n-th submission within the revision' }) round: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ example: '2026-03-02' }) submittedOn: string;
  @ApiProperty({ example: '2026-03-11' }) requestedDueOn: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Open rounds: working days from today to requestedDueOn (negative when overdue); null for a closed round or a year the calendar does not know',
  })
  workingDaysLeft: number | null;
  @ApiProperty({ example: 'r1-v2' }) draftVersion: string;
  @ApiPropertyOptional() shortenedReason?: string;
  @ApiPropertyOptional() acceptedOn?: string;
  @ApiPropertyOptional() concludedOn?: string;
  @ApiPropertyOptional({ enum: ['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'] }) conclusion?: string;
  @ApiPropertyOptional() returnedOn?: string;
  @ApiPropertyOptional() returnReason?: string;
  @ApiPropertyOptional() withdrawnOn?: string;
}
