import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineScanService } from './deadline-scan.service';

/** A first pass soon after start, so that a restart does not wait a whole interval for the overdue list. */
export const FIRST_SCAN_DELAY_MS = 30_000;

/**
 * Runs the overdue scan every DEADLINE_SCAN_INTERVAL_MINUTES (default 60; 0 turns it off, as the
 * tests do) and once shortly after start. A failed pass is logged and retried at the next tick.
 */
@Injectable()
export class DeadlineScanScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineScan');
  private current?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SchedulerRegistry) private readonly schedules: SchedulerRegistry,
    @Inject(DeadlineScanService) private readonly scanner: DeadlineScanService,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.deadlineScanIntervalMinutes;
    if (minutes === 0) return;
    const tick = () => void this.run();
    this.schedules.addTimeout('deadline-scan:first', setTimeout(tick, FIRST_SCAN_DELAY_MS).unref());
    this.schedules.addInterval('deadline-scan', setInterval(tick, minutes * 60_000).unref());
  }

  /** The schedule's timers are cleared by ScheduleModule; a pass under way finishes before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.current;
  }

  private run(): Promise<void> {
    this.current = this.scanner.scan().then(
      (r) => {
        if (r.skipped) this.logger.log('overdue scan skipped: another instance holds the lock');
        else this.logger.log(`overdue scan: ${r.scanned} incomplete decisions, ${r.newlyOverdue} newly overdue steps`);
      },
      (err: unknown) => this.logger.error(`overdue scan failed: ${(err as Error).message}`, (err as Error).stack),
    );
    return this.current;
  }
}
