import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction-runner';
import type { OrgUnitKind } from './org-unit-kinds';

export interface OrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** False once the unit was dissolved or merged: kept, but no longer named by new cases. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

type OrgUnitSqlRow = { id: string; name: string; kind: string; parent_id: string | null; active: number | boolean; created_at: string; updated_at: string | null };

const COLUMNS = 'id, name, kind, parent_id, active, created_at, updated_at';

const toOrgUnit = (r: OrgUnitSqlRow): OrgUnit => ({
  id: r.id,
  name: r.name,
  kind: r.kind as OrgUnitKind,
  parentId: r.parent_id,
  active: r.active === true || r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at ?? r.created_at,
});

/** SQL of the org_unit table; every call runs inside the caller's unit of work. */
@Injectable()
export class OrgUnitsRepository {
  async insert(tx: Tx, unit: OrgUnit): Promise<void> {
    await tx.execute(`INSERT INTO org_unit (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      unit.id,
      unit.name,
      unit.kind,
      unit.parentId,
      unit.active,
      unit.createdAt,
      unit.updatedAt,
    ]);
  }

  async setActive(tx: Tx, id: string, active: boolean, at: string): Promise<void> {
    await tx.execute('UPDATE org_unit SET active = ?, updated_at = ? WHERE id = ?', [active, at, id]);
  }

  async rename(tx: Tx, id: string, name: string, at: string): Promise<void> {
    await tx.execute('UPDATE org_unit SET name = ?, updated_at = ? WHERE id = ?', [name, at, id]);
  }

  /**
   * The unit of this name under this parent (at the top when `parentId` is null), active or not,
   * other than `exceptId`: names are unique per parent (index ux_org_unit_parent_name).
   */
  async sibling(tx: Tx, parentId: string | null, name: string, exceptId?: string): Promise<OrgUnit | undefined> {
    const rows = await tx.query<OrgUnitSqlRow>(
      `SELECT ${COLUMNS} FROM org_unit WHERE COALESCE(parent_id, '') = ? AND name = ? AND id <> ?`,
      [parentId ?? '', name, exceptId ?? ''],
    );
    return rows[0] && toOrgUnit(rows[0]);
  }

  /** What keeps a unit from being deactivated: its open cases, its active units below, its enabled users. */
  async dependants(tx: Tx, id: string): Promise<{ openCases: number; activeChildren: number; activeUsers: number }> {
    const [cases] = await tx.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM decision WHERE complete = ? AND (organ_id = ? OR undertaking_unit_id = ? OR implementing_unit_id = ?)`,
      [false, id, id, id],
    );
    const [children] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM org_unit WHERE parent_id = ? AND active = ?', [id, true]);
    const [users] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM app_user WHERE org_unit_id = ? AND disabled = ?', [id, false]);
    return { openCases: Number(cases.n), activeChildren: Number(children.n), activeUsers: Number(users.n) };
  }

  async findById(tx: Tx, id: string, forUpdate = false): Promise<OrgUnit | undefined> {
    const lock = forUpdate && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await tx.query<OrgUnitSqlRow>(`SELECT ${COLUMNS} FROM org_unit WHERE id = ?${lock}`, [id]);
    return rows[0] && toOrgUnit(rows[0]);
  }

  async list(tx: Tx, offset: number, limit: number): Promise<OrgUnit[]> {
    const rows = await tx.query<OrgUnitSqlRow>(
      `SELECT ${COLUMNS} FROM org_unit ORDER BY created_at, id LIMIT ? OFFSET ?`,
      [limit, offset],
    );
    return rows.map(toOrgUnit);
  }

  async count(tx: Tx): Promise<number> {
    const [row] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM org_unit');
    return Number(row.n);
  }

  /** Ids of the units strictly below `id`, at any depth. */
  async descendantIds(tx: Tx, id: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `WITH RECURSIVE below(id) AS (
         SELECT id FROM org_unit WHERE parent_id = ?
         UNION ALL SELECT u.id FROM org_unit u JOIN below b ON u.parent_id = b.id
       ) SELECT id FROM below`,
      [id],
    );
    return rows.map((r) => r.id);
  }
}
