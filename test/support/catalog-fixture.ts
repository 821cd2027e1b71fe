/**
 * Catalogs for e2e tests, through HTTP: the items A and B of the acceptance story (acceptance-suite.ts) and a
 * published 2026 catalog of 前进区人民政府 holding them.
 *
 *   const d = await createDistrict(t);
 *   const { catalog, decisionIds: [a, b] } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]);
 *   // a and b are decisions in stage `cataloged`, undertaken by 区发改局
 */
import type { District } from './district';
import type { TestApp } from './test-app';

export interface Requirement {
  required: boolean;
  reason?: string;
}

/** The body of POST /catalogs/:id/items. */
export interface CatalogItemBody {
  title: string;
  category: string;
  undertakingUnitId: string;
  legalBasis: string[];
  affectsMarket?: boolean;
  plannedStartOn?: string;
  plannedDecisionOn?: string;
  requirements: {
    publicParticipation: Requirement;
    hearing: Requirement;
    expertArgumentation: Requirement;
    riskAssessment: Requirement;
    partyCommitteeReport?: Requirement;
  };
}

/** The publication of the fixture's catalog: approved and published in 2026, not after today. */
export const CATALOG_PUBLICATION = {
  partyCommitteeApprovedOn: '2026-02-10',
  partyCommitteeRef: '区委常委会会议纪要〔2026〕3号',
  publishedOn: '2026-02-15',
} as const;

/**
 * A "城区集中供热价格调整方案": public participation (a 30-day comment period), hearing, expert
 * argumentation and risk assessment all required; undertaken by 区发改局.
 */
export function itemA(d: District, patch: Partial<CatalogItemBody> = {}): CatalogItemBody {
  return {
    title: '城区集中供热价格调整方案',
    category: 'public_policy',
    undertakingUnitId: d.units.ndrc.id,
    legalBasis: ['《中华人民共和国价格法》第二十三条', '《政府制定价格听证办法》'],
    affectsMarket: false,
    plannedStartOn: '2026-03-02',
    plannedDecisionOn: '2026-12-31',
    requirements: {
      publicParticipation: { required: true },
      hearing: { required: true },
      expertArgumentation: { required: true },
      riskAssessment: { required: true },
      partyCommitteeReport: { required: true },
    },
    ...patch,
  };
}

/**
 * B "老旧小区改造三年规划": no hearing and no expert argumentation (each with its reason); public
 * participation and risk assessment required; undertaken by 区发改局.
 */
export function itemB(d: District, patch: Partial<CatalogItemBody> = {}): CatalogItemBody {
  return {
    title: '老旧小区改造三年规划',
    category: 'development_plan',
    undertakingUnitId: d.units.ndrc.id,
    legalBasis: ['《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》'],
    affectsMarket: false,
    plannedStartOn: '2026-03-02',
    plannedDecisionOn: '2026-12-31',
    requirements: {
      publicParticipation: { required: true },
      hearing: { required: false, reason: '不涉及价格等须经听证的事项' },
      expertArgumentation: { required: false, reason: '改造标准已有国家和省级技术规范，无需专家论证' },
      riskAssessment: { required: true },
      partyCommitteeReport: { required: true },
    },
    ...patch,
  };
}

/** A catalog as the internal routes answer it (the members tests usually look at). */
export interface CatalogBody {
  id: string;
  organId: string;
  year: number;
  status: string;
  revision: number;
  publications: Array<{ revision: number; publishedOn: string; itemCount: number; catalogedItemCount: number; itemIds?: string[]; catalogedItemIds?: string[] }>;
  items?: Array<{ id: string; title: string; stage: string; version: number; [member: string]: unknown }>;
  [member: string]: unknown;
}

export interface PublishedCatalog {
  catalog: CatalogBody;
  /** The decisions of `items`, in the same order. */
  decisionIds: string[];
}

export interface PublishedCatalogOptions {
  year?: number;
  /** Who proposes the items: the organ's office (default) or the undertaking department. */
  proposer?: 'office' | 'department';
  partyCommitteeApprovedOn?: string;
  partyCommitteeRef?: string;
  publishedOn?: string;
}

/**
 * The catalog of 前进区人民政府 for the year (2026 by default), created through HTTP by the
 * office (or taken as it is when it already exists), with `items` added and then published:
 * each item's decision is then `cataloged`. Called again on the same app, it adds the new items
 * and publishes the next revision.
 */
export async function publishedCatalogWith(t: TestApp, d: District, items: CatalogItemBody[], opts: PublishedCatalogOptions = {}): Promise<PublishedCatalog> {
  const office = t.bearer(d.tokens.office);
  const year = opts.year ?? 2026;
  const organId = d.units.gov.id;

  let catalogId: string;
  const created = await t.http.post('/catalogs').set(office).send({ organId, year });
  if (created.status === 201) {
    catalogId = (created.body as CatalogBody).id;
  } else if (created.status === 409) {
    const found = await t.http.get('/catalogs').query({ organId, year }).set(office);
    catalogId = expectStatus(found, 200, 'listing the existing catalog')[0].id;
  } else {
    throw new Error(`creating the catalog: ${created.status} ${created.text}`);
  }

  const proposer = t.bearer(opts.proposer === 'department' ? d.tokens.department : d.tokens.office);
  const decisionIds: string[] = [];
  for (const item of items) {
    const res = await t.http.post(`/catalogs/${catalogId}/items`).set(proposer).send(item);
    decisionIds.push(expectStatus<{ id: string }>(res, 201, `adding ${item.title}`).id);
  }

  const published = await t.http
    .post(`/catalogs/${catalogId}/publish`)
    .set(office)
    .send({
      partyCommitteeApprovedOn: opts.partyCommitteeApprovedOn ?? CATALOG_PUBLICATION.partyCommitteeApprovedOn,
      partyCommitteeRef: opts.partyCommitteeRef ?? CATALOG_PUBLICATION.partyCommitteeRef,
      publishedOn: opts.publishedOn ?? CATALOG_PUBLICATION.publishedOn,
    });
  return { catalog: expectStatus<CatalogBody>(published, 200, 'publishing the catalog'), decisionIds };
}

function expectStatus<T = CatalogBody[]>(res: { status: number; text: string; body: unknown }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
  return res.body as T;
}
