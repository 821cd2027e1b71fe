import type { Row, Tx } from '../database/transaction-runner';

/** An admin log row with the names read now: the actor's display name, the target unit's or account's name. */
export interface AdminLogSqlRow {
  id: string;
  recorded_at: string;
  action: string;
  actor_id: string | null;
  actor_username: string | null;
  target_kind: string;
  target_id: string;
  before_state: string | null;
  after_state: string | null;
  note: string | null;
  actor_display_name: string | null;
  target_unit_name: string | null;
  target_user_name: string | null;
  target_username: string | null;
}

export interface AdminLogFilter {
  /** recorded_at ≥ since, < before (ISO-8601 UTC strings, which compare as text). */
  since?: string;
  before?: string;
  action?: string;
}

const ORDER = 'ORDER BY recorded_at DESC, id DESC';

/**
 * One page of the admin log, newest first, and how many entries there are in all. The page is
 * chosen on an index (ix_admin_log_time, or ix_admin_log_action for one action); the names are
 * joined for the page's rows only.
 */
export async function listAdminLog(tx: Tx, f: AdminLogFilter, offset: number, limit: number): Promise<{ rows: AdminLogSqlRow[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    conditions.push(condition);
    params.push(value);
  };
  add('action = ?', f.action);
  add('recorded_at >= ?', f.since);
  add('recorded_at < ?', f.before);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const [count] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM admin_log${where}`, params);
  const total = Number(count.n);
  if (total === 0 || offset >= total) return { rows: [], total };
  const rows = await tx.query<AdminLogSqlRow & Row>(
    `SELECT l.id, l.recorded_at, l.action, l.actor_id, l.actor_username, l.target_kind, l.target_id, l.before_state, l.after_state, l.note,
            a.display_name AS actor_display_name, u.name AS target_unit_name, tu.display_name AS target_user_name, tu.username AS target_username
       FROM (SELECT * FROM admin_log${where} ${ORDER} LIMIT ? OFFSET ?) l
       LEFT JOIN app_user a ON a.id = l.actor_id
       LEFT JOIN org_unit u ON l.target_kind = 'org_unit' AND u.id = l.target_id
       LEFT JOIN app_user tu ON l.target_kind = 'user' AND tu.id = l.target_id
      ORDER BY l.recorded_at DESC, l.id DESC`,
    [...params, limit, offset],
  );
  return { rows, total };
}
