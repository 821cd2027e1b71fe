import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { AdminLogEntryDto, AdminLogQueryDto } from './admin-log.dto';
import { AdminLogService, type AdminLogView } from './admin-log.service';

/**
 * The admin log on the auditor's desk. For the auditor (依法治区办) alone: it audits the
 * administrators (三员分立), so the administrator does not read it, and an office, a procedure
 * actor of one organ, has no business with the district's accounts (403 for every other role).
 */
@ApiTags('audit')
@ApiProblems(400, 401, 403)
@Roles('auditor')
@Controller('audit/admin-log')
export class AdminLogController {
  constructor(private readonly log: AdminLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'The admin log (管理操作日志), newest first: every unit created, renamed, deactivated or reactivated, every account created, changed, disabled or enabled, every change of roles, password reset, end of sessions and change of one’s own password — who, when, what, before and after (auditor only)',
  })
  @ApiPage(AdminLogEntryDto)
  list(@Query() query: AdminLogQueryDto): Promise<Page<AdminLogView>> {
    return this.log.list(query);
  }
}
