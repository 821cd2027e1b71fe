import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ts = (name: string) => ({ name, type: 'varchar', length: '30' });

/** Organisation units and user accounts (app_user: `user` is reserved in PostgreSQL). */
export class OrgUnitsAndUsers1764300001000 implements MigrationInterface {
  name = 'OrgUnitsAndUsers1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          ts('created_at'),
        ],
        foreignKeys: [{ columnNames: ['parent_id'], referencedTableName: 'org_unit', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('org_unit', new TableIndex({ name: 'ix_org_unit_parent', columnNames: ['parent_id'] }));
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'display_name', type: 'varchar', length: '200' },
          { name: 'org_unit_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'roles', type: 'text' },
          { name: 'disabled', type: 'boolean', default: false },
          ts('created_at'),
          ts('updated_at'),
        ],
        uniques: [{ name: 'uq_app_user_username', columnNames: ['username'] }],
        foreignKeys: [{ columnNames: ['org_unit_id'], referencedTableName: 'org_unit', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('app_user', new TableIndex({ name: 'ix_app_user_org_unit', columnNames: ['org_unit_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('app_user');
    await q.dropTable('org_unit');
  }
}
