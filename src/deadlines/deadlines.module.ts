import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TransactionRunner } from '../database/transaction-runner';
import { DecisionProgress } from '../engine/decision-progress';
import { DefinitionRegistry } from '../engine/definition-registry';
import { CLOCK } from '../engine/engine.module';
import type { Clock } from '../engine/procedure-engine';
import { DeadlineScanScheduler } from './deadline-scan.scheduler';
import { DeadlineScanService } from './deadline-scan.service';

/**
 * Deadlines: the scheduled scan that records overdue steps (`overdue_step`) for the audit. The
 * deadlines themselves come from the procedure definition with the rules of config/deadlines.json
 * (see DecisionProgress). ScheduleModule.forRoot() is registered here, once for the application.
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    {
      provide: DeadlineScanService,
      useFactory: (runner: TransactionRunner, registry: DefinitionRegistry, progress: DecisionProgress, clock: Clock) =>
        new DeadlineScanService({ runner, registry, progress, clock }),
      inject: [TransactionRunner, DefinitionRegistry, DecisionProgress, CLOCK],
    },
    DeadlineScanScheduler,
  ],
  exports: [DeadlineScanService],
})
export class DeadlinesModule {}
