import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes that serve `GET /audit/incomplete` (100,000 decisions): each holds the filter columns
 * (organ, year, complete), the sort key (created_at, id) and the revision, so that the page, its
 * total and the "found overdue in the current revision" test on overdue_step's key are read from
 * indexes alone, never from decision rows (each carries its whole procedure snapshot).
 */
export class AuditIncompleteIndexes1796000005000 implements MigrationInterface {
  name = 'AuditIncompleteIndexes1796000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndices('decision', [
      new TableIndex({ name: 'ix_decision_audit_open', columnNames: ['complete', 'created_at', 'id', 'revision'] }),
      new TableIndex({ name: 'ix_decision_audit_year', columnNames: ['complete', 'year', 'created_at', 'id', 'revision'] }),
      new TableIndex({ name: 'ix_decision_audit_organ', columnNames: ['organ_id', 'complete', 'created_at', 'id', 'revision'] }),
      new TableIndex({ name: 'ix_decision_audit_organ_year', columnNames: ['organ_id', 'year', 'complete', 'created_at', 'id', 'revision'] }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['ix_decision_audit_organ_year', 'ix_decision_audit_organ', 'ix_decision_audit_year', 'ix_decision_audit_open']) {
      await q.dropIndex('decision', name);
    }
  }
}
