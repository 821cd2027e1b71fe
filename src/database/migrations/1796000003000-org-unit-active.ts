import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Units can be deactivated (撤销、合并): an inactive unit stays in the tables, because decisions and
 * their record name it, but no payload, catalog item or new unit may name it any more. Every unit
 * existing before this migration is active.
 */
export class OrgUnitActive1796000003000 implements MigrationInterface {
  name = 'OrgUnitActive1796000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('org_unit', new TableColumn({ name: 'active', type: 'boolean', default: true, isNullable: false }));
    await q.addColumn('org_unit', new TableColumn({ name: 'updated_at', type: 'varchar', length: '30', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('org_unit', 'updated_at');
    await q.dropColumn('org_unit', 'active');
  }
}
