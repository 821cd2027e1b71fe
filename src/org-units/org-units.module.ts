import { Module } from '@nestjs/common';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';
import { ProcedureScope } from './procedure-scope';

/** Organisation units; exports OrgUnitsService and ProcedureScope for the scope checks of other modules. */
@Module({
  controllers: [OrgUnitsController],
  providers: [OrgUnitsService, OrgUnitsRepository, ProcedureScope],
  exports: [OrgUnitsService, ProcedureScope],
})
export class OrgUnitsModule {}
