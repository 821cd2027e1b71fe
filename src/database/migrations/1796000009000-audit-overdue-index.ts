import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `GET /audit/incomplete?kind=overdue|late` starts from overdue_step (few rows beside the
 * decisions) and looks each decision up by its id: this index answers those lookups, with the
 * filter columns, the revision and the sort key, without reading a decision row (each carries its
 * whole procedure snapshot).
 */
export class AuditOverdueIndex1796000009000 implements MigrationInterface {
  name = 'AuditOverdueIndex1796000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('decision', new TableIndex({ name: 'ix_decision_audit_id', columnNames: ['id', 'revision', 'complete', 'year', 'organ_id', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('decision', 'ix_decision_audit_id');
  }
}
