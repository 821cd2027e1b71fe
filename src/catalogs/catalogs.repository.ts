import { Injectable } from '@nestjs/common';
import type { Row, Tx } from '../database/transaction-runner';
import type { DecisionRecordRow } from '../engine/procedure-store';

/** A catalog row as stored; `publications` is JSON text. */
export interface CatalogSqlRow {
  id: string;
  organ_id: string;
  year: number;
  status: string;
  revision: number;
  publications: string;
  created_at: string;
  updated_at: string;
}

/** What a catalog item says beyond its decision row (table catalog_item). */
export interface CatalogItemInsert {
  decisionId: string;
  catalogId: string;
  legalBasis: string[];
  affectsMarket: boolean;
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  requirements: unknown;
  createdAt: string;
}

/**
 * A decision row with its catalog item's columns. The item columns are null for a decision that
 * was created without going through POST /catalogs/:id/items (engine-level fixtures).
 */
export interface CatalogItemSqlRow extends DecisionRecordRow {
  legal_basis: string | null;
  affects_market: number | boolean | null;
  planned_start_on: string | null;
  planned_decision_on: string | null;
  requirements: string | null;
}

/** The public catalog's view of an item: only what a published catalog states. */
export interface PublicItemSqlRow {
  id: string;
  title: string;
  category: string;
  stage: string;
  undertaking_unit_id: string;
  undertaking_unit_name: string | null;
  legal_basis: string | null;
  planned_start_on: string | null;
  planned_decision_on: string | null;
  requirements: string | null;
}

export interface CatalogFilter {
  /** Organs whose catalogs the caller sees; undefined for all. */
  visibleOrganIds?: string[];
  organId?: string;
  year?: number;
  publishedOnly?: boolean;
}

const CATALOG_COLUMNS = 'c.id, c.organ_id, c.year, c.status, c.revision, c.publications, c.created_at, c.updated_at';

const ITEM_COLUMNS = [
  'd.id, d.catalog_id, d.organ_id, d.undertaking_unit_id, d.implementing_unit_id, d.year, d.title, d.category',
  'd.definition_id, d.definition_version, d.stage, d.revision, d.complete, d.snapshot, d.version, d.last_seq, d.last_hash',
  'd.created_at, d.updated_at',
  'i.legal_basis, i.affects_market, i.planned_start_on, i.planned_decision_on, i.requirements',
].join(', ');

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** SQL of catalogs and catalog items; every call runs inside the caller's unit of work. */
@Injectable()
export class CatalogsRepository {
  async insertCatalog(tx: Tx, c: CatalogSqlRow): Promise<void> {
    await tx.execute(
      'INSERT INTO catalog (id, organ_id, year, status, revision, publications, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.organ_id, c.year, c.status, c.revision, c.publications, c.created_at, c.updated_at],
    );
  }

  /** `forUpdate` locks the row on PostgreSQL (publication); SQLite writes are serialized anyway. */
  async findCatalog(tx: Tx, id: string, forUpdate = false): Promise<CatalogSqlRow | undefined> {
    const lock = forUpdate && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await tx.query<CatalogSqlRow & Row>(`SELECT ${CATALOG_COLUMNS} FROM catalog c WHERE c.id = ?${lock}`, [id]);
    return rows[0] && normalize(rows[0]);
  }

  async findCatalogOf(tx: Tx, organId: string, year: number): Promise<CatalogSqlRow | undefined> {
    const rows = await tx.query<CatalogSqlRow & Row>(`SELECT ${CATALOG_COLUMNS} FROM catalog c WHERE c.organ_id = ? AND c.year = ?`, [organId, year]);
    return rows[0] && normalize(rows[0]);
  }

  async listCatalogs(tx: Tx, f: CatalogFilter, offset: number, limit: number): Promise<Array<CatalogSqlRow & { item_count: number }>> {
    const { where, params } = catalogWhere(f);
    const rows = await tx.query<CatalogSqlRow & { item_count: number | string } & Row>(
      `SELECT ${CATALOG_COLUMNS}, (SELECT COUNT(*) FROM decision d WHERE d.catalog_id = c.id) AS item_count
         FROM catalog c${where} ORDER BY c.year DESC, c.created_at, c.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return rows.map((r) => ({ ...normalize(r), item_count: Number(r.item_count) }));
  }

  async countCatalogs(tx: Tx, f: CatalogFilter): Promise<number> {
    const { where, params } = catalogWhere(f);
    const [row] = await tx.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM catalog c${where}`, params);
    return Number(row.n);
  }

  /** Writes a publication; false when the catalog's revision is no longer `expectedRevision`. */
  async markPublished(
    tx: Tx,
    id: string,
    expectedRevision: number,
    next: Pick<CatalogSqlRow, 'status' | 'revision' | 'publications' | 'updated_at'>,
  ): Promise<boolean> {
    const n = await tx.execute('UPDATE catalog SET status = ?, revision = ?, publications = ?, updated_at = ? WHERE id = ? AND revision = ?', [
      next.status,
      next.revision,
      next.publications,
      next.updated_at,
      id,
      expectedRevision,
    ]);
    return n === 1;
  }

  async insertItem(tx: Tx, i: CatalogItemInsert): Promise<void> {
    await tx.execute(
      'INSERT INTO catalog_item (decision_id, catalog_id, legal_basis, affects_market, planned_start_on, planned_decision_on, requirements, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [i.decisionId, i.catalogId, JSON.stringify(i.legalBasis), i.affectsMarket, i.plannedStartOn, i.plannedDecisionOn, JSON.stringify(i.requirements), i.createdAt],
    );
  }

  /** One page of the catalog's items (withdrawn ones included), in the order they were proposed. */
  async itemsOf(tx: Tx, catalogId: string, offset: number, limit: number): Promise<CatalogItemSqlRow[]> {
    return tx.query<CatalogItemSqlRow & Row>(
      `SELECT ${ITEM_COLUMNS} FROM decision d LEFT JOIN catalog_item i ON i.decision_id = d.id WHERE d.catalog_id = ? ORDER BY d.created_at, d.id LIMIT ? OFFSET ?`,
      [catalogId, limit, offset],
    );
  }

  async countItems(tx: Tx, catalogId: string): Promise<number> {
    const [row] = await tx.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM decision WHERE catalog_id = ?', [catalogId]);
    return Number(row.n);
  }

  async itemOf(tx: Tx, catalogId: string, decisionId: string): Promise<CatalogItemSqlRow | undefined> {
    const rows = await tx.query<CatalogItemSqlRow & Row>(
      `SELECT ${ITEM_COLUMNS} FROM decision d LEFT JOIN catalog_item i ON i.decision_id = d.id WHERE d.catalog_id = ? AND d.id = ?`,
      [catalogId, decisionId],
    );
    return rows[0];
  }

  /** Items a publication moves: those still `proposed`, in the order they were proposed (locked on PostgreSQL). */
  async proposedItemIds(tx: Tx, catalogId: string, forUpdate = false): Promise<string[]> {
    const lock = forUpdate && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await tx.query<{ id: string }>(`SELECT id FROM decision WHERE catalog_id = ? AND stage = 'proposed' ORDER BY created_at, id${lock}`, [catalogId]);
    return rows.map((r) => r.id);
  }

  /** Items a publication lists: every item that is neither still proposed nor withdrawn. */
  async listedItemIds(tx: Tx, catalogId: string): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      "SELECT id FROM decision WHERE catalog_id = ? AND stage NOT IN ('proposed', 'withdrawn') ORDER BY created_at, id",
      [catalogId],
    );
    return rows.map((r) => r.id);
  }

  /** The public columns of these items, with the undertaking unit's name. */
  async publicItems(tx: Tx, decisionIds: string[]): Promise<PublicItemSqlRow[]> {
    if (!decisionIds.length) return [];
    return tx.query<PublicItemSqlRow & Row>(
      `SELECT d.id, d.title, d.category, d.stage, d.undertaking_unit_id, u.name AS undertaking_unit_name,
              i.legal_basis, i.planned_start_on, i.planned_decision_on, i.requirements
         FROM decision d
         LEFT JOIN catalog_item i ON i.decision_id = d.id
         LEFT JOIN org_unit u ON u.id = d.undertaking_unit_id
        WHERE d.id IN (${marks(decisionIds.length)})`,
      decisionIds,
    );
  }

  async unitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE id IN (${marks(ids.length)})`, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

function catalogWhere(f: CatalogFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.visibleOrganIds) {
    clauses.push(f.visibleOrganIds.length ? `c.organ_id IN (${marks(f.visibleOrganIds.length)})` : '1 = 0');
    params.push(...f.visibleOrganIds);
  }
  if (f.organId !== undefined) {
    clauses.push('c.organ_id = ?');
    params.push(f.organId);
  }
  if (f.year !== undefined) {
    clauses.push('c.year = ?');
    params.push(f.year);
  }
  if (f.publishedOnly) clauses.push("c.status = 'published'");
  return { where: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

/** PostgreSQL may hand integers back as strings. */
function normalize<T extends CatalogSqlRow>(r: T): T {
  return { ...r, year: Number(r.year), revision: Number(r.revision) };
}
