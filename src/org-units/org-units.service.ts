import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
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
 * Units are never edited or deleted (there is no route for it), so a unit, once read, is kept in
 * memory for good: the scope checks of every request (`nearestGovernment`, `isUnder`) then cost no
 * query. A unit created on another instance is simply a cache miss. Should units ever become
 * editable, this cache must be invalidated on edit.
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
    const unit = await this.runner.write(async (tx) => {
      const parent = input.parentId === undefined ? undefined : await this.find(input.parentId, tx);
      if (input.parentId !== undefined && !parent) {
        throw invalidParent('PARENT_NOT_FOUND', `No organisation unit ${input.parentId}.`, 'no such organisation unit');
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
        createdAt: new Date().toISOString(),
      };
      await this.repo.insert(tx, created);
      return created;
    });
    this.cache.set(unit.id, unit);
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
