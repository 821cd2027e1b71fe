import { Injectable } from '@nestjs/common';
import type { EventActor } from '../../workflows/definition';
import type { AuthUser, Role } from '../auth/auth-user';
import type { Tx } from '../database/transaction-runner';
import type { Actor } from '../engine/actor';
import { OrgUnitsService } from './org-units.service';

/** The units of a decision that scope questions look at. */
export interface ScopedDecision {
  organId: string;
  undertakingUnitId: string;
  implementingUnitId: string | null;
}

/**
 * What a caller may see, as filters for list queries: `all`, or the union of organ ids whose
 * catalogs and decisions it sees and unit ids whose decisions (as undertaking or implementing unit)
 * it sees.
 */
export type VisibleScope = { all: true } | { all: false; organIds: string[]; unitIds: string[] };

/**
 * Scope of the procedure actors (README, "The HTTP service"):
 * - `office` acts for the catalogs and decisions of its own organ (its unit is the organ);
 * - `department` acts on decisions its unit undertakes (or implements, for implementation reports);
 *   it sees the catalogs of the organs at or above its unit, where it proposes items;
 * - `legal_reviewer` acts on the reviews of every organ under the nearest government at or above
 *   its unit (区司法局 serves every organ under 前进区人民政府);
 * - `auditor` sees everything and acts on nothing; `admin` is not a procedure actor.
 * Outside this scope a resource is a 404, so that ids do not leak.
 */
@Injectable()
export class ProcedureScope {
  constructor(private readonly units: OrgUnitsService) {}

  /** May the caller see this decision (through any of its roles)? */
  async seesDecision(user: AuthUser, d: ScopedDecision, tx?: Tx): Promise<boolean> {
    for (const role of user.roles) if (await this.roleSeesDecision(user, role, d, tx)) return true;
    return false;
  }

  /** May the caller see the catalog (and the items) of this organ? */
  async seesOrgan(user: AuthUser, organId: string, tx?: Tx): Promise<boolean> {
    const own = user.orgUnitId;
    for (const role of user.roles) {
      if (role === 'auditor') return true;
      if (!own) continue;
      if (role === 'office' && organId === own) return true;
      if (role === 'department' && (await this.units.isUnder(own, organId, tx))) return true;
      if (role === 'legal_reviewer' && (await this.reviews(own, organId, tx))) return true;
    }
    return false;
  }

  /**
   * The actor for an event the definition assigns to `who`, or the reason the caller may not send
   * it: `role` when it holds no such role, `unit` when it holds the role but not for this decision's unit.
   */
  async actorFor(user: AuthUser, who: EventActor, d: ScopedDecision, tx?: Tx): Promise<Actor | 'role' | 'unit'> {
    if (who.role === 'system' || !user.roles.includes(who.role)) return 'role';
    const own = user.orgUnitId;
    if (!own) return 'unit';
    let ok: boolean;
    switch (who.unit) {
      case 'organ':
        ok = d.organId === own;
        break;
      case 'undertaking':
        ok = d.undertakingUnitId === own;
        break;
      case 'implementing':
        ok = d.implementingUnitId === own;
        break;
      case 'reviewing_government':
        ok = await this.reviews(own, d.organId, tx);
        break;
    }
    return ok ? this.actor(user, who.role) : 'unit';
  }

  /** The record's actor: the user, with the role that authorised the action. */
  actor(user: AuthUser, role: Role | string): Actor {
    return { userId: user.userId, username: user.username, role, orgUnitId: user.orgUnitId };
  }

  /** Filters for list queries (see VisibleScope). */
  async visible(user: AuthUser, tx?: Tx): Promise<VisibleScope> {
    if (user.roles.includes('auditor')) return { all: true };
    const own = user.orgUnitId;
    const organIds = new Set<string>();
    const unitIds = new Set<string>();
    if (own) {
      if (user.roles.includes('office')) organIds.add(own);
      if (user.roles.includes('department')) unitIds.add(own);
      if (user.roles.includes('legal_reviewer')) {
        const gov = await this.units.nearestGovernment(own, tx);
        if (gov) for (const id of await this.units.subtree(gov.id, tx)) organIds.add(id);
      }
    }
    return { all: false, organIds: [...organIds], unitIds: [...unitIds] };
  }

  /** Organs whose catalogs the caller sees: its organs, plus for a department every organ at or above its unit. */
  async visibleOrgans(user: AuthUser, tx?: Tx): Promise<{ all: true } | { all: false; organIds: string[] }> {
    const scope = await this.visible(user, tx);
    if (scope.all) return scope;
    const organIds = new Set(scope.organIds);
    if (user.roles.includes('department') && user.orgUnitId) {
      for (const u of await this.units.chain(user.orgUnitId, tx)) organIds.add(u.id);
    }
    return { all: false, organIds: [...organIds] };
  }

  private async roleSeesDecision(user: AuthUser, role: Role, d: ScopedDecision, tx?: Tx): Promise<boolean> {
    const own = user.orgUnitId;
    switch (role) {
      case 'auditor':
        return true;
      case 'office':
        return own === d.organId;
      case 'department':
        return own === d.undertakingUnitId || (own !== null && own === d.implementingUnitId);
      case 'legal_reviewer':
        return own !== null && this.reviews(own, d.organId, tx);
      case 'admin':
        return false;
    }
  }

  /** Does a reviewer of unit `own` serve organ `organId` (same nearest government, organ under it)? */
  private async reviews(own: string, organId: string, tx?: Tx): Promise<boolean> {
    const gov = await this.units.nearestGovernment(own, tx);
    return gov !== null && (await this.units.isUnder(organId, gov.id, tx));
  }
}
