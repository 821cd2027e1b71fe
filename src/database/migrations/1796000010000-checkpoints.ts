import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL trigger function of 1796000004000-append-only-record, which every append-only table calls. */
const PG_APPEND_ONLY_FUNCTION = 'refuse_append_only_change';
const APPEND_ONLY_MESSAGE = '只能追加，不得修改或者删除 (append-only)';

export const CHECKPOINT_TABLES = ['checkpoint', 'checkpoint_leaf'] as const;

/** The append-only triggers of the checkpoint tables, by dialect (the same as those of the record). */
export function checkpointTriggers(dialect: 'postgres' | 'sqlite'): Array<{ name: string; create: string; drop: string }> {
  return CHECKPOINT_TABLES.flatMap((table) => {
    if (dialect === 'sqlite') {
      return (['update', 'delete'] as const).map((op) => ({
        name: `${table}_no_${op}`,
        create: `CREATE TRIGGER ${table}_no_${op} BEFORE ${op.toUpperCase()} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} ${APPEND_ONLY_MESSAGE}'); END`,
        drop: `DROP TRIGGER IF EXISTS ${table}_no_${op}`,
      }));
    }
    return [
      {
        name: `${table}_append_only`,
        create: `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${PG_APPEND_ONLY_FUNCTION}()`,
        drop: `DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`,
      },
      {
        name: `${table}_no_truncate`,
        create: `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${PG_APPEND_ONLY_FUNCTION}()`,
        drop: `DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`,
      },
    ];
  });
}

/**
 * Signed checkpoints of the record (README, "Checkpoints"), append-only like the record:
 *
 * - `checkpoint`: one row per checkpoint, as `GET /public/checkpoints` serves it (seq, when, counts,
 *   Merkle root, the previous checkpoint's hash, key id, signature).
 * - `checkpoint_leaf`: the leaves (decision chain heads) of each checkpoint, stored only where they
 *   changed: a checkpoint's leaf for a decision is the row with the greatest `checkpoint_seq` up to
 *   it; a row with `hash` NULL says the decision is no longer covered. Ordered by the primary key
 *   (decision, checkpoint) for a decision's heads, by (checkpoint, decision) for replaying them. On
 *   PostgreSQL the decision id sorts bytewise (COLLATE "C"), as the tree orders its leaves.
 *
 * The rows are public data, but verification does not trust them: it rebuilds each signed root
 * from the record as it is (src/checkpoints/checkpoint-verifier.ts). No existing data changes.
 */
export class Checkpoints1796000010000 implements MigrationInterface {
  name = 'Checkpoints1796000010000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const bytewise = pg ? ' COLLATE "C"' : '';
    await q.query(
      `CREATE TABLE checkpoint (
         seq integer NOT NULL PRIMARY KEY,
         at varchar(30) NOT NULL,
         decisions integer NOT NULL,
         events bigint NOT NULL,
         root varchar(64) NOT NULL,
         prev_checkpoint_hash varchar(64) NOT NULL,
         key_id varchar(64) NOT NULL,
         signature text NOT NULL
       )`,
    );
    await q.query(
      `CREATE TABLE checkpoint_leaf (
         checkpoint_seq integer NOT NULL REFERENCES checkpoint (seq),
         decision_id varchar(36)${bytewise} NOT NULL,
         seq integer NOT NULL,
         hash varchar(64),
         PRIMARY KEY (decision_id, checkpoint_seq)
       )`,
    );
    await q.query('CREATE INDEX ix_checkpoint_leaf_replay ON checkpoint_leaf (checkpoint_seq, decision_id)');
    for (const trigger of checkpointTriggers(pg ? 'postgres' : 'sqlite')) await q.query(trigger.create);
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    for (const trigger of checkpointTriggers(pg ? 'postgres' : 'sqlite')) await q.query(trigger.drop);
    await q.query('DROP TABLE checkpoint_leaf');
    await q.query('DROP TABLE checkpoint');
  }
}
