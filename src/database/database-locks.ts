import type { Tx } from './transaction-runner';

/**
 * PostgreSQL advisory lock keys, all in one place so that two features never share a key by
 * accident. Advisory locks are per database: every schema on the server's database shares them.
 */
export enum DatabaseLock {
  /** The scheduled overdue scan: one instance at a time (`pg_try_advisory_xact_lock`). */
  DeadlineScan = 713_0001,
  /** Making a checkpoint: one instance at a time, so that the chain of checkpoints never forks. */
  Checkpoint = 713_0002,
}

/**
 * Takes `lock` for the rest of the transaction if no other session holds it; false when one does.
 * PostgreSQL only: on SQLite the write lock already makes every unit of work exclusive.
 */
export async function tryTransactionLock(tx: Tx, lock: DatabaseLock): Promise<boolean> {
  const [row] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(?) AS locked', [lock]);
  return row?.locked === true;
}
