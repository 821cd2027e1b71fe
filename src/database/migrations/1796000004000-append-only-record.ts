import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The tables that only ever grow: the hash-chained record and the refused attempts. */
export const APPEND_ONLY_TABLES = ['procedure_record', 'violation_attempt'] as const;

/** The message of the database's refusal (SQLite RAISE, PostgreSQL exception). */
export const APPEND_ONLY_MESSAGE = '只能追加，不得修改或者删除 (append-only)';

/** PostgreSQL: the one trigger function every guarded table calls. */
const PG_FUNCTION = 'refuse_append_only_change';

/** The triggers of each table, by dialect (also used by tests that play an insider dropping them). */
export function appendOnlyTriggers(dialect: 'postgres' | 'sqlite', table: (typeof APPEND_ONLY_TABLES)[number]): Array<{ name: string; create: string; drop: string }> {
  if (dialect === 'sqlite') {
    return (['update', 'delete'] as const).map((op) => {
      const name = `${table}_no_${op}`;
      return {
        name,
        create: `CREATE TRIGGER ${name} BEFORE ${op.toUpperCase()} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} ${APPEND_ONLY_MESSAGE}'); END`,
        drop: `DROP TRIGGER IF EXISTS ${name}`,
      };
    });
  }
  return [
    {
      name: `${table}_append_only`,
      create: `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${PG_FUNCTION}()`,
      drop: `DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`,
    },
    {
      // TRUNCATE fires no row trigger: it has a statement trigger of its own.
      name: `${table}_no_truncate`,
      create: `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${PG_FUNCTION}()`,
      drop: `DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`,
    },
  ];
}

/**
 * The record (procedure_record) and the refused attempts (violation_attempt) are append-only in
 * the database itself, not only in the code: an UPDATE, DELETE (or, on PostgreSQL, TRUNCATE) of
 * either is refused by a trigger — RAISE(ABORT) on SQLite, a plpgsql function raising
 * insufficient_privilege on PostgreSQL. No code path of the service changes or deletes their rows;
 * the one migration that did (1796000002000-bounded-refusals, which cut oversized refused payloads)
 * runs before this one. An owner of the tables can still drop the triggers: in production the
 * service's role should not own them, and should hold only SELECT and INSERT on them (README,
 * Security). Whoever drops them and changes a record row is still found by the chain verifier.
 *
 * A later migration must not rebuild either table on SQLite (TypeORM's addColumn/changeColumn copy
 * the table into a new one, which has no triggers): use plain ALTER TABLE, as the others do.
 *
 * And the indexes of the refused attempts' lists, each ending in their order (attempted_at, id):
 * GET /audit/violations for every organ, for one organ (an office; the code after the order, so that
 * a code or category filter on the organ's rows, and its count, read the index alone), for one code
 * (a category is a list of codes, read a code at a time and merged), and
 * GET /decisions/:id/violations. Two of them replace the shorter ones of 1764300000000.
 */
export class AppendOnlyRecord1796000004000 implements MigrationInterface {
  name = 'AppendOnlyRecord1796000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_violation_time');
    await q.query('DROP INDEX ix_violation_decision');
    await q.createIndices('violation_attempt', [
      new TableIndex({ name: 'ix_violation_list', columnNames: ['attempted_at', 'id'] }),
      new TableIndex({ name: 'ix_violation_organ', columnNames: ['organ_id', 'attempted_at', 'id', 'code'] }),
      new TableIndex({ name: 'ix_violation_code', columnNames: ['code', 'attempted_at', 'id'] }),
      new TableIndex({ name: 'ix_violation_decision_time', columnNames: ['decision_id', 'attempted_at', 'id'] }),
    ]);

    const pg = q.connection.driver.options.type === 'postgres';
    if (pg) {
      await q.query(
        `CREATE OR REPLACE FUNCTION ${PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% ${APPEND_ONLY_MESSAGE}: %', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`,
      );
    }
    for (const table of APPEND_ONLY_TABLES) {
      for (const trigger of appendOnlyTriggers(pg ? 'postgres' : 'sqlite', table)) await q.query(trigger.create);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    for (const table of APPEND_ONLY_TABLES) {
      for (const trigger of appendOnlyTriggers(pg ? 'postgres' : 'sqlite', table)) await q.query(trigger.drop);
    }
    if (pg) await q.query(`DROP FUNCTION IF EXISTS ${PG_FUNCTION}()`);
    for (const name of ['ix_violation_decision_time', 'ix_violation_code', 'ix_violation_organ', 'ix_violation_list']) {
      await q.query(`DROP INDEX ${name}`);
    }
    await q.createIndices('violation_attempt', [
      new TableIndex({ name: 'ix_violation_decision', columnNames: ['decision_id'] }),
      new TableIndex({ name: 'ix_violation_time', columnNames: ['attempted_at'] }),
    ]);
  }
}
