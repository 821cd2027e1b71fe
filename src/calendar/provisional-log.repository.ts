/** SQL of the provisional calendar's log (`provisional_calendar_use`); every call runs in the caller's unit of work. */
import type { Row, Tx } from '../database/transaction-runner';

export type ProvisionalUseKind = 'check' | 'deadline';
/** `pending`: the year has no official schedule yet; then `confirmed`, `changed` (still holds) or `broken`. */
export type ProvisionalUseStatus = 'pending' | 'confirmed' | 'changed' | 'broken';

/** A check or a due day to note, as it was counted on the provisional calendar. */
export interface ProvisionalUse {
  id: string;
  decisionId: string;
  kind: ProvisionalUseKind;
  subject: string;
  revision: number;
  step: string;
  event: string | null;
  seq: number | null;
  rule: string;
  legalBasis: string[];
  year: number;
  inputs: Record<string, unknown>;
  result: Record<string, unknown>;
  calendarDataVersion: string;
  notedAt: string;
}

export interface ProvisionalUseSqlRow {
  id: string;
  decision_id: string;
  kind: ProvisionalUseKind;
  revision: number;
  step: string;
  event: string | null;
  seq: number | null;
  rule: string;
  legal_basis: string;
  year: number;
  inputs: string;
  provisional_result: string;
  calendar_data_version: string;
  noted_at: string;
  status: ProvisionalUseStatus;
  official_result: string | null;
  official_data_version: string | null;
  rechecked_at: string | null;
}

export const PROVISIONAL_USE_COLUMNS =
  'u.id, u.decision_id, u.kind, u.revision, u.step, u.event, u.seq, u.rule, u.legal_basis, u.year, u.inputs, u.provisional_result, ' +
  'u.calendar_data_version, u.noted_at, u.status, u.official_result, u.official_data_version, u.rechecked_at';

/** Notes each use unless its decision already has one of that kind and subject; returns how many were new. */
export async function insertProvisionalUses(tx: Tx, uses: readonly ProvisionalUse[]): Promise<number> {
  let inserted = 0;
  for (const u of uses) {
    const returned = await tx.query(
      'INSERT INTO provisional_calendar_use (id, decision_id, kind, subject, revision, step, event, seq, rule, legal_basis, year, inputs, provisional_result, calendar_data_version, noted_at, status) ' +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING RETURNING id",
      [
        u.id,
        u.decisionId,
        u.kind,
        u.subject,
        u.revision,
        u.step,
        u.event,
        u.seq,
        u.rule,
        JSON.stringify(u.legalBasis),
        u.year,
        JSON.stringify(u.inputs),
        JSON.stringify(u.result),
        u.calendarDataVersion,
        u.notedAt,
      ],
    );
    inserted += returned.length;
  }
  return inserted;
}

/** The years the log holds uses of. */
export async function loggedYears(tx: Tx): Promise<number[]> {
  const rows = await tx.query<{ year: number | string }>('SELECT DISTINCT year FROM provisional_calendar_use');
  return rows.map((r) => Number(r.year));
}

/** Uses of these years not yet checked on `dataVersion`, after `afterId`, in id order. */
export function usesToRecheck(tx: Tx, years: readonly number[], dataVersion: string, afterId: string, limit: number): Promise<ProvisionalUseSqlRow[]> {
  return tx.query<ProvisionalUseSqlRow & Row>(
    `SELECT ${PROVISIONAL_USE_COLUMNS} FROM provisional_calendar_use u
      WHERE u.year IN (${years.map(() => '?').join(', ')}) AND (u.official_data_version IS NULL OR u.official_data_version <> ?) AND u.id > ?
      ORDER BY u.id LIMIT ?`,
    [...years, dataVersion, afterId, limit],
  );
}

export function recordRecheck(tx: Tx, id: string, r: { status: ProvisionalUseStatus; official: Record<string, unknown>; dataVersion: string; at: string }): Promise<number> {
  return tx.execute('UPDATE provisional_calendar_use SET status = ?, official_result = ?, official_data_version = ?, rechecked_at = ? WHERE id = ?', [
    r.status,
    JSON.stringify(r.official),
    r.dataVersion,
    r.at,
    id,
  ]);
}

export interface OpenDecisionRow {
  id: string;
  definition_id: string;
  definition_version: number;
  snapshot: string;
}

/** Incomplete decisions with an id after `afterId`, in id order (keyset paging). */
export function openDecisionsAfter(tx: Tx, afterId: string, limit: number): Promise<OpenDecisionRow[]> {
  return tx.query<OpenDecisionRow & Row>('SELECT id, definition_id, definition_version, snapshot FROM decision WHERE complete = ? AND id > ? ORDER BY id LIMIT ?', [
    false,
    afterId,
    limit,
  ]);
}

/** Whether the pass over the open decisions was made on this calendar data. */
export async function passMade(tx: Tx, dataVersion: string): Promise<boolean> {
  return (await tx.query('SELECT 1 AS made FROM provisional_calendar_pass WHERE data_version = ?', [dataVersion])).length > 0;
}

export function recordPass(tx: Tx, dataVersion: string, noted: number, at: string): Promise<number> {
  return tx.execute('INSERT INTO provisional_calendar_pass (data_version, noted, passed_at) VALUES (?, ?, ?) ON CONFLICT (data_version) DO NOTHING', [dataVersion, noted, at]);
}
