/** SQL of the overdue scan: pages of incomplete decisions, and the append-only overdue_step rows. */
import type { Row, Tx } from '../database/transaction-runner';

export interface IncompleteDecisionRow {
  id: string;
  definition_id: string;
  definition_version: number;
  snapshot: string;
}

export interface OverdueStepRow {
  decisionId: string;
  revision: number;
  step: string;
  dueOn: string;
  rule: string;
  startOn: string;
  days: number;
  unit: string;
  calendarDataVersion: string;
  detectedAt: string;
}

/** Incomplete decisions with an id after `afterId`, in id order (keyset paging: no decision skipped or seen twice). */
export function incompleteDecisionsAfter(tx: Tx, afterId: string, limit: number): Promise<IncompleteDecisionRow[]> {
  return tx.query<IncompleteDecisionRow & Row>(
    'SELECT id, definition_id, definition_version, snapshot FROM decision WHERE complete = ? AND id > ? ORDER BY id LIMIT ?',
    [false, afterId, limit],
  );
}

/** Inserts each row unless that decision, revision, step and due date is already recorded; returns how many were new. */
export async function insertOverdueSteps(tx: Tx, rows: readonly OverdueStepRow[]): Promise<number> {
  let inserted = 0;
  for (const r of rows) {
    const returned = await tx.query(
      'INSERT INTO overdue_step (decision_id, revision, step, due_on, rule, start_on, days, unit, calendar_data_version, detected_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING step',
      [r.decisionId, r.revision, r.step, r.dueOn, r.rule, r.startOn, r.days, r.unit, r.calendarDataVersion, r.detectedAt],
    );
    inserted += returned.length;
  }
  return inserted;
}
