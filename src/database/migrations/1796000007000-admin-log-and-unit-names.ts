import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The name a unit gets when it shares its name with another unit under the same parent. */
export const DUPLICATE_NAME_SUFFIX = (n: number) => `（重名${n}）`;

/** The note of the admin log entry that says a migration renamed a unit. */
export const DUPLICATE_RENAME_NOTE = '升级时发现同一上级单位下有同名单位，自动加注后缀以便区分：请系统管理员核实后更名或者停用';

/** Longest unit name (org_unit.name is varchar(200)). */
const NAME_MAX = 200;

/** The PostgreSQL trigger function of 1796000004000-append-only-record, which every append-only table calls. */
const PG_APPEND_ONLY_FUNCTION = 'refuse_append_only_change';
const APPEND_ONLY_MESSAGE = '只能追加，不得修改或者删除 (append-only)';

/** The append-only triggers of admin_log, by dialect (the same as those of the record). */
export function adminLogTriggers(dialect: 'postgres' | 'sqlite'): Array<{ name: string; create: string; drop: string }> {
  if (dialect === 'sqlite') {
    return (['update', 'delete'] as const).map((op) => ({
      name: `admin_log_no_${op}`,
      create: `CREATE TRIGGER admin_log_no_${op} BEFORE ${op.toUpperCase()} ON admin_log BEGIN SELECT RAISE(ABORT, 'admin_log ${APPEND_ONLY_MESSAGE}'); END`,
      drop: `DROP TRIGGER IF EXISTS admin_log_no_${op}`,
    }));
  }
  return [
    {
      name: 'admin_log_append_only',
      create: `CREATE TRIGGER admin_log_append_only BEFORE UPDATE OR DELETE ON admin_log FOR EACH ROW EXECUTE FUNCTION ${PG_APPEND_ONLY_FUNCTION}()`,
      drop: 'DROP TRIGGER IF EXISTS admin_log_append_only ON admin_log',
    },
    {
      name: 'admin_log_no_truncate',
      create: `CREATE TRIGGER admin_log_no_truncate BEFORE TRUNCATE ON admin_log FOR EACH STATEMENT EXECUTE FUNCTION ${PG_APPEND_ONLY_FUNCTION}()`,
      drop: 'DROP TRIGGER IF EXISTS admin_log_no_truncate ON admin_log',
    },
  ];
}

interface UnitSqlRow {
  id: string;
  name: string;
  parent_id: string | null;
  active: number | boolean;
  created_at: string;
}

/**
 * Three things:
 *
 * 1. **The admin log** (管理操作日志, table `admin_log`): who changed which unit or account, when,
 *    and the changed fields before and after. Append-only like the record: triggers refuse UPDATE
 *    and DELETE (and TRUNCATE on PostgreSQL), with the trigger function of 1796000004000. Read newest
 *    first, whole or by action (GET /audit/admin-log).
 *
 * 2. **One name per unit under a parent.** Two units of the same name under the same parent (two
 *    「区发改局」 under 前进区人民政府) cannot be told apart in any list, so a unique index on
 *    (parent, name) refuses them; units at the top (no parent) count as siblings. Inactive units
 *    keep their name too: a dissolved unit's name stays in the decisions and logs that show it, so
 *    a new unit may take it only after the old one is renamed (or the old one is activated again).
 *    A database of an earlier release may hold such duplicates: the first of each group (active
 *    before inactive, then the oldest) keeps its name, each other gets the suffix （重名2）,
 *    （重名3）… (a free one), and each renaming is written to the admin log with no actor and a note,
 *    so that an administrator sees what changed and why. Nothing is deleted.
 *
 * 3. **The review rounds' index**: a partial index on the record rows that open a legality review
 *    round (SUBMIT_LEGALITY_REVIEW), so that the review desk pages its rounds from an index rather
 *    than reading every record row; the other events' inserts do not touch it.
 *
 * Plain SQL on both dialects: no table is rebuilt (the record's triggers would be lost on SQLite).
 */
export class AdminLogAndUnitNames1796000007000 implements MigrationInterface {
  name = 'AdminLogAndUnitNames1796000007000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const sql = (text: string) => (pg ? numbered(text) : text);

    await q.query(
      `CREATE TABLE admin_log (
         id varchar(36) NOT NULL PRIMARY KEY,
         recorded_at varchar(30) NOT NULL,
         action varchar(48) NOT NULL,
         actor_id varchar(36),
         actor_username varchar(64),
         target_kind varchar(16) NOT NULL,
         target_id varchar(36) NOT NULL,
         before_state text,
         after_state text,
         note text
       )`,
    );
    await q.query('CREATE INDEX ix_admin_log_time ON admin_log (recorded_at, id)');
    await q.query('CREATE INDEX ix_admin_log_action ON admin_log (action, recorded_at, id)');
    for (const trigger of adminLogTriggers(pg ? 'postgres' : 'sqlite')) await q.query(trigger.create);

    const units = (await q.query('SELECT id, name, parent_id, active, created_at FROM org_unit ORDER BY created_at, id')) as UnitSqlRow[];
    const now = new Date().toISOString();
    for (const rename of duplicateRenames(units)) {
      await q.query(sql('UPDATE org_unit SET name = ?, updated_at = ? WHERE id = ?'), [rename.to, now, rename.id]);
      await q.query(
        sql(
          `INSERT INTO admin_log (id, recorded_at, action, actor_id, actor_username, target_kind, target_id, before_state, after_state, note)
           VALUES (?, ?, 'ORG_UNIT_RENAMED', NULL, NULL, 'org_unit', ?, ?, ?, ?)`,
        ),
        [randomUUID(), now, rename.id, JSON.stringify({ name: rename.from }), JSON.stringify({ name: rename.to }), DUPLICATE_RENAME_NOTE],
      );
    }
    // Both dialects take an expression in parentheses; a unit at the top has no parent, and NULLs are never equal.
    await q.query("CREATE UNIQUE INDEX ux_org_unit_parent_name ON org_unit ((COALESCE(parent_id, '')), name)");

    await q.query("CREATE INDEX ix_record_review_rounds ON procedure_record (decision_id, seq) WHERE type = 'SUBMIT_LEGALITY_REVIEW'");
  }

  /** The indexes and the log go; names given a suffix keep it. */
  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query('DROP INDEX ix_record_review_rounds');
    await q.query('DROP INDEX ux_org_unit_parent_name');
    for (const trigger of adminLogTriggers(pg ? 'postgres' : 'sqlite')) await q.query(trigger.drop);
    await q.query('DROP TABLE admin_log');
  }
}

/**
 * The renamings that make every (parent, name) unique: per group of duplicates, the first (active
 * before inactive, then the oldest) keeps its name, each other takes the first free suffix.
 */
export function duplicateRenames(units: readonly UnitSqlRow[]): Array<{ id: string; from: string; to: string }> {
  const groups = new Map<string, UnitSqlRow[]>();
  const taken = new Set<string>();
  const key = (parent: string | null, name: string) => `${parent ?? ''}\u0000${name}`;
  for (const u of units) {
    const k = key(u.parent_id, u.name);
    taken.add(k);
    groups.set(k, [...(groups.get(k) ?? []), u]);
  }
  const active = (u: UnitSqlRow) => u.active === true || Number(u.active) === 1;
  const out: Array<{ id: string; from: string; to: string }> = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [, ...others] = [...group].sort((a, b) => Number(active(b)) - Number(active(a)) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    let n = 2;
    for (const u of others) {
      let to: string;
      do {
        const suffix = DUPLICATE_NAME_SUFFIX(n++);
        to = `${[...u.name].slice(0, NAME_MAX - suffix.length).join('')}${suffix}`;
      } while (taken.has(key(u.parent_id, to)));
      taken.add(key(u.parent_id, to));
      out.push({ id: u.id, from: u.name, to });
    }
  }
  return out;
}

/** `?` placeholders as PostgreSQL numbers them. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
