import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What rested on a provisional calendar (src/calendar/provisional-log.ts): each accepted check whose
 * working days were counted through a year without an official schedule (the record row's seq), and
 * each due day counted through one (decision, revision, step and the rule's inputs), with the
 * provisional result; once the year's notice is loaded, the result on the official calendar and
 * whether the check still holds (`status`). `subject` names the check or deadline within its
 * decision, so that noting it again adds nothing.
 *
 * A new table: no existing row rested on a provisional calendar (earlier releases refused those
 * counts), so nothing is carried; the service notes the open deadlines of existing decisions after
 * its first start.
 */
export class ProvisionalCalendar1796000006000 implements MigrationInterface {
  name = 'ProvisionalCalendar1796000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'provisional_calendar_use',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'decision_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'subject', type: 'varchar', length: '200' },
          { name: 'revision', type: 'integer' },
          { name: 'step', type: 'varchar', length: '32' },
          { name: 'event', type: 'varchar', length: '64', isNullable: true },
          { name: 'seq', type: 'integer', isNullable: true },
          { name: 'rule', type: 'varchar', length: '64' },
          { name: 'legal_basis', type: 'varchar', length: '400' },
          { name: 'year', type: 'integer' },
          { name: 'inputs', type: 'text' },
          { name: 'provisional_result', type: 'text' },
          { name: 'calendar_data_version', type: 'varchar', length: '200' },
          { name: 'noted_at', type: 'varchar', length: '30' },
          { name: 'status', type: 'varchar', length: '16', default: "'pending'" },
          { name: 'official_result', type: 'text', isNullable: true },
          { name: 'official_data_version', type: 'varchar', length: '200', isNullable: true },
          { name: 'rechecked_at', type: 'varchar', length: '30', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndices('provisional_calendar_use', [
      new TableIndex({ name: 'ux_provisional_use_subject', columnNames: ['decision_id', 'kind', 'subject'], isUnique: true }),
      // The auditor's list (a year, newest first) and the re-check (a year's rows not yet checked on its official data).
      new TableIndex({ name: 'ix_provisional_use_year', columnNames: ['year', 'noted_at', 'id'] }),
    ]);
    // The calendar data (official data, provisional years and rules) whose pass over the open
    // decisions has been made: a later start on the same data has nothing new to note.
    await q.createTable(
      new Table({
        name: 'provisional_calendar_pass',
        columns: [
          { name: 'data_version', type: 'varchar', length: '300', isPrimary: true },
          { name: 'noted', type: 'integer' },
          { name: 'passed_at', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('provisional_calendar_pass');
    await q.dropTable('provisional_calendar_use');
  }
}
