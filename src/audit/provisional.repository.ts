/** SQL of GET /audit/provisional: the provisional calendar's log, in the caller's audit scope. */
import { PROVISIONAL_USE_COLUMNS, type ProvisionalUseKind, type ProvisionalUseSqlRow, type ProvisionalUseStatus } from '../calendar/provisional-log.repository';
import type { Row, Tx } from '../database/transaction-runner';

export interface ProvisionalFilter {
  /** The organs asked for (null: every organ). */
  organIds: string[] | null;
  year?: number;
  status?: ProvisionalUseStatus;
  kind?: ProvisionalUseKind;
}

export interface AuditProvisionalSqlRow extends ProvisionalUseSqlRow {
  title: string;
  organ_id: string;
  organ_name: string | null;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function where(f: ProvisionalFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (f.year !== undefined) {
    conditions.push('u.year = ?');
    params.push(f.year);
  }
  if (f.status !== undefined) {
    conditions.push('u.status = ?');
    params.push(f.status);
  }
  if (f.kind !== undefined) {
    conditions.push('u.kind = ?');
    params.push(f.kind);
  }
  if (f.organIds) {
    conditions.push(f.organIds.length === 1 ? 'd.organ_id = ?' : `d.organ_id IN (${marks(f.organIds.length)})`);
    params.push(...f.organIds);
  }
  return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', params };
}

/** One page of uses, newest noted first, with their decision and organ by name, and how many there are in all. */
export async function listProvisionalUses(tx: Tx, f: ProvisionalFilter, offset: number, limit: number): Promise<{ rows: AuditProvisionalSqlRow[]; total: number }> {
  if (f.organIds?.length === 0) return { rows: [], total: 0 };
  const w = where(f);
  const from = 'FROM provisional_calendar_use u JOIN decision d ON d.id = u.decision_id';
  const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n ${from}${w.sql}`, w.params);
  const total = Number(count.n);
  if (total === 0 || offset >= total) return { rows: [], total };
  const rows = await tx.query<AuditProvisionalSqlRow & Row>(
    `SELECT ${PROVISIONAL_USE_COLUMNS}, d.title, d.organ_id, o.name AS organ_name
       ${from} LEFT JOIN org_unit o ON o.id = d.organ_id${w.sql}
      ORDER BY u.noted_at DESC, u.id DESC LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  );
  return { rows, total };
}

/** Of these decisions, those with a use not yet checked on an official schedule. */
export async function decisionsWithPendingUses(tx: Tx, decisionIds: readonly string[]): Promise<Set<string>> {
  if (!decisionIds.length) return new Set();
  const rows = await tx.query<{ decision_id: string }>(
    `SELECT DISTINCT decision_id FROM provisional_calendar_use WHERE status = 'pending' AND decision_id IN (${marks(decisionIds.length)})`,
    decisionIds,
  );
  return new Set(rows.map((r) => r.decision_id));
}
