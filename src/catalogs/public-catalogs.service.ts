import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { categoryWord, knownLabels, stepWord } from '../common/labels/view-labels';
import { Page, type PageQueryDto } from '../common/pagination';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import type { CatalogQueryDto } from './catalog.dto';
import { publicationsOf, requiredStepsOf, type CatalogPublication } from './catalog-views';
import { CatalogsRepository, type CatalogSqlRow, type PublicItemSqlRow } from './catalogs.repository';

/** Items a catalog shows in the public list; GET /public/catalogs/:id pages through all of them. */
export const PUBLIC_LIST_ITEMS = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A published catalog as the public sees it (向社会公布的目录). */
export interface PublicCatalog {
  id: string;
  organId: string;
  organName: string;
  year: number;
  revision: number;
  publishedOn: string;
  /** How many items the last publication listed. */
  itemCount: number;
  /** In the list, the first PUBLIC_LIST_ITEMS; at /public/catalogs/:id, the page asked for. */
  items: PublicCatalogItem[];
  /** In the list, when the catalog holds more items than it shows (GET /public/catalogs/:id pages through them). */
  itemsTruncated?: boolean;
}

export interface PublicCatalogItem {
  id: string;
  title: string;
  category: string;
  /** The category's word (SC713-3), beside its code. */
  categoryLabel: string;
  undertakingUnitId: string;
  undertakingUnitName: string;
  legalBasis: string[];
  /** The procedure steps the item was listed with as required, in procedure order. */
  requiredSteps: string[];
  /** The word of each of `requiredSteps`, in the same order. */
  requiredStepLabels: string[];
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  /** Withdrawn since the catalog was last published: still listed, as that publication listed it. */
  withdrawn: boolean;
}

/**
 * The public catalog: published catalogs only, each with the items its last publication listed.
 * Items proposed since are not shown until the catalog is published again. Nothing internal: no
 * versions, hashes, actors, procedure state, the party committee's meeting reference or the
 * reasons a step is waived.
 */
@Injectable()
export class PublicCatalogsService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly repo: CatalogsRepository,
  ) {}

  /** Published catalogs, each with the first PUBLIC_LIST_ITEMS items of its last publication, so that a page's size does not grow with the catalogs' items. */
  list(query: CatalogQueryDto): Promise<Page<PublicCatalog>> {
    return this.runner.read(async (tx) => {
      const filter = { publishedOnly: true, organId: query.organId, year: query.year };
      const rows = await this.repo.listCatalogs(tx, filter, query.offset, query.pageSize);
      const page = await this.views(tx, rows, 0, PUBLIC_LIST_ITEMS);
      return new Page(
        page.map((c) => (c.items.length < c.itemCount ? { ...c, itemsTruncated: true } : c)),
        await this.repo.countCatalogs(tx, filter),
      );
    });
  }

  /** One published catalog with one page of the items of its last publication; 404 when it is not published. */
  detail(id: string, page: PageQueryDto): Promise<PublicCatalog> {
    return this.runner.read(async (tx) => {
      const row = UUID.test(id) ? await this.repo.findCatalog(tx, id) : undefined;
      if (!row || row.status !== 'published') throw new DomainError(404, 'NOT_FOUND', `没有找到已公布的年度决策事项目录「${id}」：目录经同级党委同意并公布后才向社会公开。`);
      const [view] = await this.views(tx, [row], page.offset, page.pageSize);
      return view;
    });
  }

  private async views(tx: Tx, rows: CatalogSqlRow[], offset: number, limit: number): Promise<PublicCatalog[]> {
    const catalogs = rows.map((row) => {
      const last: CatalogPublication | undefined = publicationsOf(row).at(-1);
      const listed = last?.itemIds ?? [];
      return { row, last, itemCount: listed.length, itemIds: listed.slice(offset, offset + limit) };
    });
    const items = new Map((await this.repo.publicItems(tx, catalogs.flatMap((c) => c.itemIds))).map((r) => [r.id, r]));
    const organNames = await this.repo.unitNames(tx, [...new Set(catalogs.map((c) => c.row.organ_id))]);
    return catalogs.map(({ row, last, itemCount, itemIds }) => ({
      id: row.id,
      organId: row.organ_id,
      organName: organNames.get(row.organ_id) ?? '',
      year: row.year,
      revision: last?.revision ?? row.revision,
      publishedOn: last?.publishedOn ?? '',
      itemCount,
      items: itemIds.flatMap((itemId) => {
        const item = items.get(itemId);
        return item ? [publicItem(item)] : [];
      }),
    }));
  }
}

function publicItem(r: PublicItemSqlRow): PublicCatalogItem {
  const requiredSteps = requiredStepsOf(r.requirements === null ? {} : JSON.parse(r.requirements));
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    categoryLabel: categoryWord(r.category),
    undertakingUnitId: r.undertaking_unit_id,
    undertakingUnitName: r.undertaking_unit_name ?? '',
    legalBasis: r.legal_basis === null ? [] : (JSON.parse(r.legal_basis) as string[]),
    requiredSteps,
    requiredStepLabels: requiredSteps.map((step) => stepWord(knownLabels(), step)),
    plannedStartOn: r.planned_start_on,
    plannedDecisionOn: r.planned_decision_on,
    withdrawn: r.stage === 'withdrawn',
  };
}
