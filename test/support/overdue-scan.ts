/** Decisions with planned dates and an overdue scanner over an engine fixture (today is 2026-11-28). */
import { DEFAULT_DEADLINE_RULES } from '../../src/config/deadline-rules';
import type { TransactionRunner } from '../../src/database/transaction-runner';
import { DecisionProgress } from '../../src/engine/decision-progress';
import { DefinitionRegistry } from '../../src/engine/definition-registry';
import { DeadlineScanService } from '../../src/deadlines/deadline-scan.service';
import { ALL_REQUIRED } from '../../workflows/major-decision/v1/samples';
import { actors, fixedClock, sharedCalendar, type EngineFixture } from './engine-fixture';

export function createDecision(f: EngineFixture, plan: { year?: number; plannedStartOn?: string; plannedDecisionOn?: string }) {
  const title = `事项 ${JSON.stringify(plan)}`;
  return f.engine.create(
    {
      catalogId: f.catalogId,
      organId: 'org-gov',
      undertakingUnitId: 'org-fgj',
      year: plan.year ?? 2026,
      title,
      category: 'public_policy',
      input: { requirements: ALL_REQUIRED, ...plan },
      item: { title, requirements: ALL_REQUIRED, ...plan },
    },
    actors.department,
  );
}

export function scannerOn(runner: TransactionRunner, pageSize?: number): DeadlineScanService {
  return new DeadlineScanService({
    runner,
    registry: new DefinitionRegistry(),
    progress: new DecisionProgress({ calendar: sharedCalendar(), clock: fixedClock, rules: DEFAULT_DEADLINE_RULES }),
    clock: fixedClock,
    pageSize,
  });
}

export interface OverdueRow {
  decision_id: string;
  revision: number;
  step: string;
  due_on: string;
  rule: string;
  start_on: string;
  days: number;
  unit: string;
  calendar_data_version: string;
  detected_at: string;
}

/** Every overdue_step row, in key order, numbers as numbers (PostgreSQL may return them as strings). */
export async function overdueRows(runner: TransactionRunner): Promise<OverdueRow[]> {
  const rows = await runner.read((tx) =>
    tx.query<OverdueRow & Record<string, unknown>>(
      'SELECT decision_id, revision, step, due_on, rule, start_on, days, unit, calendar_data_version, detected_at FROM overdue_step ORDER BY decision_id, revision, step, due_on',
    ),
  );
  return rows.map((r) => ({ ...r, revision: Number(r.revision), days: Number(r.days) }));
}
