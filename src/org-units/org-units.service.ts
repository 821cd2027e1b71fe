import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { unitKindLabel } from '../../workflows/labels';
import { appendAdminLog, type AdminLogActor } from '../admin-log/admin-log';
import { BadRequestError, DomainError, NotFoundError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { Page, type PageQueryDto } from '../common/pagination';
import type { Tx } from '../database/transaction-runner';
import { TransactionRunner } from '../database/transaction-runner';
import type { OrgUnitKind } from './org-unit-kinds';
import { OrgUnitsRepository, type OrgUnit } from './org-units.repository';
import { nameIn, unitNamesOf } from './unit-names';

export type { OrgUnit } from './org-units.repository';

export interface CreateOrgUnitInput {
  name: string;
  kind: OrgUnitKind;
  parentId?: string;
}

/** PATCH /org-units/:id: a new name, or a deactivation or reactivation, or both. */
export interface UpdateOrgUnitInput {
  name?: string;
  active?: boolean;
}

/** A unit as the HTTP views show it: with the name of its parent, read now. */
export type OrgUnitView = OrgUnit & { parentName: string | null; /** The word of `kind` (人民政府…). */ kindLabel: string };

/** Deeper than any real administrative hierarchy; a guard against a corrupted parent chain. */
const MAX_DEPTH = 64;

/**
 * Organisation units and the scope questions other modules ask of them.
 *
 * Units are never deleted and never move, so a unit's place in the tree, once read, is kept in
 * memory for good: the scope checks of every request (`nearestGovernment`, `isUnder`) then cost no
 * query. A unit created on another instance is simply a cache miss. Only `active` and the name
 * change, and another instance may have changed them: `active` is read from the database
 * (`current`) wherever it decides something, and every view reads names from the database at read
 * time (`unitNamesOf`), never from this cache.
 *
 * The scope methods take an optional `tx`: pass it when calling from inside a unit of work, since
 * the SQLite runner is not re-entrant (a `read` inside a `write` would wait for itself).
 */
@Injectable()
export class OrgUnitsService {
  private readonly cache = new Map<string, OrgUnit>();

  constructor(
    private readonly runner: TransactionRunner,
    private readonly repo: OrgUnitsRepository,
  ) {}

  /** A new unit, with its admin log entry (`actor`: the administrator; null for the service itself). */
  async create(input: CreateOrgUnitInput, actor: AdminLogActor | null): Promise<OrgUnitView> {
    const now = new Date().toISOString();
    const name = input.name.trim();
    const write = this.runner.write(async (tx): Promise<OrgUnitView> => {
      const parent = input.parentId === undefined ? undefined : await this.find(input.parentId, tx);
      if (input.parentId !== undefined && !parent) {
        throw invalidParent('PARENT_NOT_FOUND', `没有编号为「${input.parentId}」的单位：请从单位列表中选择上级单位`, '不是已登记的单位');
      }
      if (parent && !(await this.repo.findById(tx, parent.id))?.active) {
        throw invalidParent('PARENT_INACTIVE', `上级单位「${parent.name}」已经停用，不能在其下新建单位`, '上级单位已停用');
      }
      if (parent && input.kind === 'government' && parent.kind !== 'government') {
        throw invalidParent(
          'INVALID_PARENT',
          '人民政府只能设在另一级人民政府之下',
          '须为一级人民政府',
        );
      }
      if (input.kind !== 'government' && (!parent || !(await this.nearestGovernment(parent.id, tx)))) {
        throw invalidParent(
          'INVALID_PARENT',
          `${unitKindLabel(input.kind)}须设在某一级人民政府之下（直接或者经由其上级单位）`,
          '须通向某一级人民政府',
        );
      }
      const parentId = parent?.id ?? null;
      await this.refuseTakenName(tx, parentId, name);
      const created: OrgUnit = { id: randomUUID(), name, kind: input.kind, parentId, active: true, createdAt: now, updatedAt: now };
      await this.repo.insert(tx, created);
      await appendAdminLog(tx, {
        action: 'ORG_UNIT_CREATED',
        actor,
        targetKind: 'org_unit',
        targetId: created.id,
        after: { name, kind: created.kind, parentId, active: true },
        at: now,
      });
      return { ...created, kindLabel: unitKindLabel(created.kind), parentName: parent ? ((await this.repo.findById(tx, parent.id))?.name ?? null) : null };
    });
    const unit = await this.settleNameRace(write, name);
    this.cache.set(unit.id, withoutParentName(unit));
    return unit;
  }

  /**
   * Renames a unit, or deactivates a unit that was dissolved or merged, or activates it again (or
   * renames and changes `active` at once), each with its admin log entry, in one transaction.
   *
   * A name is unique under its parent, inactive units included (409 ORG_UNIT_NAME_TAKEN naming
   * `name`): an inactive unit is renamed first when a new unit is to take its name. A unit is
   * deactivated only once nothing depends on it: no case of it is open (as organ, undertaking or
   * implementing unit), no unit below it is active, no user of it is enabled — each is a 409 that
   * says what to do first. A unit is activated again only under an active parent.
   */
  async update(id: string, input: UpdateOrgUnitInput, actor: AdminLogActor | null): Promise<OrgUnitView> {
    if (input.name === undefined && input.active === undefined) {
      throw new BadRequestError(
        [
          { field: 'name', message: '请提供新的单位名称 name，或者 active（停用或者重新启用）' },
          { field: 'active', message: '请提供 active（false 停用，true 重新启用），或者新的单位名称 name' },
        ],
        '请求未说明要改什么：请提供 name（更名）或者 active（停用、重新启用）',
      );
    }
    const name = input.name?.trim();
    const write = this.runner.write(async (tx): Promise<OrgUnitView> => {
      const found = await this.repo.findById(tx, id, true);
      if (!found) throw new NotFoundError('organisation unit', id);
      const updatedAt = new Date().toISOString();
      let unit = found;
      if (name !== undefined && name !== found.name) {
        await this.refuseTakenName(tx, found.parentId, name, found.id);
        await this.repo.rename(tx, id, name, updatedAt);
        await appendAdminLog(tx, { action: 'ORG_UNIT_RENAMED', actor, targetKind: 'org_unit', targetId: id, before: { name: found.name }, after: { name }, at: updatedAt });
        unit = { ...unit, name, updatedAt };
      }
      const active = input.active;
      if (active !== undefined && active !== found.active) {
        await this.refuseActiveChange(tx, unit, active);
        await this.repo.setActive(tx, id, active, updatedAt);
        await appendAdminLog(tx, {
          action: active ? 'ORG_UNIT_REACTIVATED' : 'ORG_UNIT_DEACTIVATED',
          actor,
          targetKind: 'org_unit',
          targetId: id,
          before: { active: found.active },
          after: { active },
          at: updatedAt,
        });
        unit = { ...unit, active, updatedAt };
      }
      const parentName = nameIn(await unitNamesOf(tx, [unit.parentId]), unit.parentId);
      return { ...unit, kindLabel: unitKindLabel(unit.kind), parentName };
    });
    const unit = name === undefined ? await write : await this.settleNameRace(write, name);
    this.cache.set(unit.id, withoutParentName(unit));
    return unit;
  }

  /** Why `unit` may not become `active` now (see update), or nothing. */
  private async refuseActiveChange(tx: Tx, unit: OrgUnit, active: boolean): Promise<void> {
    if (active && unit.parentId) {
      const parent = await this.repo.findById(tx, unit.parentId);
      if (!parent?.active) throw new DomainError(409, 'PARENT_INACTIVE', `上级单位「${parent?.name ?? unit.parentId}」已经停用：请先启用上级单位`);
    }
    if (!active) {
      const d = await this.repo.dependants(tx, unit.id);
      if (d.openCases > 0) {
        throw new DomainError(409, 'UNIT_HAS_OPEN_CASES', `「${unit.name}」还有 ${d.openCases} 件未办结的决策事项（作为决策机关、承办单位或者执行单位），办结或者撤回后才能停用`, { openCases: d.openCases });
      }
      if (d.activeChildren > 0) {
        throw new DomainError(409, 'UNIT_HAS_ACTIVE_CHILDREN', `「${unit.name}」下还有 ${d.activeChildren} 个在用的单位，请先停用这些单位`, { activeChildren: d.activeChildren });
      }
      if (d.activeUsers > 0) {
        throw new DomainError(409, 'UNIT_HAS_ACTIVE_USERS', `「${unit.name}」还有 ${d.activeUsers} 个在用的用户账号，请先停用这些账号或者调整其所属单位`, { activeUsers: d.activeUsers });
      }
    }
  }

  /** 409 naming `name` when another unit under `parentId` (at the top: null) already has this name. */
  private async refuseTakenName(tx: Tx, parentId: string | null, name: string, exceptId?: string): Promise<void> {
    const other = await this.repo.sibling(tx, parentId, name, exceptId);
    if (!other) return;
    const parent = parentId ? await this.repo.findById(tx, parentId) : undefined;
    throw nameTaken(name, parent?.name ?? null, other);
  }

  /**
   * PostgreSQL, two instances: the unique index settles a race that refuseTakenName did not see.
   * The answer is then the same 409 naming `name`.
   */
  private async settleNameRace(write: Promise<OrgUnitView>, name: string): Promise<OrgUnitView> {
    try {
      return await write;
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(name, null);
      throw err;
    }
  }

  /** The unit as the database has it now (`active` included), or undefined. */
  async current(unitId: string, tx?: Tx): Promise<OrgUnit | undefined> {
    const unit = tx ? await this.repo.findById(tx, unitId) : await this.runner.read((t) => this.repo.findById(t, unitId));
    if (unit) this.cache.set(unit.id, unit);
    return unit;
  }

  /**
   * A unit that a request names (an implementing unit, a catalog item's undertaking unit, a party)
   * must exist, be active, and lie under `within` (the organ's government, or the organ itself):
   * otherwise a 400 naming `field`. Returns the unit.
   */
  async checkReference(unitId: string, field: string, within: OrgUnit, tx?: Tx): Promise<OrgUnit> {
    const refuse = (code: string, detail: string, message: string) => new DomainError(400, code, detail, { errors: [{ field, message }] });
    const unit = await this.current(unitId, tx);
    if (!unit) throw refuse('ORG_UNIT_NOT_FOUND', `没有 id 为 ${unitId} 的单位：请从单位列表中选择`, `${field} 不是已登记的单位`);
    if (!unit.active) throw refuse('ORG_UNIT_INACTIVE', `「${unit.name}」已经停用，不能再作为办理单位`, `${field} 所指单位已停用`);
    if (!(await this.isUnder(unit.id, within.id, tx))) {
      const where = within.kind === 'government' ? `${within.name}及其所属单位` : `${within.name}或者其下属单位`;
      throw refuse('UNIT_OUTSIDE_ORGAN', `「${unit.name}」不属于${where}，不能在本机关的决策中指定`, `${field} 须为${where}`);
    }
    return unit;
  }

  /** A page of units, oldest first, each with its parent's name. */
  list(query: PageQueryDto): Promise<Page<OrgUnitView>> {
    return this.runner.read(async (tx) => {
      const units = await this.repo.list(tx, query.offset, query.pageSize);
      const names = await unitNamesOf(tx, units.map((u) => u.parentId));
      return new Page(
        units.map((u) => ({ ...u, kindLabel: unitKindLabel(u.kind), parentName: nameIn(names, u.parentId) })),
        await this.repo.count(tx),
      );
    });
  }

  /** The unit, or undefined when there is none with this id. */
  async find(unitId: string, tx?: Tx): Promise<OrgUnit | undefined> {
    const cached = this.cache.get(unitId);
    if (cached) return cached;
    const unit = tx ? await this.repo.findById(tx, unitId) : await this.runner.read((t) => this.repo.findById(t, unitId));
    if (unit) this.cache.set(unit.id, unit);
    return unit;
  }

  /** The unit and its parents, nearest first; empty when the unit does not exist. */
  async chain(unitId: string, tx?: Tx): Promise<OrgUnit[]> {
    const chain: OrgUnit[] = [];
    let next: string | null = unitId;
    while (next !== null && chain.length < MAX_DEPTH) {
      const unit = await this.find(next, tx);
      if (!unit) break;
      chain.push(unit);
      next = unit.parentId;
    }
    return chain;
  }

  /**
   * The nearest `government` unit at or above this unit (the unit itself when it is one): the
   * organ whose legal reviewers serve it. Null when the unit does not exist.
   */
  async nearestGovernment(unitId: string, tx?: Tx): Promise<OrgUnit | null> {
    return (await this.chain(unitId, tx)).find((u) => u.kind === 'government') ?? null;
  }

  /** The unit and every unit below it, at any depth (empty when the unit does not exist). */
  async subtree(unitId: string, tx?: Tx): Promise<string[]> {
    if (!(await this.find(unitId, tx))) return [];
    const below = tx ? await this.repo.descendantIds(tx, unitId) : await this.runner.read((t) => this.repo.descendantIds(t, unitId));
    return [unitId, ...below];
  }

  /** True when `unitId` is `ancestorId` itself or lies anywhere below it. */
  async isUnder(unitId: string, ancestorId: string, tx?: Tx): Promise<boolean> {
    return (await this.chain(unitId, tx)).some((u) => u.id === ancestorId);
  }
}

/** The 409 of a name another unit under the same parent already has (`other`: that unit, when known). */
function nameTaken(name: string, parentName: string | null, other?: OrgUnit): DomainError {
  const where = parentName ? `「${parentName}」下` : '同一上级单位下';
  const inactive = other && !other.active ? '（该单位已停用：可重新启用它，或者先将它更名后再使用这个名称）' : '';
  return new DomainError(409, 'ORG_UNIT_NAME_TAKEN', `${where}已有名为「${name}」的单位${inactive}，同一上级单位下的单位不得重名`, {
    errors: [{ field: 'name', message: `与${where}的「${name}」重名` }],
    ...(other ? { existingUnitId: other.id, existingUnitActive: other.active } : {}),
  });
}

const withoutParentName = ({ parentName: _p, ...unit }: OrgUnitView): OrgUnit => unit;

function invalidParent(code: string, detail: string, message: string): DomainError {
  return new DomainError(400, code, detail, { errors: [{ field: 'parentId', message }] });
}
