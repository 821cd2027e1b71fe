/**
 * SQL of `GET /audit/incomplete`: a page of decision ids chosen from the indexes alone (newest
 * first), then only for that page the rows, the dates the record claims, the overdue scan's rows,
 * the refused skips and the unit names. Nothing here grows with the number of decisions but the
 * COUNT, which reads an index.
 */
import type { ClaimedDate } from '../../workflows/definition';
import type { Row, Tx } from '../database/transaction-runner';
import type { IncompleteKind } from './incomplete.dto';

export interface IncompleteFilter {
  kind: IncompleteKind;
  year?: number;
  /** null: every organ. */
  organIds: string[] | null;
}

export interface AuditDecisionRow {
  id: string;
  title: string;
  organ_id: string;
  undertaking_unit_id: string;
  year: number;
  stage: string;
  revision: number;
  complete: boolean | number;
  definition_id: string;
  definition_version: number;
  snapshot: string;
}

/** A record row with the date its payload claims (extracted in the SQL, so that no payload is read whole). */
export interface ClaimRow {
  decision_id: string;
  seq: number;
  revision: number;
  type: string;
  recorded_at: string;
  claimed_on: string | null;
}

export interface OverdueStepSqlRow {
  decision_id: string;
  revision: number;
  step: string;
  due_on: string;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * `CASE type WHEN … THEN <the payload's date field> END` over every event type of every definition.
 * Field and type names are code, never input; they are checked all the same before they enter SQL.
 */
export function claimedDateSql(dialect: Tx['dialect'], claims: ReadonlyMap<string, ClaimedDate>): string {
  const byField = new Map<string, string[]>();
  for (const [type, { field }] of claims) {
    if (!IDENTIFIER.test(field) || !IDENTIFIER.test(type)) throw new Error(`not an identifier: ${type}.${field}`);
    byField.set(field, [...(byField.get(field) ?? []), type]);
  }
  if (byField.size === 0) return 'NULL';
  const extract = (field: string) => (dialect === 'postgres' ? `(r.payload::jsonb ->> ${quote(field)})` : `json_extract(r.payload, ${quote(`$.${field}`)})`);
  const branches = [...byField].map(([field, types]) => `WHEN r.type IN (${types.map(quote).join(', ')}) THEN ${extract(field)}`);
  return `CASE ${branches.join(' ')} END`;
}

export class IncompleteRepository {
  /** One page of decision ids, newest first, and the total: read from the decision indexes (and overdue_step's key). */
  async page(tx: Tx, f: IncompleteFilter, offset: number, limit: number): Promise<{ ids: string[]; total: number }> {
    if (f.organIds && f.organIds.length === 0) return { ids: [], total: 0 };
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (f.kind !== 'late') {
      conditions.push('d.complete = ?');
      params.push(false);
    }
    if (f.organIds) {
      conditions.push(f.organIds.length === 1 ? 'd.organ_id = ?' : `d.organ_id IN (${marks(f.organIds.length)})`);
      params.push(...f.organIds);
    }
    if (f.year !== undefined) {
      conditions.push('d.year = ?');
      params.push(f.year);
    }
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    if (f.kind === 'overdue' || f.kind === 'late') {
      // The overdue steps are few beside the decisions: the search starts from them and looks each
      // decision up by its key (an index holding the filter columns and the sort key), rather than
      // probing overdue_step once per decision of the year.
      // The join is made once: the page and the total come from the same pass (a window count over
      // the distinct decisions); only a page past the end asks for the total on its own.
      const from = 'FROM overdue_step o JOIN decision d ON d.id = o.decision_id AND d.revision = o.revision';
      const rows = await tx.query<{ id: string; total: number | string }>(
        `SELECT x.id, COUNT(*) OVER () AS total FROM (SELECT DISTINCT d.id, d.created_at ${from}${where}) x ORDER BY x.created_at DESC, x.id DESC LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      if (rows.length) return { ids: rows.map((r) => r.id), total: Number(rows[0].total) };
      const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(DISTINCT d.id) AS n ${from}${where}`, params);
      return { ids: [], total: Number(count.n) };
    }
    const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM decision d${where}`, params);
    const total = Number(count.n);
    if (total === 0 || offset >= total) return { ids: [], total };
    const rows = await tx.query<{ id: string }>(`SELECT d.id FROM decision d${where} ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return { ids: rows.map((r) => r.id), total };
  }

  async decisions(tx: Tx, ids: string[]): Promise<AuditDecisionRow[]> {
    return tx.query<AuditDecisionRow & Row>(
      `SELECT id, title, organ_id, undertaking_unit_id, year, stage, revision, complete, definition_id, definition_version, snapshot
         FROM decision WHERE id IN (${marks(ids.length)})`,
      ids,
    );
  }

  /** Every record row of the decisions, with the date its payload claims (null for a type that claims none). */
  async claims(tx: Tx, ids: string[], claimed: string): Promise<ClaimRow[]> {
    return tx.query<ClaimRow & Row>(
      `SELECT r.decision_id, r.seq, r.revision, r.type, r.recorded_at, ${claimed} AS claimed_on
         FROM procedure_record r WHERE r.decision_id IN (${marks(ids.length)}) ORDER BY r.decision_id, r.seq`,
      ids,
    );
  }

  async overdueSteps(tx: Tx, ids: string[]): Promise<OverdueStepSqlRow[]> {
    return tx.query<OverdueStepSqlRow & Row>(`SELECT decision_id, revision, step, due_on FROM overdue_step WHERE decision_id IN (${marks(ids.length)})`, ids);
  }

  /** The decisions among `ids` with at least one stored refusal whose code is one of `codes`. */
  async attempted(tx: Tx, ids: string[], codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await tx.query<{ decision_id: string }>(
      `SELECT DISTINCT decision_id FROM violation_attempt WHERE decision_id IN (${marks(ids.length)}) AND code IN (${marks(codes.length)})`,
      [...ids, ...codes],
    );
    return new Set(rows.map((r) => r.decision_id));
  }

  async unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE id IN (${marks(unique.length)})`, unique);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
