import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction-runner';
import type { OrgUnitKind } from './org-unit.entity';

export interface OrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  createdAt: string;
}

type OrgUnitSqlRow = { id: string; name: string; kind: string; parent_id: string | null; created_at: string };

const COLUMNS = 'id, name, kind, parent_id, created_at';

const toOrgUnit = (r: OrgUnitSqlRow): OrgUnit => ({
  id: r.id,
  name: r.name,
  kind: r.kind as OrgUnitKind,
  parentId: r.parent_id,
  createdAt: r.created_at,
});

/** SQL of the org_unit table; every call runs inside the caller's unit of work. */
@Injectable()
export class OrgUnitsRepository {
  async insert(tx: Tx, unit: OrgUnit): Promise<void> {
    await tx.execute(`INSERT INTO org_unit (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`, [
      unit.id,
      unit.name,
      unit.kind,
      unit.parentId,
      unit.createdAt,
    ]);
  }

  async findById(tx: Tx, id: string): Promise<OrgUnit | undefined> {
    const rows = await tx.query<OrgUnitSqlRow>(`SELECT ${COLUMNS} FROM org_unit WHERE id = ?`, [id]);
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
