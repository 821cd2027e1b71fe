/** An engine on a real database, with a catalog to hang decisions on and a fixed business date. */
import { randomUUID } from 'node:crypto';
import { BusinessCalendar } from '../../src/calendar/business-calendar';
import type { Actor } from '../../src/engine/actor';
import { DefinitionRegistry } from '../../src/engine/definition-registry';
import { ProcedureEngine, type Clock } from '../../src/engine/procedure-engine';
import { TransactionRunner } from '../../src/database/transaction-runner';
import type { TestDatabase } from './databases';

export const TODAY = '2026-11-28';
export const fixedClock: Clock = { now: () => new Date(), today: () => TODAY };

export const actors = {
  office: { userId: 'u-office', username: 'office', role: 'office', orgUnitId: 'org-gov' },
  department: { userId: 'u-dept', username: 'fgj', role: 'department', orgUnitId: 'org-fgj' },
  reviewer: { userId: 'u-sfj', username: 'sfj', role: 'legal_reviewer', orgUnitId: 'org-sfj' },
} satisfies Record<string, Actor>;

let calendar: BusinessCalendar | undefined;
export const sharedCalendar = () => (calendar ??= BusinessCalendar.load());

export interface EngineFixture {
  engine: ProcedureEngine;
  runner: TransactionRunner;
  catalogId: string;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function engineFixture(db: TestDatabase, registry?: DefinitionRegistry, year = 2026): Promise<EngineFixture> {
  const runner = TransactionRunner.for(db.dataSource);
  const engine = new ProcedureEngine({ runner, calendar: sharedCalendar(), clock: fixedClock, registry });
  const catalogId = randomUUID();
  const now = new Date().toISOString();
  await runner.write((tx) =>
    tx.execute('INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      catalogId,
      'org-gov',
      year,
      'draft',
      0,
      '[]',
      now,
      now,
    ]),
  );
  return {
    engine,
    runner,
    catalogId,
    count: async (table) => Number((await runner.read((tx) => tx.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)))[0].n),
    close: () => runner.close(),
  };
}
