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

/** What was submitted for review (送审材料), from the SUBMIT_LEGALITY_REVIEW payload. */
export class ReviewMaterialsDto {
  @ApiProperty({ example: 'r1-v2' }) draftVersion: string;
  @ApiProperty({ type: [String], nullable: true, example: ['《中华人民共和国价格法》第二十三条'], description: 'Null when its JSON exceeds 4,000 characters (truncated: true; the record row has it whole)' })
  legalBasis: string[] | null;
  @ApiProperty({ type: String, nullable: true, example: '已完成公众参与、专家论证和风险评估' }) procedureStatement: string | null;
}

/** The draft under review: the RECORD_DRAFT (or RECORD_REVISIONS) row of the submitted version. */
export class ReviewDraftDto {
  @ApiProperty({ example: 4, description: 'Its record seq (GET /decisions/:id/history/:seq)' }) seq: number;
  @ApiProperty({ example: 'r1-v2' }) draftVersion: string;
  @ApiProperty({ example: '2026-02-20' }) draftedOn: string;
  @ApiProperty({ type: String, nullable: true, example: '调整居民供热价格，设置低收入家庭补贴', description: 'The draft’s summary (RECORD_DRAFT); null for a version a RECORD_REVISIONS recorded' })
  summary: string | null;
}

/** A legal opinion of the round (法律意见, SC713-28). */
export class ReviewOpinionDto {
  @ApiProperty({ example: '0f8fad5b-d9cb-469f-a165-70867728950e:9', description: 'What RECORD_REVISIONS names in opinionAdoption[].opinionId' }) opinionId: string;
  @ApiProperty({ example: 9, description: 'The record seq of its ADD_LEGAL_OPINION row' }) seq: number;
  @ApiProperty({ example: '2026-03-06' }) givenOn: string;
  @ApiProperty({ example: '王律师' }) author: string;
  @ApiProperty({ enum: ['legal_adviser', 'public_lawyer', 'reviewer'] }) authorKind: string;
  @ApiProperty({ example: '法律顾问', description: 'The author kind’s word, beside its code' }) authorKindLabel: string;
  @ApiProperty({ example: '建议补充资金来源说明' }) text: string;
}

export class ReviewRoundDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: '城区集中供热价格调整方案' }) title: string;
  @ApiProperty({ format: 'uuid' }) organId: string;
  @ApiProperty({ example: '前进区人民政府', nullable: true, type: String, description: 'The organ’s name now' }) organName: string | null;
  @ApiProperty({ format: 'uuid', description: 'The undertaking unit (承办单位) that submitted the draft' }) undertakingUnitId: string;
  @ApiProperty({ example: '区发改局', nullable: true, type: String, description: 'The undertaking unit’s name now' }) undertakingUnitName: string | null;
  @ApiProperty({ example: 1, description: 'The decision’s revision (an adjustment after publication starts again at round 1)' }) revision: number;
  @ApiProperty({ example: 1, description: 'The n-th submission within the revision' }) round: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: ReviewStatus;
  @ApiProperty({ example: '审查中', description: 'The status’s word, beside its code' }) statusLabel: string;
  @ApiProperty({ example: '2026-03-02' }) submittedOn: string;
  @ApiProperty({ example: '2026-03-11' }) requestedDueOn: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Open rounds: working days from today to requestedDueOn (negative when overdue); null for a closed round or a year the calendar does not know',
  })
  workingDaysLeft: number | null;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Counted through a year on the provisional calendar (its holiday notice not yet loaded): the 7-working-day check of the submission, or the working days left of an open round',
  })
  provisional?: true;
  @ApiProperty({ example: 'r1-v2' }) draftVersion: string;
  @ApiProperty({ example: 7, description: 'The record seq of the submission' }) submissionSeq: number;
  @ApiProperty({ type: ReviewMaterialsDto }) materials: ReviewMaterialsDto;
  @ApiProperty({ type: ReviewDraftDto, nullable: true }) draft: ReviewDraftDto | null;
  @ApiProperty({ type: [ReviewOpinionDto], description: 'The legal opinions given in this round, oldest first' }) opinions: ReviewOpinionDto[];
  @ApiProperty({ description: 'A text of this row is cut to its first 2,000 characters, or the legal basis left out: the record rows have them whole' })
  truncated: boolean;
  @ApiPropertyOptional() shortenedReason?: string;
  @ApiPropertyOptional() acceptedOn?: string;
  @ApiPropertyOptional() concludedOn?: string;
  @ApiPropertyOptional({ enum: ['lawful', 'lawful_with_revisions', 'unlawful', 'exploratory_risk_disclosed'] }) conclusion?: string;
  @ApiPropertyOptional({ example: '修改后合法', description: 'The conclusion’s word, beside its code' }) conclusionLabel?: string;
  @ApiPropertyOptional() returnedOn?: string;
  @ApiPropertyOptional() returnReason?: string;
  @ApiPropertyOptional() withdrawnOn?: string;
}
