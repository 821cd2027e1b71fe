import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes that serve `GET /decisions` newest first (P4: 100,000 decisions): each holds a scope or
 * filter column, the stage, and the sort key (created_at, id), so that a page and its total are read
 * from the index alone. A decision row carries its whole procedure snapshot: sorting by reading rows
 * would touch every matching row's pages.
 */
export class DecisionListIndexes1795902800000 implements MigrationInterface {
  name = 'DecisionListIndexes1795902800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndices('decision', [
      new TableIndex({ name: 'ix_decision_list_created', columnNames: ['created_at', 'id'] }),
      new TableIndex({ name: 'ix_decision_list_stage', columnNames: ['stage', 'created_at', 'id'] }),
      new TableIndex({ name: 'ix_decision_list_organ', columnNames: ['organ_id', 'stage', 'created_at', 'id'] }),
      new TableIndex({ name: 'ix_decision_list_unit', columnNames: ['undertaking_unit_id', 'stage', 'created_at', 'id'] }),
      new TableIndex({ name: 'ix_decision_list_implementing', columnNames: ['implementing_unit_id', 'stage', 'created_at', 'id'] }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['ix_decision_list_implementing', 'ix_decision_list_unit', 'ix_decision_list_organ', 'ix_decision_list_stage', 'ix_decision_list_created']) {
      await q.dropIndex('decision', name);
    }
  }
}
