import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../common/auth';
import { ApiPage, ApiProblems } from '../common/openapi/api-docs';
import type { Page } from '../common/pagination';
import { AUDIT_ROLES } from './audit-scope';
import { AuditViolationDto, AuditViolationsQueryDto, type AuditViolation } from './violations.dto';
import { AuditViolationsService } from './violations.service';

/** Refused attempts across decisions and catalogs: what was tried against the procedure, by whom. */
@ApiTags('audit')
@ApiProblems(400, 401, 403)
@Roles(...AUDIT_ROLES)
@Controller('audit/violations')
export class AuditViolationsController {
  constructor(private readonly violations: AuditViolationsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Refused attempts (422), newest first, with or without a decision, each with its category, legal basis and who tried by name (auditor: every organ; office: its own, another organ’s is an empty list)',
  })
  @ApiPage(AuditViolationDto)
  list(@CurrentUser() user: AuthUser, @Query() query: AuditViolationsQueryDto): Promise<Page<AuditViolation>> {
    return this.violations.list(user, query);
  }
}
