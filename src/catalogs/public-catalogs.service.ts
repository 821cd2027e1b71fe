import { Injectable } from '@nestjs/common';
import { Page } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import type { CatalogQueryDto } from './catalog.dto';
import { publicationsOf, requiredStepsOf } from './catalog-views';
import { CatalogsRepository, type PublicItemSqlRow } from './catalogs.repository';

/** A published catalog as the public sees it (向社会公布的目录). */
export interface PublicCatalog {
  id: string;
  organId: string;
  organName: string;
  year: number;
  revision: number;
  publishedOn: string;
  items: PublicCatalogItem[];
}

export interface PublicCatalogItem {
  id: string;
  title: string;
  category: string;
  undertakingUnitId: string;
  undertakingUnitName: string;
  legalBasis: string[];
  /** The procedure steps the item was listed with as required, in procedure order. */
  requiredSteps: string[];
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

  list(query: CatalogQueryDto): Promise<Page<PublicCatalog>> {
    return this.runner.read(async (tx) => {
      const filter = { publishedOnly: true, organId: query.organId, year: query.year };
      const catalogs = (await this.repo.listCatalogs(tx, filter, query.offset, query.pageSize)).map((row) => ({
        row,
        last: publicationsOf(row).at(-1),
      }));
      const itemIds = catalogs.flatMap((c) => c.last?.itemIds ?? []);
      const items = new Map((await this.repo.publicItems(tx, itemIds)).map((r) => [r.id, r]));
      const organNames = await this.repo.unitNames(tx, [...new Set(catalogs.map((c) => c.row.organ_id))]);
      const page = catalogs.map(({ row, last }) => ({
        id: row.id,
        organId: row.organ_id,
        organName: organNames.get(row.organ_id) ?? '',
        year: row.year,
        revision: last?.revision ?? row.revision,
        publishedOn: last?.publishedOn ?? '',
        items: (last?.itemIds ?? []).flatMap((id) => {
          const item = items.get(id);
          return item ? [publicItem(item)] : [];
        }),
      }));
      return new Page(page, await this.repo.countCatalogs(tx, filter));
    });
  }
}

function publicItem(r: PublicItemSqlRow): PublicCatalogItem {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    undertakingUnitId: r.undertaking_unit_id,
    undertakingUnitName: r.undertaking_unit_name ?? '',
    legalBasis: r.legal_basis === null ? [] : (JSON.parse(r.legal_basis) as string[]),
    requiredSteps: requiredStepsOf(r.requirements === null ? {} : JSON.parse(r.requirements)),
    plannedStartOn: r.planned_start_on,
    plannedDecisionOn: r.planned_decision_on,
    withdrawn: r.stage === 'withdrawn',
  };
}
