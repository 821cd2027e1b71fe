import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/transaction-runner';
import type { AdminAction, AdminTargetKind } from './admin-labels';

/** Who acted: the account as it signed in. Null for the service itself (the first administrator, a migration). */
export interface AdminLogActor {
  userId: string;
  username: string;
}

/**
 * One administrator's action as the admin log (管理操作日志) keeps it: who, when, what, on which unit
 * or account, and the fields it changed before and after. Never a password or its hash: a state
 * that names one is refused before anything is written (see assertNoSecret).
 */
export interface AdminLogEntry {
  action: AdminAction;
  actor: AdminLogActor | null;
  targetKind: AdminTargetKind;
  targetId: string;
  /** The changed fields as they were; null for a creation or an action that changes no shown field (a password reset). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string | null;
  /** ISO-8601 UTC, the instant of the change (the same as the row's `updatedAt`). */
  at: string;
}

/** Member names that would carry a credential. */
const SECRET = /password|hash|secret|token/i;

/** Throws when a logged state names a credential, at any depth: the log shows who changed a password, never the password. */
export function assertNoSecret(state: unknown, path = 'state'): void {
  if (Array.isArray(state)) state.forEach((v, i) => assertNoSecret(v, `${path}[${i}]`));
  else if (typeof state === 'object' && state !== null) {
    for (const [k, v] of Object.entries(state)) {
      if (SECRET.test(k)) throw new Error(`the admin log keeps no credentials: ${path}.${k}`);
      assertNoSecret(v, `${path}.${k}`);
    }
  }
}

/**
 * Appends an entry inside the caller's unit of work, so that the action and its entry commit
 * together or not at all. The table only grows: the database refuses UPDATE and DELETE of it
 * (migration 1796000007000-admin-log-and-unit-names).
 */
export async function appendAdminLog(tx: Tx, e: AdminLogEntry): Promise<void> {
  assertNoSecret(e.before, 'before');
  assertNoSecret(e.after, 'after');
  await tx.execute(
    `INSERT INTO admin_log (id, recorded_at, action, actor_id, actor_username, target_kind, target_id, before_state, after_state, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      e.at,
      e.action,
      e.actor?.userId ?? null,
      e.actor?.username ?? null,
      e.targetKind,
      e.targetId,
      e.before ? JSON.stringify(e.before) : null,
      e.after ? JSON.stringify(e.after) : null,
      e.note ?? null,
    ],
  );
}
