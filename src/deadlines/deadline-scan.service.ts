import { Logger } from '@nestjs/common';
import type { ProcedureState } from '../../workflows/definition';
import { DatabaseLock, tryTransactionLock } from '../database/database-locks';
import type { TransactionRunner, Tx } from '../database/transaction-runner';
import type { DecisionProgress } from '../engine/decision-progress';
import type { DefinitionRegistry } from '../engine/definition-registry';
import type { Clock } from '../engine/procedure-engine';
import { incompleteDecisionsAfter, insertOverdueSteps, type IncompleteDecisionRow, type OverdueStepRow } from './overdue-steps.repository';

export interface ScanResult {
  /** Incomplete decisions looked at. */
  scanned: number;
  /** Overdue steps recorded by this run (those recorded before are not counted again). */
  newlyOverdue: number;
  /** Another instance held the scan's lock (PostgreSQL): this run did nothing. */
  skipped: boolean;
}

export interface DeadlineScanDeps {
  runner: TransactionRunner;
  registry: DefinitionRegistry;
  progress: DecisionProgress;
  clock: Clock;
  /** Decisions per page; default 200. */
  pageSize?: number;
}

/**
 * Records every step that is past its due date in `overdue_step`, once: the row's key (decision,
 * revision, step, due date) makes a rerun, a restart or a second instance insert nothing new. A
 * step done late keeps its row: it is the record that the step was overdue. A step whose due date
 * moves (a new comment period, a new submission) is a new row.
 *
 * Overdue means today (business date) is after the due date; the due day itself is still in time.
 */
export class DeadlineScanService {
  private readonly logger = new Logger('DeadlineScan');
  private readonly pageSize: number;
  private running?: Promise<ScanResult>;

  constructor(private readonly deps: DeadlineScanDeps) {
    this.pageSize = deps.pageSize ?? 200;
  }

  /** One pass over the incomplete decisions. A call while a pass is running joins that pass. */
  scan(): Promise<ScanResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private pass(): Promise<ScanResult> {
    const { runner } = this.deps;
    if (runner.dialect === 'postgres') {
      // One transaction holds the advisory lock for the whole pass, so that instances take turns.
      // Its reads are plain MVCC reads: steps applied meanwhile are neither blocked nor blocking.
      return runner.write(async (tx) => {
        if (!(await tryTransactionLock(tx, DatabaseLock.DeadlineScan))) return { scanned: 0, newlyOverdue: 0, skipped: true };
        return this.pages(
          (after) => incompleteDecisionsAfter(tx, after, this.pageSize),
          (rows) => insertOverdueSteps(tx, rows),
        );
      });
    }
    // SQLite serializes every unit of work: a short read per page, then a short write of that page's
    // overdue steps, so that requests wait at most one page, never the whole pass.
    return this.pages(
      (after) => runner.read((tx) => incompleteDecisionsAfter(tx, after, this.pageSize)),
      (rows) => (rows.length ? runner.write((tx: Tx) => insertOverdueSteps(tx, rows)) : Promise.resolve(0)),
    );
  }

  private async pages(
    read: (afterId: string) => Promise<IncompleteDecisionRow[]>,
    insert: (rows: OverdueStepRow[]) => Promise<number>,
  ): Promise<ScanResult> {
    const today = this.deps.clock.today();
    const detectedAt = this.deps.clock.now().toISOString();
    let scanned = 0;
    let newlyOverdue = 0;
    for (let after = ''; ; ) {
      const page = await read(after);
      if (page.length === 0) break;
      scanned += page.length;
      after = page[page.length - 1].id;
      newlyOverdue += await insert(page.flatMap((row) => this.overdueOf(row, today, detectedAt)));
      if (page.length < this.pageSize) break;
    }
    return { scanned, newlyOverdue, skipped: false };
  }

  private overdueOf(row: IncompleteDecisionRow, today: string, detectedAt: string): OverdueStepRow[] {
    try {
      const def = this.deps.registry.get(row.definition_id, Number(row.definition_version));
      const procedure = JSON.parse(row.snapshot) as ProcedureState;
      const revision = def.revision(procedure);
      return this.deps.progress
        .deadlinesOf({ def, procedure })
        .filter((d): d is typeof d & { dueOn: string } => d.dueOn !== undefined && d.dueOn < today)
        .map((d) => ({
          decisionId: row.id,
          revision,
          step: d.step,
          dueOn: d.dueOn,
          rule: d.rule,
          startOn: d.startOn,
          days: d.days,
          unit: d.unit,
          calendarDataVersion: d.calendarDataVersion,
          detectedAt,
        }));
    } catch (err) {
      // One unreadable decision must not hide every other decision's overdue steps.
      this.logger.error(`decision ${row.id} skipped: ${(err as Error).message}`, (err as Error).stack);
      return [];
    }
  }
}
