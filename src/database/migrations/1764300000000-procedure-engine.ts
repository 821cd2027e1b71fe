import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ts = (name: string) => ({ name, type: 'varchar', length: '30' });

/** Catalogs, decisions, the procedure record and refused attempts. */
export class ProcedureEngine1764300000000 implements MigrationInterface {
  name = 'ProcedureEngine1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog',
        columns: [
          id,
          { name: 'organ_id', type: 'varchar', length: '36' },
          { name: 'year', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'revision', type: 'integer' },
          { name: 'publications', type: 'text' },
          ts('created_at'),
          ts('updated_at'),
        ],
        uniques: [{ name: 'uq_catalog_organ_year', columnNames: ['organ_id', 'year'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'decision',
        columns: [
          id,
          { name: 'catalog_id', type: 'varchar', length: '36' },
          { name: 'organ_id', type: 'varchar', length: '36' },
          { name: 'undertaking_unit_id', type: 'varchar', length: '36' },
          { name: 'implementing_unit_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'year', type: 'integer' },
          { name: 'title', type: 'text' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'definition_id', type: 'varchar', length: '64' },
          { name: 'definition_version', type: 'integer' },
          { name: 'stage', type: 'varchar', length: '32' },
          { name: 'revision', type: 'integer' },
          { name: 'complete', type: 'boolean' },
          { name: 'snapshot', type: 'text' },
          { name: 'version', type: 'integer' },
          { name: 'last_seq', type: 'integer' },
          { name: 'last_hash', type: 'varchar', length: '64' },
          ts('created_at'),
          ts('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['catalog_id'], referencedTableName: 'catalog', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndices('decision', [
      new TableIndex({ name: 'ix_decision_stage', columnNames: ['stage', 'year'] }),
      new TableIndex({ name: 'ix_decision_organ', columnNames: ['organ_id', 'year'] }),
      new TableIndex({ name: 'ix_decision_unit', columnNames: ['undertaking_unit_id'] }),
      new TableIndex({ name: 'ix_decision_catalog', columnNames: ['catalog_id'] }),
      new TableIndex({ name: 'ix_decision_complete', columnNames: ['complete', 'year'] }),
    ]);
    await q.createTable(
      new Table({
        name: 'procedure_record',
        columns: [
          { name: 'decision_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'revision', type: 'integer' },
          { name: 'type', type: 'varchar', length: '48' },
          { name: 'payload', type: 'text' },
          { name: 'facts', type: 'text' },
          { name: 'actor', type: 'text' },
          ts('recorded_at'),
          { name: 'from_stage', type: 'varchar', length: '32', isNullable: true },
          { name: 'to_stage', type: 'varchar', length: '32' },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [{ columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('procedure_record', new TableIndex({ name: 'ix_record_type', columnNames: ['type'] }));
    await q.createTable(
      new Table({
        name: 'violation_attempt',
        columns: [
          id,
          { name: 'decision_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'organ_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'event', type: 'varchar', length: '48' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'stage', type: 'varchar', length: '32', isNullable: true },
          { name: 'legal_basis', type: 'text' },
          { name: 'missing', type: 'text' },
          { name: 'payload', type: 'text' },
          { name: 'actor', type: 'text' },
          ts('attempted_at'),
        ],
      }),
    );
    await q.createIndices('violation_attempt', [
      new TableIndex({ name: 'ix_violation_decision', columnNames: ['decision_id'] }),
      new TableIndex({ name: 'ix_violation_time', columnNames: ['attempted_at'] }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('violation_attempt');
    await q.dropTable('procedure_record');
    await q.dropTable('decision');
    await q.dropTable('catalog');
  }
}
