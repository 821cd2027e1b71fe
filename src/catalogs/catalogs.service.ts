import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { requirementsErrors } from '../../workflows/major-decision/v1';
import type { AuthUser } from '../auth/auth-user';
import { BadRequestError, DomainError, NotFoundError, VersionConflictError, type FieldError } from '../common/errors/domain-error';
import { valueNamed } from '../common/labels/value-labels';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { DEFAULT_PAGE_SIZE, Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import type { Actor } from '../engine/actor';
import { DecisionProgress } from '../engine/decision-progress';
import { CLOCK } from '../engine/engine.module';
import { ProcedureEngine, type Clock, type DecisionSnapshot } from '../engine/procedure-engine';
import { loadDecision } from '../engine/procedure-store';
import type { ProcedureDefinition } from '../../workflows/definition';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ProcedureScope } from '../org-units/procedure-scope';
import { checkBody, validBody } from './body-validation';
import { AddCatalogItemDto, PublishCatalogDto, WithdrawItemDto, type CatalogQueryDto, type CreateCatalogDto } from './catalog.dto';
import { catalogView, itemDetailsOf, itemView, publicationsOf, restrictedItemView, type CatalogItemView, type CatalogPublication, type CatalogView, type ItemDetails, type RestrictedItemView } from './catalog-views';
import { namedCatalog, namedItem } from './catalog-names';
import { CatalogsRepository, type CatalogSqlRow } from './catalogs.repository';
import { publicationRefusal, withdrawalRefusal, type Refusal } from './catalog-refusals';
import { DECISION_CATEGORIES, isExcludedCategory } from './categories';

/** The role under which a caller proposes items to a catalog. */
export type ItemRole = 'office' | 'department';

/** An item of a category the decree leaves out (SC713-3 第二款): refused and stored as a violation attempt. */
export const OUT_OF_SCOPE = {
  code: 'OUT_OF_SCOPE',
  detail: '财政政策、货币政策等宏观调控决策，政府立法决策以及突发事件应急处置决策不适用重大行政决策程序，不得列入目录',
  legalBasis: ['SC713-3'],
  errors: [{ field: 'category', message: `不适用重大行政决策程序；决策事项的类别须为以下之一：${DECISION_CATEGORIES.map(valueNamed).join('、')}` }],
};


/** Stages from which an item may still leave the catalog: the procedure has not been started (SC713-10). */
const NOT_STARTED = ['proposed', 'cataloged'];

const catalogNotFound = (id: string) => new NotFoundError('catalog', id);

const forbiddenRole = (detail: string) => new DomainError(403, 'FORBIDDEN_ROLE', detail);

/**
 * 年度重大行政决策事项目录: an organ's catalog of the year's major decisions. Each item is a decision
 * of the procedure (ITEM_PROPOSED); publication with the party committee's approval moves the
 * proposed items to `cataloged` (SC713-3, HLJ-3); an item not yet started may be withdrawn.
 *
 * Checks run in the order of the HTTP contract (README, "The HTTP service"): 404 (catalog missing or outside the caller's scope) → 403
 * (role, then unit) → 400 (fields) → 422, which is why bodies are validated here rather than by
 * the global pipe, and why the role checks are not `@Roles` decorators.
 */
@Injectable()
export class CatalogsService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly repo: CatalogsRepository,
    private readonly engine: ProcedureEngine,
    private readonly progress: DecisionProgress,
    private readonly scope: ProcedureScope,
    private readonly units: OrgUnitsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateCatalogDto): Promise<CatalogView> {
    const organ = await this.units.current(dto.organId);
    if (!organ) {
      throw new DomainError(400, 'ORG_UNIT_NOT_FOUND', `没有编号为「${dto.organId}」的单位：请从单位列表中选择决策机关`, {
        errors: [{ field: 'organId', message: '不是已登记的单位' }],
      });
    }
    if (!user.roles.includes('office') || user.orgUnitId !== organ.id) {
      throw new DomainError(403, 'FORBIDDEN_ORGAN', '政府办只能编制本机关的年度重大行政决策事项目录');
    }
    if (!organ.active) {
      throw new DomainError(400, 'ORG_UNIT_INACTIVE', `「${organ.name}」已经停用，不能再编制年度目录`, {
        errors: [{ field: 'organId', message: 'organId 所指单位已停用' }],
      });
    }
    const now = this.clock.now().toISOString();
    const row: CatalogSqlRow = { id: randomUUID(), organ_id: organ.id, year: dto.year, status: 'draft', revision: 0, publications: '[]', created_at: now, updated_at: now };
    try {
      await this.runner.write(async (tx) => {
        const existing = await this.repo.findCatalogOf(tx, organ.id, dto.year);
        if (existing) throw catalogExists(organ.name, dto.year, existing.id);
        await this.repo.insertCatalog(tx, row);
      });
    } catch (err) {
      // PostgreSQL, two instances: the unique constraint settles a race the check above did not see.
      if (isUniqueViolation(err)) throw catalogExists(organ.name, dto.year);
      throw err;
    }
    return { ...catalogView(row), organName: organ.name };
  }

  list(user: AuthUser, query: CatalogQueryDto): Promise<Page<CatalogView>> {
    return this.runner.read(async (tx) => {
      const visible = await this.scope.visibleOrgans(user, tx);
      const filter = { visibleOrganIds: visible.all ? undefined : visible.organIds, organId: query.organId, year: query.year };
      const rows = await this.repo.listCatalogs(tx, filter, query.offset, query.pageSize);
      return new Page(
        await namedCatalog(tx, rows.map((r) => catalogView(r, { itemCount: r.item_count }, false))),
        await this.repo.countCatalogs(tx, filter),
      );
    });
  }

  /** The catalog with one page of its items (`itemCount` says how many there are in all). */
  get(user: AuthUser, id: string, page: PageQueryDto): Promise<CatalogView> {
    return this.runner.read(async (tx) => {
      const catalog = await this.visibleCatalog(user, id, tx);
      return (await namedCatalog(tx, [catalogView(catalog, await this.items(user, tx, id, page.offset, page.pageSize))]))[0];
    });
  }

  /** A new item, which is also a new decision in stage `proposed` (ITEM_PROPOSED). */
  async addItem(user: AuthUser, catalogId: string, body: unknown): Promise<CatalogItemView> {
    const { catalog, role } = await this.runner.read(async (tx) => {
      const found = await this.visibleCatalog(user, catalogId, tx);
      return { catalog: found, role: await this.proposerRole(user, found.organ_id, tx) };
    });

    const dto = await this.validItem(body);
    await this.checkItemUnit(user, role, dto.undertakingUnitId, catalog.organ_id);

    const actor = this.scope.actor(user, role);
    if (isExcludedCategory(dto.category)) {
      await this.engine.recordViolation({ ...OUT_OF_SCOPE, organId: catalog.organ_id, event: 'ITEM_PROPOSED', payload: itemOf(dto), actor });
    }
    return this.runner.write(async (tx) => {
      const { decision, details } = await this.proposeWithin(tx, catalog, dto, actor);
      return namedItem(tx, this.view(decision, details));
    });
  }

  /**
   * Writes a valid item and its decision (ITEM_PROPOSED) inside the caller's unit of work: what
   * POST /catalogs/:id/items does once every check has passed, and what an import does per row
   * (with ids that keep its rows in order: items are listed by the time they were proposed, then id).
   */
  async proposeWithin(
    tx: Tx,
    catalog: CatalogSqlRow,
    dto: AddCatalogItemDto,
    actor: Actor,
    id?: string,
    organKind?: string,
  ): Promise<{ decision: DecisionSnapshot; details: ItemDetails }> {
    const details: ItemDetails = {
      legalBasis: dto.legalBasis,
      affectsMarket: dto.affectsMarket === true,
      plannedStartOn: dto.plannedStartOn ?? null,
      plannedDecisionOn: dto.plannedDecisionOn ?? null,
      requirements: dto.requirements,
    };
    const kind = organKind ?? (await this.organKindOf(catalog, tx));
    const decision = await this.engine.createWithin(
      tx,
      {
        id,
        catalogId: catalog.id,
        organId: catalog.organ_id,
        undertakingUnitId: dto.undertakingUnitId,
        year: catalog.year,
        title: dto.title,
        category: dto.category,
        input: compact({
          requirements: dto.requirements,
          affectsMarket: dto.affectsMarket === true,
          plannedStartOn: dto.plannedStartOn,
          plannedDecisionOn: dto.plannedDecisionOn,
          year: catalog.year,
          organKind: kind,
        }),
        item: itemOf(dto),
      },
      actor,
    );
    await this.repo.insertItem(tx, { decisionId: decision.id, catalogId: catalog.id, ...details, createdAt: decision.createdAt });
    return { decision, details };
  }

  /** The kind of the catalog's organ, which names the meeting that discusses a draft (SC713-30, 42): read once per catalog by an import. */
  async organKindOf(catalog: CatalogSqlRow, tx: Tx): Promise<string | undefined> {
    return (await this.units.find(catalog.organ_id, tx))?.kind;
  }

  /**
   * Publishes the catalog with the party committee's approval: in one transaction the catalog
   * becomes `published` with revision + 1, and every `proposed` item moves to `cataloged` through
   * CATALOG_PUBLISHED. What would make an item refuse is checked first, so that a refusal is one
   * clean 422; should the engine still refuse an item, the whole publication rolls back.
   */
  async publish(user: AuthUser, catalogId: string, body: unknown): Promise<CatalogView> {
    await this.runner.read(async (tx) => {
      const catalog = await this.visibleCatalog(user, catalogId, tx);
      if (!this.isOfficeOf(user, catalog.organ_id)) throw forbiddenRole('年度目录由本机关政府办报请同级党委同意后公布');
    });
    const dto = await validBody(PublishCatalogDto, body);
    const actor = this.scope.actor(user, 'office');
    const today = this.clock.today();

    const outcome = await this.runner.write(async (tx): Promise<{ refusal: Refusal } | { view: CatalogView }> => {
      const catalog = (await this.repo.findCatalog(tx, catalogId, true)) as CatalogSqlRow;
      const proposed = await this.repo.proposedItemIds(tx, catalogId, true);
      const previous = publicationsOf(catalog);
      const refusal = publicationRefusal(catalog.organ_id, dto, proposed.length, previous, today);
      if (refusal) return { refusal };

      const revision = catalog.revision + 1;
      const payload = {
        catalogId,
        catalogRevision: revision,
        partyCommitteeApprovedOn: dto.partyCommitteeApprovedOn,
        partyCommitteeRef: dto.partyCommitteeRef,
        publishedOn: dto.publishedOn,
      };
      for (const id of proposed) {
        const moved = await this.engine.applyWithin(tx, id, { type: 'CATALOG_PUBLISHED', payload }, actor, { system: true });
        if (!moved.ok) throw moved.error;
      }
      const now = this.clock.now().toISOString();
      const publication: CatalogPublication = {
        revision,
        partyCommitteeApprovedOn: dto.partyCommitteeApprovedOn,
        partyCommitteeRef: dto.partyCommitteeRef,
        publishedOn: dto.publishedOn,
        recordedAt: now,
        publishedBy: actor,
        itemIds: await this.repo.listedItemIds(tx, catalogId),
        catalogedItemIds: proposed,
      };
      const next = { status: 'published', revision, publications: JSON.stringify([...previous, publication]), updated_at: now };
      if (!(await this.repo.markPublished(tx, catalogId, catalog.revision, next))) {
        // Unreachable while the catalog row is locked (PostgreSQL) or writes are serialized (SQLite).
        throw new VersionConflictError(catalog.revision + 1, '目录同时被另一次公布更新：请刷新后核对再公布');
      }
      return { view: (await namedCatalog(tx, [catalogView({ ...catalog, ...next }, await this.items(user, tx, catalogId, 0, DEFAULT_PAGE_SIZE))]))[0] };
    });

    if ('refusal' in outcome) return this.refuse(outcome.refusal, actor, { catalogId, ...dto });
    return outcome.view;
  }

  /**
   * Takes an item not yet started out of the catalog: the engine's WITHDRAW, dated today. The
   * decision is kept, in stage `withdrawn`. An item whose procedure has started is withdrawn
   * through the procedure itself (POST /decisions/:id/events), not through the catalog.
   */
  async withdrawItem(user: AuthUser, catalogId: string, decisionId: string, body: unknown): Promise<CatalogItemView> {
    const row = await this.runner.read(async (tx) => {
      await this.visibleCatalog(user, catalogId, tx);
      const item = await this.repo.itemOf(tx, catalogId, decisionId);
      if (!item) throw new DomainError(404, 'NOT_FOUND', `年度决策事项目录「${catalogId}」中没有事项「${decisionId}」：请核对目录和事项的编号`);
      if (!this.isOfficeOf(user, item.organ_id)) throw forbiddenRole('目录事项只能由本机关政府办撤回');
      return item;
    });
    const dto = await validBody(WithdrawItemDto, body);
    const actor = this.scope.actor(user, 'office');

    const outcome = await this.runner.write(async (tx): Promise<{ refusal: Refusal } | { decision: DecisionSnapshot; view: CatalogItemView }> => {
      const current = await loadDecision(tx, decisionId, true);
      const stage = current?.stage ?? row.stage;
      if (!NOT_STARTED.includes(stage)) return { refusal: withdrawalRefusal(row.organ_id, decisionId, stage) };
      const payload = withdrawalPayload(current && this.engine.registry.get(current.definition_id, current.definition_version), this.clock.today(), dto);
      const withdrawn = await this.engine.applyWithin(tx, decisionId, { type: 'WITHDRAW', payload }, actor);
      if (!withdrawn.ok) throw withdrawn.error;
      return { decision: withdrawn.decision, view: await namedItem(tx, this.view(withdrawn.decision, itemDetailsOf(row, withdrawn.decision))) };
    });

    if ('refusal' in outcome) return this.refuse(outcome.refusal, actor, { reason: dto.reason });
    return outcome.view;
  }

  /** The catalog, or 404 when it does not exist or lies outside the caller's scope (ids do not leak). */
  async visibleCatalog(user: AuthUser, id: string, tx: Tx): Promise<CatalogSqlRow> {
    const catalog = await this.repo.findCatalog(tx, id);
    if (!catalog || !(await this.scope.seesOrgan(user, catalog.organ_id, tx))) throw catalogNotFound(id);
    return catalog;
  }

  /**
   * The role under which the caller may propose items to the catalog of `organId`: the organ's
   * own office, or a department or street at or below the organ (which then proposes items it
   * undertakes itself).
   */
  private async itemRole(user: AuthUser, organId: string, tx: Tx): Promise<ItemRole | undefined> {
    if (this.isOfficeOf(user, organId)) return 'office';
    const own = user.orgUnitId;
    if (user.roles.includes('department') && own && (await this.units.isUnder(own, organId, tx))) return 'department';
    return undefined;
  }

  /** The same, or the 403 of a caller who may not propose items to this organ's catalog. */
  async proposerRole(user: AuthUser, organId: string, tx: Tx): Promise<ItemRole> {
    const role = await this.itemRole(user, organId, tx);
    if (!role) throw forbiddenRole('目录事项由本机关政府办或者决策承办单位提出');
    return role;
  }

  private isOfficeOf(user: AuthUser, organId: string): boolean {
    return user.roles.includes('office') && user.orgUnitId === organId;
  }

  /** The DTO's field errors and the procedure's requirement rule, in one 400. */
  private async validItem(body: unknown): Promise<AddCatalogItemDto> {
    const checked = await this.itemErrors(body);
    if (!checked.value) throw new BadRequestError(checked.errors);
    return checked.value;
  }

  /** The same without throwing: the valid item, or every field error of the body (an import reports them per row). */
  async itemErrors(body: unknown): Promise<{ value: AddCatalogItemDto; errors: [] } | { value: undefined; errors: FieldError[] }> {
    const checked = await checkBody(AddCatalogItemDto, body);
    const raw = isObject(body) ? body : {};
    const errors: FieldError[] = [...checked.errors, ...requirementsErrors(raw.requirements)];
    const start = raw.plannedStartOn;
    const end = raw.plannedDecisionOn;
    if (checked.value && typeof start === 'string' && typeof end === 'string' && end < start) {
      errors.push({ field: 'plannedDecisionOn', message: `不得早于计划启动日期 plannedStartOn（${start}）` });
    }
    if (errors.length || !checked.value) return { value: undefined, errors };
    return { value: checked.value, errors: [] };
  }

  /**
   * The undertaking unit an item names, as its proposer may name it: a department proposes items
   * it undertakes itself (403 FORBIDDEN_UNIT), and the unit is the organ or a unit under it, and
   * active (the 400s of OrgUnitsService.checkReference). Pass `tx` inside a unit of work.
   */
  async checkItemUnit(user: AuthUser, role: ItemRole, unitId: string, organId: string, tx?: Tx): Promise<void> {
    if (role === 'department' && unitId !== user.orgUnitId) {
      throw new DomainError(403, 'FORBIDDEN_UNIT', '承办单位只能以本单位为承办单位提出目录事项');
    }
    const organ = await this.units.find(organId, tx);
    if (organ) await this.units.checkReference(unitId, 'undertakingUnitId', organ, tx);
  }

  /**
   * A page of the catalog's items as this caller may see them: whole where the decision is in its
   * scope, otherwise only what the public catalog shows (a department sees the other departments'
   * items of its organ's catalog, but not their stage, progress or internal fields). With how many
   * there are in all: a catalog answer holds at most MAX_PAGE_SIZE items, however many it has.
   */
  private async items(user: AuthUser, tx: Tx, catalogId: string, offset: number, limit: number): Promise<{ itemCount: number; items: Array<CatalogItemView | RestrictedItemView> }> {
    const rows = await this.repo.itemsOf(tx, catalogId, offset, limit);
    const items: Array<CatalogItemView | RestrictedItemView> = [];
    for (const row of rows) {
      const decision = this.engine.snapshotOf(row);
      const details = itemDetailsOf(row, decision);
      items.push((await this.scope.seesDecision(user, decision, tx)) ? this.view(decision, details) : restrictedItemView(decision, details));
    }
    return { itemCount: await this.repo.countItems(tx, catalogId), items };
  }

  private view(decision: DecisionSnapshot, details: ItemDetails): CatalogItemView {
    return itemView(decision, details, this.progress.of(decision));
  }

  /** Stores the refusal as a violation attempt (in its own unit of work) and throws the 422. */
  private async refuse(r: Refusal, actor: Actor, payload: unknown): Promise<never> {
    try {
      return await this.engine.recordViolation({ ...r, payload, actor, decisionId: r.decisionId ?? null });
    } catch (err) {
      // The engine records refusals outside a step without a stage; the answer still says where the item stood.
      if (r.stage && err instanceof DomainError && err.status === 422) throw new DomainError(422, err.code, err.detail, { ...err.extra, stage: r.stage });
      throw err;
    }
  }
}

function catalogExists(organName: string, year: number, catalogId?: string): DomainError {
  return new DomainError(409, 'CATALOG_EXISTS', `${organName}的${year}年度重大行政决策事项目录已经存在`, catalogId ? { catalogId } : {});
}

/** The item as the ITEM_PROPOSED record keeps it: what was posted, without absent members. */
export function itemOf(dto: AddCatalogItemDto): Record<string, unknown> {
  return compact({
    title: dto.title,
    category: dto.category,
    undertakingUnitId: dto.undertakingUnitId,
    legalBasis: dto.legalBasis,
    affectsMarket: dto.affectsMarket,
    plannedStartOn: dto.plannedStartOn,
    plannedDecisionOn: dto.plannedDecisionOn,
    requirements: dto.requirements,
  });
}

/** Drops undefined members: the record's hash is taken over what JSON keeps. */
/**
 * The WITHDRAW of a catalog item, in the terms of the version its decision follows: version 2 names
 * the organ's decision that adjusts the catalog (SC713-3), which the body must then give (400 naming
 * `organDecisionRef`); version 1 knows no such field and records without it.
 */
function withdrawalPayload(def: ProcedureDefinition | undefined, today: string, dto: WithdrawItemDto): Record<string, unknown> {
  const asks = def !== undefined && Object.hasOwn(def.docs.payloads.WITHDRAW ?? {}, 'organDecisionRef');
  if (!asks) return { withdrawnOn: today, reason: dto.reason };
  if (!dto.organDecisionRef) throw new BadRequestError([{ field: 'organDecisionRef', message: '必填：决策机关决定调整目录、撤回该事项的文件或者会议纪要文号（《重大行政决策程序暂行条例》第三条第三款）' }]);
  return { withdrawnOn: today, reason: dto.reason, organDecisionRef: dto.organDecisionRef };
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
