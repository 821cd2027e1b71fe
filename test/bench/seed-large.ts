/**
 * A district's worth of years in one SQLite file, inserted in bulk (not through HTTP), for the
 * scale figures P4 and P5: `decisions` decisions spread over a government, its departments and
 * streets, in every stage, each with its record as the engine writes it (real payloads from the
 * sample walk, a valid hash chain), plus refused attempts and overdue steps.
 *
 * The states come from walking the procedure definition once per template stage; every decision of
 * a template shares its snapshot, with its own ids, titles and hashes.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ProcedureState } from '../../workflows/definition';
import type { ProcedureContext } from '../../workflows/major-decision/v1/context';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { majorDecisionV1Definition as def } from '../../workflows/major-decision/v1';
import { ALL_REQUIRED, samplePayload } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED, Walk } from '../../workflows/major-decision/v1/walk';
import { openDatabase } from '../../src/database/data-source';
import { canonicalRecord, GENESIS_HASH, sha256 } from '../../src/engine/record-hash';

export interface SeedOptions {
  decisions: number;
  /** Refused attempts, a third of them skips. */
  violations: number;
}

export interface SeedResult {
  decisions: number;
  records: number;
  violations: number;
  /** Decisions with an overdue step. */
  overdue: number;
  governmentId: string;
  organIds: string[];
  ms: number;
}

interface TemplateRecord {
  type: string;
  payload: unknown;
  facts: unknown;
  fromStage: string | null;
  toStage: string;
  revision: number;
}

interface Template {
  stage: string;
  /** Share of the decisions, in percent. */
  share: number;
  state: ProcedureState<ProcedureContext>;
  records: TemplateRecord[];
  complete: boolean;
}

const ITEM = { title: '决策事项', category: 'public_policy', legalBasis: ['《重大行政决策程序暂行条例》'], requirements: ALL_REQUIRED };

function template(events: readonly EventType[], share: number): Template {
  const walk = new Walk({ requirements: ALL_REQUIRED, year: 2026 });
  const records: TemplateRecord[] = [{ type: 'ITEM_PROPOSED', payload: ITEM, facts: { today: '2026-01-05' }, fromStage: null, toStage: walk.stage, revision: 1 }];
  for (const type of events) {
    const payload = samplePayload(type, walk.state.context);
    const d = walk.send(type, payload);
    if (!d.accepted) throw new Error(`seed: ${type} refused in ${d.stage}: ${d.refusal.code}`);
    records.push({ type, payload, facts: d.facts, fromStage: d.fromStage, toStage: d.toStage, revision: def.revision(walk.state) });
  }
  return { stage: walk.stage, share, state: walk.state, records, complete: def.isComplete(walk.state) };
}

function templates(): Template[] {
  const review = TO_PUBLISHED.indexOf('SUBMIT_LEGALITY_REVIEW') + 1;
  const discussion = TO_PUBLISHED.indexOf('RECORD_DISCUSSION');
  return [
    template([], 10),
    template(TO_PUBLISHED.slice(0, 1), 10),
    template(TO_PUBLISHED.slice(0, review - 1), 20),
    template(TO_PUBLISHED.slice(0, review), 20),
    template(TO_PUBLISHED.slice(0, discussion), 15),
    template(TO_PUBLISHED, 15),
    template([...TO_PUBLISHED, 'ARCHIVE'], 10),
  ];
}

const SKIP_CODES = ['LEGALITY_REVIEW_REQUIRED', 'DRAFTING_NOT_STARTED', 'CATALOG_NOT_PUBLISHED'];
const OTHER_CODES = ['REVIEW_TIME_TOO_SHORT', 'DATE_IN_FUTURE', 'EXPERT_OPINION_UNSIGNED'];

export async function seedLarge(dbPath: string, opts: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  // The schema exactly as the service makes it.
  const ds = await openDatabase({ type: 'better-sqlite3', path: dbPath, synchronous: 'NORMAL' });
  await ds.destroy();

  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = '2026-06-01T08:00:00.000Z';
  const governmentId = randomUUID();
  const units: Array<{ id: string; name: string; kind: string; parent: string | null }> = [{ id: governmentId, name: '前进区人民政府', kind: 'government', parent: null }];
  for (let i = 1; i <= 20; i++) units.push({ id: randomUUID(), name: `区第${i}局`, kind: 'department', parent: governmentId });
  for (let i = 1; i <= 10; i++) units.push({ id: randomUUID(), name: `第${i}街道`, kind: 'street', parent: governmentId });
  const insertUnit = db.prepare('INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertCatalog = db.prepare("INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, 2026, 'published', 1, '[]', ?, ?)");
  const catalogOf = new Map<string, string>();
  db.transaction(() => {
    for (const u of units) {
      insertUnit.run(u.id, u.name, u.kind, u.parent, now);
      const catalogId = randomUUID();
      insertCatalog.run(catalogId, u.id, now, now);
      catalogOf.set(u.id, catalogId);
    }
  })();

  const insertDecision = db.prepare(
    'INSERT INTO decision (id, catalog_id, organ_id, undertaking_unit_id, implementing_unit_id, year, title, category, definition_id, definition_version, stage, revision, complete, snapshot, version, last_seq, last_hash, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 2026, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRecord = db.prepare(
    'INSERT INTO procedure_record (decision_id, seq, revision, type, payload, facts, actor, recorded_at, from_stage, to_stage, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tpls = templates();
  const plan: Template[] = [];
  for (const tp of tpls) for (let i = 0; i < tp.share; i++) plan.push(tp);
  const snapshots = new Map(tpls.map((tp) => [tp, JSON.stringify(tp.state)]));
  const departments = units.filter((u) => u.kind !== 'government');
  let records = 0;
  const ids: string[] = [];
  const BATCH = 2_000;
  for (let start = 0; start < opts.decisions; start += BATCH) {
    db.transaction(() => {
      for (let n = start; n < Math.min(opts.decisions, start + BATCH); n++) {
        const tp = plan[n % plan.length];
        // Every fifth decision is the government's; the others their department's or street's own.
        const organ = n % 5 === 0 ? units[0] : departments[n % departments.length];
        const undertaking = n % 5 === 0 ? departments[n % departments.length] : organ;
        const id = randomUUID();
        ids.push(id);
        const actor = { userId: 'seed', username: 'seed', role: 'department', orgUnitId: undertaking.id };
        const createdAt = new Date(Date.parse('2026-01-05T00:00:00Z') + n * 60_000).toISOString();
        let prev = GENESIS_HASH;
        const rows: unknown[][] = [];
        tp.records.forEach((r, i) => {
          const seq = i + 1;
          const hashed = { decisionId: id, seq, revision: r.revision, type: r.type, payload: r.payload, facts: r.facts, actor, recordedAt: createdAt, fromStage: r.fromStage, toStage: r.toStage, prevHash: prev };
          // As the engine stores a row: the canonical texts its hash covers.
          const c = canonicalRecord(hashed);
          const hash = sha256(c.json);
          rows.push([id, seq, r.revision, r.type, c.payload, c.facts, c.actor, createdAt, r.fromStage, r.toStage, prev, hash]);
          prev = hash;
        });
        insertDecision.run(
          id,
          catalogOf.get(organ.id),
          organ.id,
          undertaking.id,
          `决策事项 ${n + 1}`,
          'public_policy',
          def.id,
          def.version,
          tp.stage,
          def.revision(tp.state),
          tp.complete ? 1 : 0,
          snapshots.get(tp),
          tp.records.length,
          tp.records.length,
          prev,
          createdAt,
          createdAt,
        );
        for (const row of rows) insertRecord.run(...row);
        records += rows.length;
      }
    })();
  }

  // Every fourth decision under legality review is overdue: its review outlasted the day asked for.
  const insertOverdue = db.prepare(
    "INSERT INTO overdue_step (decision_id, revision, step, due_on, rule, start_on, days, unit, calendar_data_version, detected_at) VALUES (?, 1, 'legalityReview', '2026-03-10', 'requestedDueOn', '2026-03-10', 0, 'fixed_date', 'chinese-days@1.5.7', ?)",
  );
  let overdue = 0;
  db.transaction(() => {
    ids.forEach((id, n) => {
      if (plan[n % plan.length].stage !== 'legality_review' || n % 4 !== 0) return;
      insertOverdue.run(id, now);
      overdue += 1;
    });
  })();

  const violationColumns = (db.prepare("SELECT name FROM pragma_table_info('violation_attempt')").all() as Array<{ name: string }>).map((c) => c.name);
  const extra = ['payload_bytes', 'payload_sha256', 'payload_truncated'].filter((c) => violationColumns.includes(c));
  const insertViolation = db.prepare(
    `INSERT INTO violation_attempt (id, decision_id, organ_id, event, code, stage, legal_basis, missing, payload, actor, attempted_at${extra.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${extra.map(() => ', ?').join('')})`,
  );
  const payload = '{"meetingOn":"2026-03-01"}';
  db.transaction(() => {
    for (let i = 0; i < opts.violations; i++) {
      const decisionId = ids[(i * 7) % ids.length];
      const code = i % 3 === 0 ? SKIP_CODES[i % SKIP_CODES.length] : OTHER_CODES[i % OTHER_CODES.length];
      const at = new Date(Date.parse('2026-01-05T00:00:00Z') + i * 90_000).toISOString();
      const values: unknown[] = [randomUUID(), decisionId, governmentId, 'RECORD_DISCUSSION', code, 'drafting', '["SC713-25"]', '[]', payload, '{"userId":"seed","username":"seed","role":"office","orgUnitId":null}', at];
      for (const c of extra) values.push(c === 'payload_bytes' ? Buffer.byteLength(payload) : c === 'payload_sha256' ? 'a'.repeat(64) : 0);
      insertViolation.run(...values);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { decisions: opts.decisions, records, violations: opts.violations, overdue, governmentId, organIds: units.map((u) => u.id), ms: Date.now() - t0 };
}
