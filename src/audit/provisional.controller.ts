import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { AUDIT_ROLES } from './audit-scope';
import { ProvisionalQueryDto, ProvisionalUseDto, type ProvisionalUseView } from './provisional.dto';
import { AuditProvisionalService } from './provisional.service';

/** What was counted on a provisional calendar, and what the official one made of it. */
@ApiTags('audit')
@ApiProblems(400, 401, 403)
@Roles(...AUDIT_ROLES)
@Controller('audit/provisional')
export class AuditProvisionalController {
  constructor(private readonly provisional: AuditProvisionalService) {}

  @Get()
  @ApiOperation({
    summary:
      'Checks and due days counted on the provisional calendar of a year whose holiday notice was not yet loaded, newest first; once it is, each with its official result and whether it still holds (auditor: every organ; office: its own)',
  })
  @ApiPage(ProvisionalUseDto)
  list(@CurrentUser() user: AuthUser, @Query() query: ProvisionalQueryDto): Promise<Page<ProvisionalUseView>> {
    return this.provisional.list(user, query);
  }
}
