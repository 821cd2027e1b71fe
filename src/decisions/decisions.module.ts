import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { PublicDecisionsController } from './public-decisions.controller';

/** Decisions, their procedure steps, record and refused attempts, and the public decisions. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [DecisionsController, PublicDecisionsController],
  providers: [DecisionsService, DecisionsRepository],
  // The command line's demo sends its steps through the same door.
  exports: [DecisionsService],
})
export class DecisionsModule {}
