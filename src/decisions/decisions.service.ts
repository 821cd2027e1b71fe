import { Injectable } from '@nestjs/common';
import { LEGAL_BASIS } from '../../workflows/legal-basis';
import { refusalCategory, type RefusalCategory } from '../../workflows/refusal-categories';
import type { UnitReference } from '../../workflows/schema';
import type { AuthUser, Role } from '../auth/auth-user';
import { BadRequestError, DomainError, NotFoundError, type FieldError } from '../common/errors/domain-error';
import { Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import type { Actor } from '../engine/actor';
import { actorNamesOf, type ActorNameColumns, type NamedActor } from '../engine/actor-names';
import { DecisionProgress } from '../engine/decision-progress';
import { DefinitionRegistry } from '../engine/definition-registry';
import { ProcedureEngine, type AuthorizationTarget, type DecisionSnapshot } from '../engine/procedure-engine';
import type { StoredRecord } from '../engine/procedure-store';
import { loadDecision } from '../engine/procedure-store';
import type { HashedRecord } from '../engine/record-hash';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ProcedureScope } from '../org-units/procedure-scope';
import { nameIn, unitNamesOf } from '../org-units/unit-names';
import { OPINION_AUTHOR_LABELS } from '../../workflows/major-decision/v1/labels';
import { opinionIdOf } from '../../workflows/major-decision/v1/opinions';
import { categoryLabel, codeLabel, flagLabel, named, rolesNamed } from '../../workflows/labels';
import { categoryWord, eventWord, knownLabels, stageWord, withStepLabel } from '../common/labels/view-labels';
import { BODY_NOT_OBJECT, NOT_ALLOWED } from '../common/pipes/validation.pipe';
import type { DecisionListQueryDto, PublicDecisionQueryDto } from './decision.dto';
import { dutyConflictError, reviewDutyConflict } from './separation-of-duties';
import { DecisionsRepository, type LegalOpinionSqlRow, type ListedRecordRow, type PublishedSqlRow, type ViolationSqlRow } from './decisions.repository';

/** The roles that send procedure events; an auditor reads only, an admin is no procedure actor. */
const PROCEDURE_ROLES: readonly Role[] = ['office', 'department', 'legal_reviewer'];

const EVENT_BODY_MEMBERS = new Set(['type', 'payload', 'expectedVersion']);

export interface DecisionSummary {
  id: string;
  title: string;
  category: string;
  /** The words beside the codes a person reads (`category`, `stage`), from the decision's definition. */
  categoryLabel: string;
  catalogId: string;
  organId: string;
  /** The units' names as the database has them now (read beside the ids, never stored with them). */
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  implementingUnitId: string | null;
  implementingUnitName: string | null;
  year: number;
  definition: { id: string; version: number };
  stage: string;
  stageLabel: string;
  revision: number;
  version: number;
  complete: boolean;
  progress: unknown[];
  createdAt: string;
  updatedAt: string;
}

export interface DecisionDetail extends DecisionSummary {
  state: unknown;
  requirements: unknown;
  allowedEvents: string[];
  /** The word of each of `allowedEvents`, in the same order. */
  allowedEventLabels: string[];
  flags: string[];
  /** The word of each of `flags`, in the same order. */
  flagLabels: string[];
  inForce?: { revision: number; status: string };
  /** The legal opinions of the current review round, each with the id RECORD_REVISIONS answers it by. */
  legalOpinions: LegalOpinion[];
}

/** A legal opinion (法律意见, SC713-28): its ADD_LEGAL_OPINION record row, known by `opinionId`. */
export interface LegalOpinion {
  opinionId: string;
  seq: number;
  givenOn: string;
  author: string;
  authorKind: string;
  /** The author kind's word (法律顾问, 公职律师…). */
  authorKindLabel: string;
  text: string;
}

/** What a view reads beside the decision row: the units' names and the round's opinions. */
interface ReadBeside {
  names: ReadonlyMap<string, string>;
  opinions: LegalOpinion[];
}

/**
 * A record row as `GET /decisions/:id/history` shows it: what its hash covers, and the hash. In the
 * list, a payload whose JSON is longer than LIST_PAYLOAD_CHARS is its first characters (a string),
 * with `payloadTruncated: true` and `payloadBytes`; `GET /decisions/:id/history/:seq` has it whole.
 * `actor` is exactly the stored (hashed) actor; who that is by name stands beside it, read at read
 * time: `actorName` (the account's display name) and `actorUnitName` (the unit it acted for), which
 * the hash does not cover.
 */
export type RecordEntry = Omit<HashedRecord, 'decisionId'> & {
  /** The words of `type`, `fromStage` and `toStage`, beside them (not covered by the hash). */
  typeLabel: string;
  fromStageLabel: string | null;
  toStageLabel: string;
  hash: string;
  payloadTruncated: boolean;
  payloadBytes?: number;
  actorName: string | null;
  actorUnitName: string | null;
};

export interface ViolationEntry {
  id: string;
  decisionId: string | null;
  event: string;
  /** The words of `event`, `code`, `category` and `stage`, beside them. */
  eventLabel: string;
  code: string;
  codeLabel: string;
  /** What kind of rule the refusal enforces (workflows/refusal-categories.ts). */
  category: RefusalCategory;
  categoryLabel: string;
  stage: string | null;
  stageLabel: string | null;
  legalBasis: unknown[];
  /** Each missing step as stored (`step`, `code`, `legalBasis`), with the step's word (`stepLabel`). */
  missing: unknown[];
  /** The payload as sent when it was kept whole; otherwise the first bytes of its JSON (a string). */
  payload: unknown;
  payloadTruncated: boolean;
  /** Size in bytes and SHA-256 of the whole payload JSON (src/engine/refused-payload.ts). */
  payloadBytes: number;
  payloadSha256: string;
  /** The stored actor, with the account's display name and the name of the unit it acted for (read now, not stored). */
  actor: NamedActor;
  attemptedAt: string;
}

export interface PublicDecision {
  id: string;
  title: string;
  category: string;
  /** The category's word (SC713-3), beside its code. */
  categoryLabel: string;
  year: number;
  organId: string;
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  implementingUnitId?: string;
  implementingUnitName?: string;
  revision: number;
  publishedOn: string;
  channels: string[];
  adoptionExplanation?: string;
  /** In a list, when only the first channels are shown (GET /public/decisions/:id has them all). */
  channelsTruncated?: boolean;
}

/** In a list of public decisions, a publication's channels hold at most this many characters in all. */
export const PUBLIC_CHANNELS_CHARS = 2000;

const forbidden = (code: 'FORBIDDEN_ROLE' | 'FORBIDDEN_UNIT', detail: string, extra: Record<string, unknown> = {}) =>
  new DomainError(403, code, detail, extra);

/**
 * Decisions and their procedure (决策程序): the lists and views of the HTTP contract, and the one door for every
 * procedure step. Scope follows ProcedureScope: outside it a decision is a 404, so ids do not leak.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly engine: ProcedureEngine,
    private readonly registry: DefinitionRegistry,
    private readonly scope: ProcedureScope,
    private readonly units: OrgUnitsService,
    private readonly progress: DecisionProgress,
    private readonly repo: DecisionsRepository,
  ) {}

  async list(user: AuthUser, q: DecisionListQueryDto): Promise<{ items: Array<DecisionSummary & { allowedEvents?: string[]; allowedEventLabels?: string[] }>; total: number }> {
    return this.runner.read(async (tx) => {
      const scope = await this.scope.visible(user, tx);
      const page = await this.repo.list(tx, { scope, stage: q.stage, organId: q.organId, undertakingUnitId: q.undertakingUnitId, year: q.year }, q.offset, q.pageSize);
      const names = await unitNamesOf(tx, page.rows.flatMap((r) => [r.organ_id, r.undertaking_unit_id, r.implementing_unit_id]));
      const items = [];
      for (const row of page.rows) {
        const d = this.engine.snapshotOf(row);
        const item = this.summary(d, names);
        if (q.include !== 'allowedEvents') {
          items.push(item);
          continue;
        }
        // What the caller may send now on each case of the page (a workbench's "what I must do now").
        const allowedEvents = await this.allowedEvents(user, d, tx);
        items.push({ ...item, allowedEvents, allowedEventLabels: allowedEvents.map((type) => eventWord(d.def.labels, type)) });
      }
      return { items, total: page.total };
    });
  }

  /** The decision, its progress, what the caller may send now, the units' names and the round's legal opinions, in one read. */
  async detail(user: AuthUser, id: string): Promise<DecisionDetail> {
    return this.runner.read(async (tx) => {
      const row = await loadDecision(tx, id, false);
      const d = row && this.engine.snapshotOf(row);
      if (!d || !(await this.scope.seesDecision(user, d, tx))) throw new NotFoundError('decision', id);
      return this.view(user, d, await this.readBeside(tx, d), tx);
    });
  }

  /**
   * One procedure step. The order of checks (README, "The HTTP service"): 404 (missing, or outside the caller's scope) →
   * 403 (its roles may not send this type, or not for this decision's unit) → 400 (body and
   * payload) → 409 → 422. The scope and role checks run inside the step's transaction, on the row
   * the step is decided on, so that the hot path reads the decision once.
   */
  async sendEvent(user: AuthUser, id: string, body: unknown): Promise<DecisionDetail> {
    const b = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    const bodyErrors = eventBodyErrors(body);
    const expectedVersion = bodyErrors.some((e) => e.field === 'expectedVersion') ? undefined : (b.expectedVersion as number | undefined);
    const authorize = async (d: AuthorizationTarget, type: unknown, tx: Tx): Promise<Actor> => {
      const actor = await this.authorize(user, d, type, tx);
      if (bodyErrors.length) throw new BadRequestError(bodyErrors);
      return actor;
    };
    const checkUnits = async (refs: UnitReference[], d: AuthorizationTarget, tx: Tx): Promise<void> => {
      const government = await this.units.nearestGovernment(d.organId, tx);
      if (!government) throw new DomainError(400, 'UNIT_OUTSIDE_ORGAN', '本决策的决策机关不在任何人民政府之下，不能指定其他单位');
      for (const ref of refs) await this.units.checkReference(ref.unitId, ref.field, government, tx);
    };
    const event = { type: b.type as string, payload: b.payload ?? {} };
    // The engine's apply, with the names and opinions the answer shows read in the step's own transaction (no second unit of work).
    const outcome = await this.runner.write(async (tx) => {
      const applied = await this.engine.applyWithin(tx, id, event, this.scope.actor(user, user.roles[0]), { expectedVersion, authorize, checkUnits });
      return applied.ok ? { ...applied, beside: await this.readBeside(tx, applied.decision) } : applied;
    });
    if (!outcome.ok) throw outcome.error;
    return this.view(user, outcome.decision, outcome.beside);
  }

  async history(user: AuthUser, id: string, page: PageQueryDto): Promise<Page<RecordEntry>> {
    return this.runner.read(async (tx) => {
      await this.visibleRow(user, id, tx);
      const { rows, total } = await this.repo.records(tx, id, page.offset, page.pageSize);
      return new Page(rows.map(toRecordEntry), total);
    });
  }

  /** One record row, its payload whole (the list cuts long ones). A seq that is no row is a 404. */
  async historyEntry(user: AuthUser, id: string, seq: string): Promise<RecordEntry> {
    return this.runner.read(async (tx) => {
      await this.visibleRow(user, id, tx);
      const n = /^[1-9][0-9]{0,8}$/.test(seq) ? Number(seq) : undefined;
      const row = n === undefined ? undefined : await this.repo.record(tx, id, n);
      if (!row) throw new NotFoundError('record entry', `${id}/${seq}`);
      return toRecordEntry(row);
    });
  }

  async violations(user: AuthUser, id: string, page: PageQueryDto): Promise<Page<ViolationEntry>> {
    return this.runner.read(async (tx) => {
      await this.visibleRow(user, id, tx);
      const { rows, total } = await this.repo.violations(tx, id, page.offset, page.pageSize);
      return new Page(rows.map(toViolationEntry), total);
    });
  }

  async publicList(q: PublicDecisionQueryDto): Promise<Page<PublicDecision>> {
    return this.runner.read(async (tx) => {
      const { rows, total } = await this.repo.published(tx, { year: q.year, organId: q.organId }, q.offset, q.pageSize);
      const items: PublicDecision[] = [];
      for (const row of rows) items.push(await this.publicView(row, tx, true));
      return new Page(items, total);
    });
  }

  async publicDetail(id: string): Promise<PublicDecision> {
    return this.runner.read(async (tx) => {
      const { rows } = await this.repo.published(tx, { decisionId: id }, 0, 1);
      if (!rows.length) throw new NotFoundError('published decision', id);
      return this.publicView(rows[0], tx);
    });
  }

  /** What this caller may send now: what some payload may still pass here, and its role may send for this decision. */
  async allowedEvents(user: AuthUser, d: DecisionSnapshot, tx?: Tx): Promise<string[]> {
    const out: string[] = [];
    if (!user.roles.some((r) => PROCEDURE_ROLES.includes(r))) return out;
    for (const type of d.def.openEvents(d.procedure)) {
      const who = d.def.eventActors[type];
      if (!who || d.def.systemEvents.includes(type)) continue;
      if (typeof (await this.scope.actorFor(user, who, d, tx)) !== 'object') continue;
      if (who.unit === 'reviewing_government') {
        const conflict = await (tx ? reviewDutyConflict(user, who, d, tx) : this.runner.read((t) => reviewDutyConflict(user, who, d, t)));
        if (conflict) continue;
      }
      out.push(type);
    }
    return out;
  }

  private async authorize(user: AuthUser, d: AuthorizationTarget, type: unknown, tx: Tx): Promise<Actor> {
    if (!(await this.scope.seesDecision(user, d, tx))) throw new NotFoundError('decision', d.id);
    if (!user.roles.some((r) => PROCEDURE_ROLES.includes(r))) {
      throw forbidden('FORBIDDEN_ROLE', `决策程序由${rolesNamed(PROCEDURE_ROLES)}办理；监督和系统管理账号只能查看，不得办理`, { requiredRoles: PROCEDURE_ROLES });
    }
    const def = this.registry.get(d.definition.id, d.definition.version);
    // An unknown or engine-only type is the engine's 400 (field `type`); no role sends it.
    if (typeof type !== 'string' || !def.isEventType(type) || def.systemEvents.includes(type)) return this.scope.actor(user, user.roles[0]);
    const who = def.eventActors[type];
    const actor = await this.scope.actorFor(user, who, d, tx);
    const event = named(def.labels.events[type] ?? type, type);
    if (actor === 'role') throw forbidden('FORBIDDEN_ROLE', `${event}由${rolesNamed([who.role])}办理，您的账号没有这个角色`, { requiredRoles: [who.role], event: type });
    if (actor === 'unit') throw forbidden('FORBIDDEN_UNIT', `${event}须由本决策事项的${UNIT_NAMES[who.unit]}办理，您所在的单位不是`, { event: type, actingUnit: who.unit });
    const conflict = await reviewDutyConflict(user, who, d, tx);
    if (conflict) throw dutyConflictError(conflict, type);
    return actor;
  }

  private async visibleRow(user: AuthUser, id: string, tx: Tx): Promise<void> {
    const [row] = await tx.query<{ organ_id: string; undertaking_unit_id: string; implementing_unit_id: string | null }>(
      'SELECT organ_id, undertaking_unit_id, implementing_unit_id FROM decision WHERE id = ?',
      [id],
    );
    const visible = row && (await this.scope.seesDecision(user, { organId: row.organ_id, undertakingUnitId: row.undertaking_unit_id, implementingUnitId: row.implementing_unit_id }, tx));
    if (!visible) throw new NotFoundError('decision', id);
  }

  private summary(d: DecisionSnapshot, names: ReadonlyMap<string, string>): DecisionSummary {
    return {
      id: d.id,
      title: d.title,
      category: d.category,
      categoryLabel: categoryWord(d.category),
      catalogId: d.catalogId,
      organId: d.organId,
      organName: nameIn(names, d.organId),
      undertakingUnitId: d.undertakingUnitId,
      undertakingUnitName: nameIn(names, d.undertakingUnitId),
      implementingUnitId: d.implementingUnitId,
      implementingUnitName: nameIn(names, d.implementingUnitId),
      year: d.year,
      definition: d.definition,
      stage: d.stage,
      stageLabel: stageWord(d.def.labels, d.stage),
      revision: d.revision,
      version: d.version,
      complete: d.complete,
      progress: this.progress.of(d),
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
  }

  private async view(user: AuthUser, d: DecisionSnapshot, beside: ReadBeside, tx?: Tx): Promise<DecisionDetail> {
    const inForce = d.def.inForce(d.procedure);
    const allowedEvents = await this.allowedEvents(user, d, tx);
    const flags = d.def.flags(d.procedure);
    return {
      ...this.summary(d, beside.names),
      state: d.state,
      requirements: (d.procedure.context as { requirements?: unknown } | null)?.requirements ?? null,
      allowedEvents,
      allowedEventLabels: allowedEvents.map((type) => eventWord(d.def.labels, type)),
      flags,
      flagLabels: flags.map(flagLabel),
      ...(inForce ? { inForce } : {}),
      legalOpinions: beside.opinions,
    };
  }

  /**
   * The units' names, and the legal opinions of the current review round (the record rows the
   * procedure state names by seq), read in the caller's unit of work.
   */
  private async readBeside(tx: Tx, d: DecisionSnapshot): Promise<ReadBeside> {
    const names = await unitNamesOf(tx, [d.organId, d.undertakingUnitId, d.implementingUnitId]);
    const seqs = ((d.procedure.context as { review?: { opinions?: Array<{ seq: number }> } } | null)?.review?.opinions ?? []).map((o) => o.seq);
    const rows = seqs.length ? await this.repo.legalOpinions(tx, d.id, seqs) : [];
    return { names, opinions: rows.map((r) => toLegalOpinion(d.id, r)) };
  }

  /**
   * A list reads publications whole only up to PUBLIC_PUBLICATION_CHARS; a longer one (a list of
   * channels near the body limit) is read alone, and in a list its channels are cut to
   * PUBLIC_CHANNELS_CHARS characters with `channelsTruncated: true` (its detail has them all).
   */
  private async publicView(row: PublishedSqlRow, tx: Tx, inList = false): Promise<PublicDecision> {
    const p = JSON.parse(row.payload ?? (await this.repo.payloadOf(tx, row.id, Number(row.seq)))) as { publishedOn: string; channels?: string[]; adoptionExplanation?: string };
    const channels = inList ? leadingTexts(p.channels ?? [], PUBLIC_CHANNELS_CHARS) : p.channels ?? [];
    const names = await unitNamesOf(tx, [row.organ_id, row.undertaking_unit_id, row.implementing_unit_id]);
    const name = (unitId: string | null) => nameIn(names, unitId);
    const implementingUnitName = name(row.implementing_unit_id);
    return {
      id: row.id,
      title: row.title,
      category: row.category,
      categoryLabel: categoryWord(row.category),
      year: Number(row.year),
      organId: row.organ_id,
      organName: name(row.organ_id),
      undertakingUnitId: row.undertaking_unit_id,
      undertakingUnitName: name(row.undertaking_unit_id),
      ...(row.implementing_unit_id ? { implementingUnitId: row.implementing_unit_id } : {}),
      ...(implementingUnitName ? { implementingUnitName } : {}),
      revision: Number(row.revision),
      publishedOn: p.publishedOn,
      channels,
      ...(channels.length < (p.channels?.length ?? 0) ? { channelsTruncated: true } : {}),
      ...(p.adoptionExplanation !== undefined ? { adoptionExplanation: p.adoptionExplanation } : {}),
    };
  }
}

const UNIT_NAMES: Record<string, string> = {
  organ: '决策机关',
  undertaking: '决策承办单位',
  implementing: '决策执行单位',
  reviewing_government: '合法性审查机构（决策机关所在人民政府之下）',
};

/** The members of the event body besides `type` and `payload`, which the engine checks. */
function eventBodyErrors(body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ field: 'body', message: BODY_NOT_OBJECT }];
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(b)) if (!EVENT_BODY_MEMBERS.has(key)) errors.push({ field: key, message: `${NOT_ALLOWED}（请求体只有 type、payload 和 expectedVersion）` });
  if (b.expectedVersion !== undefined && !(Number.isSafeInteger(b.expectedVersion) && (b.expectedVersion as number) >= 1)) {
    errors.push({ field: 'expectedVersion', message: '须为不小于 1 的整数（办理时看到的决策版本 version）' });
  }
  if (b.payload !== undefined && (typeof b.payload !== 'object' || b.payload === null || Array.isArray(b.payload))) {
    errors.push({ field: 'payload', message: '须为 JSON 对象' });
  }
  return errors;
}

function toLegalOpinion(decisionId: string, r: LegalOpinionSqlRow): LegalOpinion {
  const p = JSON.parse(r.payload) as { givenOn: string; author: string; authorKind: string; text: string };
  const seq = Number(r.seq);
  const authorKindLabel = Object.hasOwn(OPINION_AUTHOR_LABELS, p.authorKind) ? OPINION_AUTHOR_LABELS[p.authorKind] : p.authorKind;
  return { opinionId: opinionIdOf(decisionId, seq), seq, givenOn: p.givenOn, author: p.author, authorKind: p.authorKind, authorKindLabel, text: p.text };
}

/** The leading texts of `values` that hold at most `max` characters together. */
function leadingTexts(values: string[], max: number): string[] {
  let chars = 0;
  let n = 0;
  while (n < values.length && chars + values[n].length <= max) chars += values[n++].length;
  return n === values.length ? values : values.slice(0, n);
}

/** A record row, whole (StoredRecord) or as a list shows it (ListedRecordRow), with the actor's names. */
function toRecordEntry(r: (StoredRecord & ActorNameColumns) | ListedRecordRow): RecordEntry {
  const names = actorNamesOf(r);
  const truncated = 'payload_truncated' in r && (r.payload_truncated === true || Number(r.payload_truncated) === 1);
  return {
    seq: Number(r.seq),
    revision: Number(r.revision),
    type: r.type,
    typeLabel: eventWord(knownLabels(), r.type),
    payload: truncated ? r.payload : (JSON.parse(r.payload) as unknown),
    payloadTruncated: truncated,
    ...(truncated ? { payloadBytes: Number((r as ListedRecordRow).payload_bytes) } : {}),
    facts: JSON.parse(r.facts) as unknown,
    actor: JSON.parse(r.actor) as unknown,
    actorName: names.displayName,
    actorUnitName: names.orgUnitName,
    recordedAt: r.recorded_at,
    fromStage: r.from_stage,
    fromStageLabel: r.from_stage === null ? null : stageWord(knownLabels(), r.from_stage),
    toStage: r.to_stage,
    toStageLabel: stageWord(knownLabels(), r.to_stage),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** A refused attempt as every list of them shows it (GET /decisions/:id/violations, GET /audit/violations). */
export function toViolationEntry(v: ViolationSqlRow): ViolationEntry {
  const truncated = v.payload_truncated === true || Number(v.payload_truncated) === 1;
  return {
    id: v.id,
    decisionId: v.decision_id,
    event: v.event,
    eventLabel: eventWord(knownLabels(), v.event),
    code: v.code,
    codeLabel: codeLabel(v.code),
    category: refusalCategory(v.code),
    categoryLabel: categoryLabel(refusalCategory(v.code)),
    stage: v.stage,
    stageLabel: v.stage === null ? null : stageWord(knownLabels(), v.stage),
    legalBasis: (JSON.parse(v.legal_basis) as string[]).map((id) => LEGAL_BASIS[id] ?? { id }),
    missing: (JSON.parse(v.missing) as Array<{ step?: unknown }>).map((m) => (typeof m?.step === 'string' ? withStepLabel(knownLabels(), m as { step: string }) : m)),
    payload: truncated ? v.payload : (JSON.parse(v.payload) as unknown),
    payloadTruncated: truncated,
    payloadBytes: Number(v.payload_bytes),
    payloadSha256: v.payload_sha256 ?? '',
    actor: { ...(JSON.parse(v.actor) as Actor), ...actorNamesOf(v) },
    attemptedAt: v.attempted_at,
  };
}
