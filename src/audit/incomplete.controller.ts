import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { AUDIT_ROLES } from './audit-scope';
import { IncompleteDecisionDto, IncompleteQueryDto, type IncompleteDecision } from './incomplete.dto';
import { IncompleteService } from './incomplete.service';

/** Procedures not complete: what each lacks, what is overdue, what was done late or back-filled. */
@ApiTags('audit')
@ApiProblems(400, 401, 403)
@Roles(...AUDIT_ROLES)
@Controller('audit/incomplete')
export class IncompleteController {
  constructor(private readonly incomplete: IncompleteService) {}

  @Get()
  @ApiOperation({
    summary: 'Procedures not complete, newest first, each with its missing, overdue and late steps, back-filled record rows and flags (auditor: every organ; office: its own)',
  })
  @ApiPage(IncompleteDecisionDto)
  list(@CurrentUser() user: AuthUser, @Query() query: IncompleteQueryDto): Promise<Page<IncompleteDecision>> {
    return this.incomplete.list(user, query);
  }
}
