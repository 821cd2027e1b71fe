import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units can be deactivated (撤销、合并): an inactive unit stays in the tables, because decisions and
 * their record name it, but no payload, catalog item, new unit or enabled account may name it any
 * more. Every unit existing before this migration is active; its `updated_at` is empty until its
 * first change (read as its creation time).
 *
 * Plain ALTER TABLE … ADD COLUMN on both dialects: TypeORM's addColumn would rebuild the SQLite
 * table, which other tables reference.
 */
export class OrgUnitActive1796000003000 implements MigrationInterface {
  name = 'OrgUnitActive1796000003000';

  async up(q: QueryRunner): Promise<void> {
    const yes = q.connection.driver.options.type === 'postgres' ? 'true' : '1';
    await q.query(`ALTER TABLE org_unit ADD COLUMN active boolean NOT NULL DEFAULT ${yes}`);
    await q.query('ALTER TABLE org_unit ADD COLUMN updated_at varchar(30)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE org_unit DROP COLUMN updated_at');
    await q.query('ALTER TABLE org_unit DROP COLUMN active');
  }
}
