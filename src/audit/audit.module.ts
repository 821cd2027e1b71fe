import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report';
import { AuditVerifyController, AuditVerifyService } from './audit-verify';
import { IncompleteController } from './incomplete.controller';
import { IncompleteService } from './incomplete.service';
import { AuditProvisionalController } from './provisional.controller';
import { AuditProvisionalService } from './provisional.service';
import { AuditViolationsController } from './violations.controller';
import { AuditViolationsService } from './violations.service';

/**
 * `/audit/*`: the auditor's desk (依法治区办): incomplete, overdue and late procedures, refused
 * attempts, chain verification, the year's figures and what was counted on a provisional calendar.
 * Auditors read everything; an office reads its own organ; every other role gets 403. Each part has
 * its controller and service here.
 */
@Module({
  imports: [OrgUnitsModule],
  controllers: [AuditVerifyController, IncompleteController, AnnualReportController, AuditViolationsController, AuditProvisionalController],
  providers: [AuditVerifyService, IncompleteService, AnnualReportService, AuditViolationsService, AuditProvisionalService],
})
export class AuditModule {}
