import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 目录事项: what a catalog item says beyond its decision row (legal basis, planned dates, the
 * requirements as proposed), so that catalog lists and the public catalog need no record parsing.
 * One row per decision, written with its ITEM_PROPOSED record and never updated.
 */
export class CatalogItems1795902765364 implements MigrationInterface {
  name = 'CatalogItems1795902765364';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_item',
        columns: [
          { name: 'decision_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'catalog_id', type: 'varchar', length: '36' },
          { name: 'legal_basis', type: 'text' },
          { name: 'affects_market', type: 'boolean' },
          { name: 'planned_start_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'planned_decision_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'requirements', type: 'text' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          { columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] },
          { columnNames: ['catalog_id'], referencedTableName: 'catalog', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('catalog_item', new TableIndex({ name: 'ix_catalog_item_catalog', columnNames: ['catalog_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('catalog_item');
  }
}
