import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { ReviewQueryDto, ReviewRoundDto } from './review.dto';
import { ReviewsService, type ReviewRound } from './reviews.service';

/** The legality review desk: legal reviewers see the organs under their government, auditors all. */
@ApiTags('reviews')
@ApiProblems(400, 401, 403)
@Roles('legal_reviewer', 'auditor')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @ApiOperation({
    summary: 'Legality review rounds, the earliest due first',
    description:
      'Each round with its organ and undertaking unit (by name), the materials submitted, the draft under review with its summary, and the legal opinions given, each with the opinionId that RECORD_REVISIONS answers it by. Paged in the database (page, pageSize; total in X-Total-Count).',
  })
  @ApiPage(ReviewRoundDto)
  list(@CurrentUser() user: AuthUser, @Query() query: ReviewQueryDto): Promise<Page<ReviewRound>> {
    return this.reviews.list(user, query);
  }
}
