import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { ArchiveController } from './archive.controller';
import { CaseFileService } from './case-file';

/** The case file of a decision (一事一档): GET /decisions/:id/archive, and the command line's `archive export`. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [ArchiveController],
  providers: [CaseFileService],
  exports: [CaseFileService],
})
export class ArchiveModule {}
