/**
 * The transition runner: one path for every procedure step. Restore the decision's state, decide
 * (accept, or refuse with code, legal basis and every missing step), then in one transaction append
 * the hash-chained record row and write the new state with a version check — or, when refused,
 * append a violation attempt and change nothing else.
 */
import { randomUUID } from 'node:crypto';
import type { FactEnv, ProcedureDefinition, ProcedureState, WorkingDayCalendar } from '../../workflows/definition';
import type { UnitReference } from '../../workflows/schema';
import { BadRequestError, DomainError, NotFoundError, VersionConflictError, type FieldError } from '../common/errors/domain-error';
import { CalendarYearUnknownError } from '../calendar/business-calendar';
import { calendarYearUnknownDetail } from '../calendar/calendar-year-unknown';
import { businessToday } from '../calendar/business-date';
import { provisionalNote, trackProvisional } from '../calendar/provisional';
import type { TransactionRunner, Tx } from '../database/transaction-runner';
import type { Actor } from './actor';
import { DefinitionRegistry } from './definition-registry';
import { ProcedureViolationError } from './engine-errors';
import { unknownEventError } from './unknown-event';
import { canonicalRecord, GENESIS_HASH, sha256, type CanonicalRecord } from './record-hash';
import { insertDecision, insertRecord, insertViolation, loadDecision, updateDecisionState, type DecisionRecordRow } from './procedure-store';

export interface Clock {
  now(): Date;
  /** Today's business date (Asia/Shanghai unless configured). */
  today(): string;
}

export const systemClock = (tz = 'Asia/Shanghai'): Clock => ({ now: () => new Date(), today: () => businessToday(tz) });

export interface NewDecision {
  id?: string;
  catalogId: string;
  organId: string;
  undertakingUnitId: string;
  year: number;
  title: string;
  category: string;
  /** Input of the procedure definition (requirements, affectsMarket…). */
  input: unknown;
  /** What the ITEM_PROPOSED record keeps: the catalog item as proposed. */
  item: Record<string, unknown>;
  definitionId?: string;
}

export interface ProcedureEvent {
  type: string;
  payload: unknown;
}

/** A decision as the engine sees it: its row, its restored state and what the definition derives. */
export interface DecisionSnapshot {
  id: string;
  catalogId: string;
  title: string;
  category: string;
  organId: string;
  undertakingUnitId: string;
  implementingUnitId: string | null;
  year: number;
  definition: { id: string; version: number };
  stage: string;
  state: unknown;
  revision: number;
  version: number;
  complete: boolean;
  lastSeq: number;
  lastHash: string;
  createdAt: string;
  updatedAt: string;
  procedure: ProcedureState;
  def: ProcedureDefinition;
}

export interface EngineOptions {
  runner: TransactionRunner;
  calendar: WorkingDayCalendar;
  registry?: DefinitionRegistry;
  clock?: Clock;
  /** Counts each refusal before it is stored, per user, and throws the 429 instead past the limit (refusal-limiter.ts). */
  refusals?: RefusalGate;
  /** Told of every accepted step inside its transaction (the provisional calendar's log: provisional-log.ts). */
  observer?: StepObserver;
}

/** An accepted step as its record row has it, with the definition and the state it led to. */
export interface AcceptedStep {
  decisionId: string;
  seq: number;
  revision: number;
  type: string;
  payload: Record<string, unknown>;
  facts: Record<string, unknown>;
  recordedAt: string;
  def: ProcedureDefinition;
  state: ProcedureState;
}

/** Runs after an accepted step's record row and state are written, in the same transaction: its failure undoes the step. */
export interface StepObserver {
  accepted(tx: Tx, step: AcceptedStep): Promise<void>;
}

/** What the engine asks before storing a refusal of `userId`: throws to store nothing (see RefusalLimiter.take). */
export interface RefusalGate {
  take(userId: string): void;
}

type Outcome = { ok: true; decision: DecisionSnapshot } | { ok: false; error: DomainError };

/** The units and stage of a decision as its row holds them: what a caller's scope is checked against. */
export interface AuthorizationTarget {
  id: string;
  definition: { id: string; version: number };
  organId: string;
  undertakingUnitId: string;
  implementingUnitId: string | null;
  stage: string;
}

/**
 * Decides who is acting, once the row is loaded and before the payload is looked at: returns the
 * actor to record, or throws (404 outside the caller's scope, 403 a role that may not send `type`).
 * It runs inside the step's transaction, so it must use that `tx` for any query of its own.
 */
export type Authorize = (decision: AuthorizationTarget, type: unknown, tx: Tx) => Actor | Promise<Actor>;

export interface ApplyOptions {
  expectedVersion?: number;
  system?: boolean;
  /** When given, its actor replaces the `actor` argument (see Authorize). */
  authorize?: Authorize;
  /**
   * Checks the organisation units a valid payload names (after the payload's 400s, before 409):
   * throws a 400 naming the field when one does not exist, is inactive or lies outside the organ's
   * government. Runs inside the step's transaction.
   */
  checkUnits?: (units: UnitReference[], decision: AuthorizationTarget, tx: Tx) => Promise<void>;
}

export class ProcedureEngine {
  readonly registry: DefinitionRegistry;
  readonly runner: TransactionRunner;
  private readonly calendar: WorkingDayCalendar;
  private readonly clock: Clock;
  private readonly refusals?: RefusalGate;
  private readonly observer?: StepObserver;

  constructor(opts: EngineOptions) {
    this.runner = opts.runner;
    this.calendar = opts.calendar;
    this.registry = opts.registry ?? new DefinitionRegistry();
    this.clock = opts.clock ?? systemClock();
    this.refusals = opts.refusals;
    this.observer = opts.observer;
  }

  /** A new decision in its first stage, with its ITEM_PROPOSED record row (seq 1). */
  async create(d: NewDecision, actor: Actor, tx?: Tx): Promise<DecisionSnapshot> {
    return tx ? this.createWithin(tx, d, actor) : this.runner.write((t) => this.createWithin(t, d, actor));
  }

  async createWithin(tx: Tx, d: NewDecision, actor: Actor): Promise<DecisionSnapshot> {
    const def = this.registry.forNew(d.definitionId ?? 'major-decision');
    const state = def.initial(d.input);
    const now = this.clock.now().toISOString();
    const id = d.id ?? randomUUID();
    const stage = def.stageOf(state);
    const record = {
      decisionId: id,
      seq: 1,
      revision: def.revision(state),
      type: 'ITEM_PROPOSED',
      payload: d.item,
      facts: { today: this.clock.today() },
      actor,
      recordedAt: now,
      fromStage: null,
      toStage: stage,
      prevHash: GENESIS_HASH,
    };
    const canonical = canonicalRecord(record);
    const hash = sha256(canonical.json);
    const row: DecisionRecordRow = {
      id,
      catalog_id: d.catalogId,
      organ_id: d.organId,
      undertaking_unit_id: d.undertakingUnitId,
      implementing_unit_id: null,
      year: d.year,
      title: d.title,
      category: d.category,
      definition_id: def.id,
      definition_version: def.version,
      stage,
      revision: def.revision(state),
      complete: def.isComplete(state),
      snapshot: JSON.stringify(state),
      version: 1,
      last_seq: 1,
      last_hash: hash,
      created_at: now,
      updated_at: now,
    };
    await insertDecision(tx, row);
    await insertRecord(tx, toStored(record, canonical, hash));
    return this.snapshotOf(row, state);
  }

  /**
   * Applies one event. Order of refusals: 404 → (authorize: 404 scope, 403 role) → 400 (payload,
   * then the units and the record's own items it names) → 409 (stale expectedVersion) → 422.
   * A 422 is stored as a violation attempt (committed) and then thrown; nothing else changes.
   */
  async apply(decisionId: string, event: ProcedureEvent, actor: Actor, opts: ApplyOptions = {}): Promise<DecisionSnapshot> {
    const outcome = await this.runner.write((tx) => this.applyWithin(tx, decisionId, event, actor, opts));
    if (!outcome.ok) throw outcome.error;
    return outcome.decision;
  }

  /** The same inside a caller's transaction (catalog publication moves many items at once). */
  async applyWithin(tx: Tx, decisionId: string, event: ProcedureEvent, actor: Actor, opts: ApplyOptions = {}): Promise<Outcome> {
    const row = await loadDecision(tx, decisionId, true);
    if (!row) throw new NotFoundError('decision', decisionId);
    const target: AuthorizationTarget = {
      id: row.id,
      definition: { id: row.definition_id, version: Number(row.definition_version) },
      organId: row.organ_id,
      undertakingUnitId: row.undertaking_unit_id,
      implementingUnitId: row.implementing_unit_id,
      stage: row.stage,
    };
    if (opts.authorize) actor = await opts.authorize(target, event.type, tx);
    const def = this.registry.get(row.definition_id, row.definition_version);

    if (typeof event.type !== 'string' || !def.isEventType(event.type) || (!opts.system && def.systemEvents.includes(event.type))) {
      throw unknownEventError(def, JSON.parse(row.snapshot) as ProcedureState, event.type);
    }
    const errors = def.payloadErrors(event.type, event.payload ?? {});
    if (errors.length) throw new BadRequestError(errors);
    const units = def.payloadUnits(event.type, event.payload ?? {});
    if (units.length && opts.checkUnits) await opts.checkUnits(units, target, tx);
    const state = JSON.parse(row.snapshot) as ProcedureState;
    const payload = event.payload as Record<string, unknown>;
    const seq = row.last_seq + 1;
    // A payload naming something of this decision's record that is not there (an opinion not of the round): 400 naming the fields.
    const reference = def.referenceProblem?.(state, { type: event.type, payload, seq }, row.id);
    if (reference) throw new DomainError(400, reference.code, reference.detail, { errors: reference.errors });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      throw new VersionConflictError(row.version, undefined, 'expectedVersion');
    }

    let decision;
    // Counts that rest on a provisional year say so: in the record's facts, or after a refusal's detail.
    const calendar = trackProvisional(this.calendar);
    try {
      decision = def.decide(state, { type: event.type, payload, seq }, () => this.factEnv(calendar));
    } catch (err) {
      if (err instanceof CalendarYearUnknownError) {
        // Not a violation of the procedure: the calendar cannot answer, so nothing is stored.
        throw new DomainError(422, 'CALENDAR_YEAR_UNKNOWN', calendarYearUnknownDetail(err.year, this.knownYears()), { decisionId, event: event.type, stage: row.stage, year: err.year, missing: [], legalBasis: [] });
      }
      throw err;
    }
    const now = this.clock.now().toISOString();
    const provisionalYears = calendar.provisionalYearsUsed();

    if (!decision.accepted) {
      const violationId = randomUUID();
      const r = decision.refusal;
      this.refusals?.take(actor.userId);
      await insertViolation(tx, {
        id: violationId,
        decisionId,
        organId: row.organ_id,
        event: event.type,
        code: r.code,
        stage: decision.stage,
        legalBasis: r.legalBasis,
        missing: r.missing,
        payload,
        actor,
        attemptedAt: now,
      });
      return {
        ok: false,
        error: new ProcedureViolationError(r.code, provisionalYears.length ? r.detail + provisionalNote(provisionalYears) : r.detail, {
          decisionId,
          event: event.type,
          stage: decision.stage,
          legalBasis: r.legalBasis,
          missing: r.missing,
          violationId,
          errors: r.errors,
          extra: r.extra,
        }),
      };
    }

    const next = decision.next;
    const record = {
      decisionId,
      seq,
      revision: def.revision(next),
      type: event.type,
      payload,
      facts: provisionalYears.length ? { ...decision.facts, calendarProvisionalYears: provisionalYears } : decision.facts,
      actor,
      recordedAt: now,
      fromStage: decision.fromStage,
      toStage: decision.toStage,
      prevHash: row.last_hash,
    };
    const canonical = canonicalRecord(record);
    const hash = sha256(canonical.json);
    await insertRecord(tx, toStored(record, canonical, hash));
    const updated: DecisionRecordRow = {
      ...row,
      stage: decision.toStage,
      revision: def.revision(next),
      complete: def.isComplete(next),
      snapshot: JSON.stringify(next),
      version: row.version + 1,
      last_seq: seq,
      last_hash: hash,
      updated_at: now,
      implementing_unit_id: def.implementingUnitId(next) ?? row.implementing_unit_id,
    };
    if (!(await updateDecisionState(tx, updated, row))) {
      // Only reachable if another writer slipped past the row lock; the transaction rolls back.
      throw new VersionConflictError(row.version + 1, '另一项办理同时更新了该决策事项：请刷新后核对再办理');
    }
    await this.observer?.accepted(tx, { decisionId, seq, revision: record.revision, type: event.type, payload, facts: record.facts, recordedAt: now, def, state: next });
    return { ok: true, decision: this.snapshotOf(updated, next) };
  }

  /** Stores a refusal that happens outside a decision's procedure (e.g. an out-of-scope catalog item). */
  async recordViolation(v: {
    organId: string | null;
    decisionId?: string | null;
    event: string;
    code: string;
    detail: string;
    legalBasis: string[];
    payload: unknown;
    actor: Actor;
    /** The fields that would mend it, as in a procedure refusal. */
    errors?: FieldError[];
  }): Promise<never> {
    const id = randomUUID();
    this.refusals?.take(v.actor.userId);
    await this.runner.write((tx) =>
      insertViolation(tx, {
        id,
        decisionId: v.decisionId ?? null,
        organId: v.organId,
        event: v.event,
        code: v.code,
        stage: null,
        legalBasis: v.legalBasis,
        missing: [],
        payload: v.payload,
        actor: v.actor,
        attemptedAt: this.clock.now().toISOString(),
      }),
    );
    throw new ProcedureViolationError(v.code, v.detail, { decisionId: v.decisionId ?? null, event: v.event, stage: null, legalBasis: v.legalBasis, missing: [], violationId: id, errors: v.errors });
  }

  async get(decisionId: string): Promise<DecisionSnapshot | undefined> {
    const row = await this.runner.read((tx) => loadDecision(tx, decisionId, false));
    return row && this.snapshotOf(row);
  }

  /** `procedure` is the state already in hand, so the hot path does not parse what it just wrote. */
  snapshotOf(row: DecisionRecordRow, procedure: ProcedureState = JSON.parse(row.snapshot) as ProcedureState): DecisionSnapshot {
    const def = this.registry.get(row.definition_id, row.definition_version);
    return {
      id: row.id,
      catalogId: row.catalog_id,
      title: row.title,
      category: row.category,
      organId: row.organ_id,
      undertakingUnitId: row.undertaking_unit_id,
      implementingUnitId: row.implementing_unit_id,
      year: Number(row.year),
      definition: { id: def.id, version: def.version },
      stage: row.stage,
      state: procedure.value,
      revision: Number(row.revision),
      version: Number(row.version),
      complete: row.complete === true || row.complete === 1,
      lastSeq: Number(row.last_seq),
      lastHash: row.last_hash,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      procedure,
      def,
    };
  }

  /** The years the calendar has official data for, where it can say (the business calendar can). */
  private knownYears(): number[] {
    const calendar = this.calendar as WorkingDayCalendar & { knownYears?: () => number[] };
    return typeof calendar.knownYears === 'function' ? calendar.knownYears() : [];
  }

  private factEnv(calendar: WorkingDayCalendar = this.calendar): FactEnv {
    return { today: this.clock.today(), calendar };
  }
}

/** The row as stored: the object members as their canonical JSON texts, exactly as the hash covered them. */
function toStored(
  r: { decisionId: string; seq: number; revision: number; type: string; recordedAt: string; fromStage: string | null; toStage: string; prevHash: string },
  canonical: CanonicalRecord,
  hash: string,
) {
  return {
    decision_id: r.decisionId,
    seq: r.seq,
    revision: r.revision,
    type: r.type,
    payload: canonical.payload,
    facts: canonical.facts,
    actor: canonical.actor,
    recorded_at: r.recordedAt,
    from_stage: r.fromStage,
    to_stage: r.toStage,
    prev_hash: r.prevHash,
    hash,
  };
}
