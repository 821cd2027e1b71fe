/**
 * The engine side of P1 and P3: the real ProcedureEngine (guards, hash-chained record row, state
 * and version in one transaction) on a fresh SQLite file in WAL mode with the given `synchronous`.
 */
import { rmSync } from 'node:fs';
import { BusinessCalendar } from '../../src/calendar/business-calendar';
import { openDatabase } from '../../src/database/data-source';
import { TransactionRunner } from '../../src/database/transaction-runner';
import type { Actor } from '../../src/engine/actor';
import { ProcedureEngine } from '../../src/engine/procedure-engine';
import { tmpDbPath, type SyncSetting } from './harness';

const actor: Actor = { userId: 'bench', username: 'bench', role: 'department', orgUnitId: 'org' };
const REQUIREMENTS = {
  publicParticipation: { required: true },
  hearing: { required: false, reason: '不涉及' },
  expertArgumentation: { required: false, reason: '不涉及' },
  riskAssessment: { required: true },
};

async function setup(sync: SyncSetting, name: string) {
  const path = tmpDbPath(name);
  const ds = await openDatabase({ type: 'better-sqlite3', path, synchronous: sync });
  const runner = TransactionRunner.for(ds);
  const engine = new ProcedureEngine({ runner, calendar: BusinessCalendar.load(), clock: { now: () => new Date(), today: () => '2026-11-28' } });
  const catalogId = '00000000-0000-4000-8000-00000000ca7a';
  const now = new Date().toISOString();
  await runner.write((tx) =>
    tx.execute('INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [catalogId, 'org', 2026, 'published', 1, '[]', now, now]),
  );
  const cleanup = async () => {
    await runner.close();
    await ds.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  return { engine, catalogId, cleanup };
}

async function cataloged(engine: ProcedureEngine, catalogId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = await engine.create({ catalogId, organId: 'org', undertakingUnitId: 'org', year: 2026, title: `决策${i}`, category: 'public_policy', input: { requirements: REQUIREMENTS }, item: { i } }, actor);
    await engine.apply(d.id, { type: 'CATALOG_PUBLISHED', payload: { catalogId, catalogRevision: 1, partyCommitteeApprovedOn: '2026-01-05', partyCommitteeRef: '纪要', publishedOn: '2026-01-05' } }, actor, { system: true });
    ids.push(d.id);
  }
  return ids;
}

const REPEATABLE = [
  { type: 'RECORD_PUBLIC_PARTICIPATION', payload: { method: 'forum', heldOn: '2026-03-01', summary: '座谈会听取意见', adoptionSummary: '采纳三条' } },
  { type: 'RECORD_HEARING', payload: { materialsDeliveredOn: '2026-02-20', heldOn: '2026-03-01', participants: ['居民代表', '企业代表'], recordSigned: true, summary: '听证会' } },
  { type: 'RECORD_RISK_ASSESSMENT', payload: { assessedOn: '2026-03-01', riskLevel: 'medium', controllable: true, riskPoints: ['价格敏感'], measures: ['分步实施'], contingencyPlan: '应急预案' } },
];

export async function engineTransitionsPerSecond(sync: SyncSetting, n: number): Promise<number> {
  const { engine, catalogId, cleanup } = await setup(sync, 'p1-engine');
  try {
    const ids = await cataloged(engine, catalogId, 200);
    for (const id of ids) await engine.apply(id, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-01' } }, actor);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await engine.apply(ids[i % ids.length], REPEATABLE[Math.floor(i / ids.length) % REPEATABLE.length], actor);
    return n / (Number(process.hrtime.bigint() - t0) / 1e9);
  } finally {
    await cleanup();
  }
}

const SIX_STEPS = [
  { type: 'START_DRAFTING', payload: { startedOn: '2026-02-01' } },
  { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v1', summary: '草案', lawsReviewed: ['价格法'] } },
  REPEATABLE[0],
  REPEATABLE[2],
  { type: 'SUBMIT_LEGALITY_REVIEW', payload: { submittedOn: '2026-03-02', requestedDueOn: '2026-03-31', materials: { draftVersion: 'v1', legalBasis: ['价格法'], procedureStatement: '已履行' } } },
  { type: 'ACCEPT_REVIEW', payload: { acceptedOn: '2026-03-03' } },
];

export async function engineSixStepPerSecond(sync: SyncSetting, steps: number): Promise<number> {
  const { engine, catalogId, cleanup } = await setup(sync, 'p3-engine');
  try {
    const ids = await cataloged(engine, catalogId, Math.ceil(steps / SIX_STEPS.length));
    const t0 = process.hrtime.bigint();
    for (const step of SIX_STEPS) for (const id of ids) await engine.apply(id, step, actor);
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    for (const id of ids.slice(0, 3)) {
      const d = await engine.get(id);
      if (JSON.stringify(d?.state) !== '{"legality_review":"in_review"}') throw new Error(`instance ended in ${JSON.stringify(d?.state)}`);
    }
    return (ids.length * SIX_STEPS.length) / elapsed;
  } finally {
    await cleanup();
  }
}
