import { Module } from '@nestjs/common';
import { AdminLogController } from './admin-log.controller';
import { AdminLogService } from './admin-log.service';

/**
 * `/audit/admin-log`: the admin log as the auditor reads it. The entries are written by the unit
 * and account services themselves (`appendAdminLog`, in the transaction of each change).
 */
@Module({
  controllers: [AdminLogController],
  providers: [AdminLogService],
})
export class AdminLogModule {}
