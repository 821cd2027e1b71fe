import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Overdue steps as the scheduled scan found them: one row per decision, revision, step and due
 * date, inserted once and never updated or deleted (a step done late keeps the row that says it was
 * overdue). The deadline's inputs are kept so that it can be explained and recomputed.
 */
export class OverdueSteps1764300003000 implements MigrationInterface {
  name = 'OverdueSteps1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'overdue_step',
        columns: [
          { name: 'decision_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'revision', type: 'integer', isPrimary: true },
          { name: 'step', type: 'varchar', length: '32', isPrimary: true },
          { name: 'due_on', type: 'varchar', length: '10', isPrimary: true },
          { name: 'rule', type: 'varchar', length: '64' },
          { name: 'start_on', type: 'varchar', length: '10' },
          { name: 'days', type: 'integer' },
          { name: 'unit', type: 'varchar', length: '16' },
          { name: 'calendar_data_version', type: 'varchar', length: '128' },
          { name: 'detected_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [{ columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('overdue_step', new TableIndex({ name: 'ix_overdue_step_detected', columnNames: ['detected_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('overdue_step');
  }
}
