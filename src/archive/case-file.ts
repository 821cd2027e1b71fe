/**
 * The case file of one decision (一事一档, 《重大行政决策程序暂行条例》第三十三条): everything its record
 * holds, read in one unit of work, with its hash chain verified on those very rows — what
 * record.json carries, and what index.html and materials.csv show.
 */
import { Injectable } from '@nestjs/common';
import { LEGAL_BASIS, type LegalBasis } from '../../workflows/legal-basis';
import { MATERIALS } from '../../workflows/major-decision/v1/materials';
import { PROBLEM_TEXT } from '../audit/audit-verify';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors/domain-error';
import { TransactionRunner, type Row, type Tx } from '../database/transaction-runner';
import { actorNamesSql, type ActorNameColumns } from '../engine/actor-names';
import { verifyChain, type ChainProblem } from '../engine/chain-verifier';
import { DecisionProgress, type ProgressView } from '../engine/decision-progress';
import { ProcedureEngine } from '../engine/procedure-engine';
import { loadDecision, type StoredRecord } from '../engine/procedure-store';
import { ProcedureScope } from '../org-units/procedure-scope';
import { toViolationEntry, type ViolationEntry } from '../decisions/decisions.service';
import { VIOLATION_COLUMNS, type ViolationSqlRow } from '../decisions/decisions.repository';

/** A row of the record as the case file keeps it: what its hash covers, the hash, and who acted by name. */
export interface CaseRecordEntry {
  seq: number;
  revision: number;
  type: string;
  payload: unknown;
  facts: unknown;
  actor: { userId?: string; username?: string; role?: string; orgUnitId?: string | null };
  actorName: string | null;
  actorUnitName: string | null;
  recordedAt: string;
  fromStage: string | null;
  toStage: string;
  prevHash: string;
  hash: string;
  /** The day the row claims (its payload's date), where the procedure names one. */
  claimedOn: string | null;
  /** The step it records or moves, where it has one. */
  step: string | null;
  /** The articles it rests on. */
  legalBasis: LegalBasis[];
  /** The document it files, where it files one. */
  material: { name: string; ref: string } | null;
}

export interface CaseFile {
  generatedAt: string;
  decision: {
    id: string;
    title: string;
    category: string;
    year: number;
    catalogId: string;
    organ: { id: string; name: string | null };
    undertakingUnit: { id: string; name: string | null };
    implementingUnit: { id: string; name: string | null } | null;
    definition: { id: string; version: number };
    stage: string;
    revision: number;
    version: number;
    complete: boolean;
    flags: string[];
    lastSeq: number;
    lastHash: string;
    createdAt: string;
    updatedAt: string;
    progress: ProgressView[];
  };
  /** The chain recomputed from the rows below, as they are stored now. */
  verification: { ok: boolean; events: number; brokenAtSeq?: number; problem?: ChainProblem; reason?: string };
  record: CaseRecordEntry[];
  /** Refused attempts on the decision, newest first (each payload as kept: whole, or its first 2 KiB). */
  violations: ViolationEntry[];
}

/** Refused attempts a case file lists at most (violationCount says how many there are). */
export const CASE_FILE_VIOLATIONS = 1000;

const RECORD_COLUMNS = ['decision_id', 'seq', 'revision', 'type', 'payload', 'facts', 'actor', 'recorded_at', 'from_stage', 'to_stage', 'prev_hash', 'hash'];

@Injectable()
export class CaseFileService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly engine: ProcedureEngine,
    private readonly scope: ProcedureScope,
    private readonly progress: DecisionProgress,
  ) {}

  /** The case file, for a caller who may read the decision (GET /decisions/:id's scope: otherwise 404). */
  async caseFile(user: AuthUser, id: string): Promise<CaseFile & { violationCount: number }> {
    return this.runner.read(async (tx) => {
      const row = await loadDecision(tx, id, false);
      const d = row && this.engine.snapshotOf(row);
      if (!d || !(await this.scope.seesDecision(user, d, tx))) throw new NotFoundError('decision', id);
      const names = await unitNames(tx, [d.organId, d.undertakingUnitId, d.implementingUnitId]);
      const rows = await records(tx, id);
      const chain = verifyChain(rows, d.lastSeq, d.lastHash, d.stage);
      const [count] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM violation_attempt WHERE decision_id = ?', [id]);
      const refused = await violations(tx, id);
      const claimed = d.def.claimedDates;
      return {
        generatedAt: new Date().toISOString(),
        decision: {
          id: d.id,
          title: d.title,
          category: d.category,
          year: d.year,
          catalogId: d.catalogId,
          organ: { id: d.organId, name: names.get(d.organId) ?? null },
          undertakingUnit: { id: d.undertakingUnitId, name: names.get(d.undertakingUnitId) ?? null },
          implementingUnit: d.implementingUnitId ? { id: d.implementingUnitId, name: names.get(d.implementingUnitId) ?? null } : null,
          definition: d.definition,
          stage: d.stage,
          revision: d.revision,
          version: d.version,
          complete: d.complete,
          flags: d.def.flags(d.procedure),
          lastSeq: d.lastSeq,
          lastHash: d.lastHash,
          createdAt: d.createdAt,
          updatedAt: d.updatedAt,
          progress: this.progress.of(d),
        },
        verification: chain.ok
          ? { ok: true, events: chain.events }
          : { ok: false, events: chain.events, brokenAtSeq: chain.brokenAtSeq, problem: chain.problem, reason: PROBLEM_TEXT[chain.problem as ChainProblem] },
        record: rows.map((r) => {
          const payload = parse(r.payload);
          const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
          const date = claimed[r.type] ? p[claimed[r.type].field] : undefined;
          const material = MATERIALS[r.type as keyof typeof MATERIALS];
          // The article each event rests on, as the decision's own version of the procedure cites it.
          const basis = r.type === 'ITEM_PROPOSED' ? ['SC713-3'] : (d.def.docs.eventBasis[r.type] ?? []);
          return {
            seq: Number(r.seq),
            revision: Number(r.revision),
            type: r.type,
            payload,
            facts: parse(r.facts),
            actor: parse(r.actor) as CaseRecordEntry['actor'],
            actorName: r.actor_display_name ?? null,
            actorUnitName: r.actor_unit_name ?? null,
            recordedAt: r.recorded_at,
            fromStage: r.from_stage,
            toStage: r.to_stage,
            prevHash: r.prev_hash,
            hash: r.hash,
            claimedOn: typeof date === 'string' ? date : null,
            step: r.type === 'ITEM_PROPOSED' ? 'catalog' : (claimed[r.type]?.step ?? null),
            legalBasis: basis.map((b) => LEGAL_BASIS[b]).filter(Boolean),
            material: material ? { name: material.material, ref: material.ref(p) } : null,
          };
        }),
        violations: refused.map(toViolationEntry),
        violationCount: Number(count.n),
      };
    });
  }
}

/** Every row of the decision's record, whole, in seq order, with who acted by name. */
async function records(tx: Tx, id: string): Promise<Array<StoredRecord & ActorNameColumns>> {
  const names = actorNamesSql(tx.dialect, 'r');
  return tx.query<StoredRecord & ActorNameColumns & Row>(
    `SELECT ${RECORD_COLUMNS.map((c) => `r.${c}`).join(', ')}, ${names.columns} FROM procedure_record r ${names.joins} WHERE r.decision_id = ? ORDER BY r.seq`,
    [id],
  );
}

async function violations(tx: Tx, id: string): Promise<ViolationSqlRow[]> {
  const names = actorNamesSql(tx.dialect, 'v');
  return tx.query<ViolationSqlRow & Row>(
    `SELECT ${VIOLATION_COLUMNS}, ${names.columns} FROM (
       SELECT * FROM violation_attempt WHERE decision_id = ? ORDER BY attempted_at DESC, id DESC LIMIT ?) v
     ${names.joins} ORDER BY v.attempted_at DESC, v.id DESC`,
    [id, CASE_FILE_VIOLATIONS],
  );
}

async function unitNames(tx: Tx, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const rows = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE id IN (${wanted.map(() => '?').join(', ')})`, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
