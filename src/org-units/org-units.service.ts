import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { Page, type PageQueryDto } from '../common/pagination';
import type { Tx } from '../database/transaction-runner';
import { TransactionRunner } from '../database/transaction-runner';
import type { OrgUnitKind } from './org-unit.entity';
import { OrgUnitsRepository, type OrgUnit } from './org-units.repository';

export type { OrgUnit } from './org-units.repository';

export interface CreateOrgUnitInput {
  name: string;
  kind: OrgUnitKind;
  parentId?: string;
}

/** Deeper than any real administrative hierarchy; a guard against a corrupted parent chain. */
const MAX_DEPTH = 64;

/**
 * Organisation units and the scope questions other modules ask of them.
 *
 * Units are never deleted and never move, so a unit's place in the tree, once read, is kept in
 * memory for good: the scope checks of every request (`nearestGovernment`, `isUnder`) then cost no
 * query. A unit created on another instance is simply a cache miss. Only `active` changes, and it is
 * read from the database (`current`) wherever it decides something: another instance may have
 * changed it.
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

  async create(input: CreateOrgUnitInput): Promise<OrgUnit> {
    const now = new Date().toISOString();
    const unit = await this.runner.write(async (tx) => {
      const parent = input.parentId === undefined ? undefined : await this.find(input.parentId, tx);
      if (input.parentId !== undefined && !parent) {
        throw invalidParent('PARENT_NOT_FOUND', `No organisation unit ${input.parentId}.`, 'no such organisation unit');
      }
      if (parent && !(await this.repo.findById(tx, parent.id))?.active) {
        throw invalidParent('PARENT_INACTIVE', `上级单位「${parent.name}」已经停用，不能在其下新建单位`, '上级单位已停用');
      }
      if (parent && input.kind === 'government' && parent.kind !== 'government') {
        throw invalidParent(
          'INVALID_PARENT',
          'A government unit can only sit under another government unit.',
          'must be a government unit',
        );
      }
      if (input.kind !== 'government' && (!parent || !(await this.nearestGovernment(parent.id, tx)))) {
        throw invalidParent(
          'INVALID_PARENT',
          `A ${input.kind} must sit under a government unit (directly or through its parents).`,
          'must lead up to a government unit',
        );
      }
      const created: OrgUnit = {
        id: randomUUID(),
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        active: true,
        createdAt: now,
        updatedAt: now,
      };
      await this.repo.insert(tx, created);
      return created;
    });
    this.cache.set(unit.id, unit);
    return unit;
  }

  /**
   * Deactivates a unit that was dissolved or merged, or activates it again. A unit is deactivated
   * only once nothing depends on it: no case of it is open (as organ, undertaking or implementing
   * unit), no unit below it is active, no user of it is enabled — each is a 409 that says what to
   * do first. A unit is activated again only under an active parent.
   */
  async setActive(id: string, active: boolean): Promise<OrgUnit> {
    const unit = await this.runner.write(async (tx) => {
      const found = await this.repo.findById(tx, id, true);
      if (!found) throw new NotFoundError('organisation unit', id);
      if (found.active === active) return found;
      if (active && found.parentId) {
        const parent = await this.repo.findById(tx, found.parentId);
        if (!parent?.active) throw new DomainError(409, 'PARENT_INACTIVE', `上级单位「${parent?.name ?? found.parentId}」已经停用：请先启用上级单位`);
      }
      if (!active) {
        const d = await this.repo.dependants(tx, id);
        if (d.openCases > 0) {
          throw new DomainError(409, 'UNIT_HAS_OPEN_CASES', `「${found.name}」还有 ${d.openCases} 件未办结的决策事项（作为决策机关、承办单位或者执行单位），办结或者撤回后才能停用`, { openCases: d.openCases });
        }
        if (d.activeChildren > 0) {
          throw new DomainError(409, 'UNIT_HAS_ACTIVE_CHILDREN', `「${found.name}」下还有 ${d.activeChildren} 个在用的单位，请先停用这些单位`, { activeChildren: d.activeChildren });
        }
        if (d.activeUsers > 0) {
          throw new DomainError(409, 'UNIT_HAS_ACTIVE_USERS', `「${found.name}」还有 ${d.activeUsers} 个在用的用户账号，请先停用这些账号或者调整其所属单位`, { activeUsers: d.activeUsers });
        }
      }
      const updatedAt = new Date().toISOString();
      await this.repo.setActive(tx, id, active, updatedAt);
      return { ...found, active, updatedAt };
    });
    this.cache.set(unit.id, unit);
    return unit;
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

  list(query: PageQueryDto): Promise<Page<OrgUnit>> {
    return this.runner.read(
      async (tx) => new Page(await this.repo.list(tx, query.offset, query.pageSize), await this.repo.count(tx)),
    );
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

function invalidParent(code: string, detail: string, message: string): DomainError {
  return new DomainError(400, code, detail, { errors: [{ field: 'parentId', message: `parentId ${message}` }] });
}
