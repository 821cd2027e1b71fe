import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CHECKPOINT_CONFIG, type CheckpointConfig } from './checkpoint-config';
import { CheckpointsService } from './checkpoints.service';

/**
 * Makes a checkpoint every CHECKPOINT_INTERVAL_MINUTES (default 60; 0 turns it off) when a chain
 * head moved since the last one; on PostgreSQL one instance at a time (the others skip that turn).
 * No run at start: the first comes after one interval. A failed run is logged and tried again at
 * the next tick.
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private current?: Promise<void>;

  constructor(
    @Inject(CHECKPOINT_CONFIG) private readonly config: CheckpointConfig,
    @Inject(SchedulerRegistry) private readonly schedules: SchedulerRegistry,
    @Inject(CheckpointsService) private readonly checkpoints: CheckpointsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.checkpoints.canMake) {
      this.logger.warn('no checkpoint signing key (CHECKPOINT_KEY_FILE): no checkpoint will be made');
      return;
    }
    const minutes = this.config.intervalMinutes;
    if (minutes === 0) return;
    this.schedules.addInterval('checkpoints', setInterval(() => void this.run(), minutes * 60_000).unref());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.current;
  }

  run(): Promise<void> {
    this.current = this.checkpoints.make({ skipUnchanged: true, skipWhenBusy: true }).then(
      (r) => {
        if (!r.made) this.logger.log(r.reason === 'busy' ? 'checkpoint skipped: another instance is making one' : 'checkpoint skipped: no chain head moved since the last one');
      },
      (err: unknown) => this.logger.error(`checkpoint failed: ${(err as Error).message}`, (err as Error).stack),
    );
    return this.current;
  }
}
