import type { Row, Tx } from '../database/transaction-runner';
import { VIOLATION_COLUMNS, type ViolationSqlRow } from '../decisions/decisions.repository';
import { actorNamesSql } from '../engine/actor-names';

export interface ViolationFilter {
  /** The organs asked for (null: every organ, rows without an organ included). */
  organIds: string[] | null;
  /** The codes asked for (null: every code). */
  codes: string[] | null;
  /** attempted_at ≥ since, < before (ISO-8601 UTC strings, which compare as text). */
  since?: string;
  before?: string;
}

export interface AuditViolationSqlRow extends ViolationSqlRow {
  decision_title: string | null;
  organ_name: string | null;
}

const ORDER = 'ORDER BY attempted_at DESC, id DESC';
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The conditions of one index range: an organ (ix_violation_organ) or a code (ix_violation_code)
 * or none (ix_violation_list), each ending in (attempted_at, id), and the day range on it.
 */
function where(organIds: string[] | null, codes: string[] | null, f: ViolationFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (organIds) {
    conditions.push(organIds.length === 1 ? 'organ_id = ?' : `organ_id IN (${marks(organIds.length)})`);
    params.push(...organIds);
  }
  if (codes) {
    conditions.push(codes.length === 1 ? 'code = ?' : `code IN (${marks(codes.length)})`);
    params.push(...codes);
  }
  if (f.since !== undefined) {
    conditions.push('attempted_at >= ?');
    params.push(f.since);
  }
  if (f.before !== undefined) {
    conditions.push('attempted_at < ?');
    params.push(f.before);
  }
  return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * One page of refused attempts, newest first, and how many there are in all. The page's ids come
 * from the indexes alone; only the page's rows are then read whole, with their decision, organ and
 * actor by name. Several codes (a category) over every organ are read a code at a time, each branch
 * newest first up to the end of the page, and merged: every branch reads its own index range and
 * stops, instead of sorting every row of the category.
 */
export async function listViolations(tx: Tx, f: ViolationFilter, offset: number, limit: number): Promise<{ rows: AuditViolationSqlRow[]; total: number }> {
  if (f.organIds?.length === 0 || f.codes?.length === 0) return { rows: [], total: 0 };
  const all = where(f.organIds, f.codes, f);
  const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM violation_attempt${all.sql}`, all.params);
  const total = Number(count.n);
  if (total === 0 || offset >= total) return { rows: [], total };

  let page: Array<{ id: string }>;
  if (f.organIds === null && f.codes && f.codes.length > 1) {
    const upTo = Math.min(offset + limit, total);
    const branches = f.codes.map((code) => where(null, [code], f));
    const union = branches.map((b, i) => `SELECT id, attempted_at FROM (SELECT id, attempted_at FROM violation_attempt${b.sql} ${ORDER} LIMIT ?) b${i}`).join(' UNION ALL ');
    page = await tx.query<{ id: string } & Row>(`SELECT id FROM (${union}) m ${ORDER} LIMIT ? OFFSET ?`, [...branches.flatMap((b) => [...b.params, upTo]), limit, offset]);
  } else {
    page = await tx.query<{ id: string } & Row>(`SELECT id FROM violation_attempt${all.sql} ${ORDER} LIMIT ? OFFSET ?`, [...all.params, limit, offset]);
  }
  if (!page.length) return { rows: [], total };

  const names = actorNamesSql(tx.dialect, 'v');
  const rows = await tx.query<AuditViolationSqlRow & Row>(
    `SELECT ${VIOLATION_COLUMNS}, d.title AS decision_title, o.name AS organ_name, ${names.columns}
       FROM violation_attempt v
       LEFT JOIN decision d ON d.id = v.decision_id
       LEFT JOIN org_unit o ON o.id = v.organ_id
       ${names.joins}
      WHERE v.id IN (${marks(page.length)})
      ORDER BY v.attempted_at DESC, v.id DESC`,
    page.map((r) => r.id),
  );
  return { rows, total };
}
