/**
 * What an insider with the database's own rights can do, for tests of what the record's defences
 * still find: the append-only triggers on the record and the refusals are set aside (dropped and
 * re-created on SQLite, disabled and enabled on PostgreSQL) while `fn` changes rows directly.
 */
import type { Tx } from '../../src/database/transaction-runner';
import type { TestApp } from './test-app';

const GUARDED = ['procedure_record', 'violation_attempt'];

export async function asInsider(t: Pick<TestApp, 'tx'>, fn: (tx: Tx) => Promise<void>): Promise<void> {
  await t.tx.write(async (tx) => {
    if (tx.dialect === 'postgres') {
      for (const table of GUARDED) await tx.execute(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await fn(tx);
      for (const table of GUARDED) await tx.execute(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      return;
    }
    const marks = GUARDED.map(() => '?').join(', ');
    const triggers = await tx.query<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${marks})`, GUARDED);
    for (const trigger of triggers) await tx.execute(`DROP TRIGGER "${trigger.name}"`);
    await fn(tx);
    for (const trigger of triggers) await tx.execute(trigger.sql);
  });
}
