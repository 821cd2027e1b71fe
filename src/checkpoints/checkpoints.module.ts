import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadCheckpointConfig, CHECKPOINT_CONFIG } from './checkpoint-config';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { AuditCheckpointsController, PublicCheckpointsController } from './checkpoints.controller';
import { CheckpointsService } from './checkpoints.service';

/**
 * Checkpoints (README, "Checkpoints"): signed tree heads over every decision's chain head, made on
 * a schedule and on demand, served to anyone, and verified against the database. Its
 * configuration (CHECKPOINT_*) is read from the environment at start, beside the AppConfig.
 */
@Module({
  controllers: [PublicCheckpointsController, AuditCheckpointsController],
  providers: [
    { provide: CHECKPOINT_CONFIG, useFactory: (config: AppConfig) => loadCheckpointConfig(config), inject: [APP_CONFIG] },
    CheckpointsService,
    CheckpointScheduler,
  ],
  exports: [CheckpointsService, CHECKPOINT_CONFIG],
})
export class CheckpointsModule {}
