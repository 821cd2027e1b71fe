/**
 * A department sees its organ's catalog (it proposes items there), but of another unit's items
 * only what the public catalog shows: the catalog is no side door to decisions it gets 404 on.
 */
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app';

describe('GET /catalogs/:id: items outside the caller’s scope', () => {
  let t: TestApp;
  let d: District;
  let catalogId: string;
  let ndrcItem: string;
  let healthItem: string;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d, { title: '基层医疗卫生服务体系规划', undertakingUnitId: d.units.health.id })]);
    catalogId = catalog.id;
    [ndrcItem, healthItem] = decisionIds;
  });
  afterAll(() => t.close());

  type Item = Record<string, unknown> & { id: string };
  const itemsFor = async (token: string): Promise<Map<string, Item>> => {
    const res = await t.http.get(`/catalogs/${catalogId}`).set(t.bearer(token)).expect(200);
    return new Map((res.body as { items: Item[] }).items.map((i) => [i.id, i]));
  };

  it('shows 区卫健局 the other department’s item as the public sees it: no stage, version, progress or requirements', async () => {
    const items = await itemsFor(d.tokens.healthDepartment);
    const other = items.get(ndrcItem) as Item;
    expect(other).toEqual({
      id: ndrcItem,
      catalogId,
      organId: d.units.gov.id,
      organName: '前进区人民政府',
      year: 2026,
      title: itemA(d).title,
      category: itemA(d).category,
      categoryLabel: '重大公共政策和措施',
      undertakingUnitId: d.units.ndrc.id,
      undertakingUnitName: '区发改局',
      legalBasis: itemA(d).legalBasis,
      requiredSteps: expect.any(Array) as unknown,
      requiredStepLabels: expect.any(Array) as unknown,
      plannedStartOn: itemA(d).plannedStartOn ?? null,
      plannedDecisionOn: itemA(d).plannedDecisionOn ?? null,
      withdrawn: false,
      restricted: true,
    });
    // and the decision itself stays out of reach
    expectProblem(await t.http.get(`/decisions/${ndrcItem}`).set(t.bearer(d.tokens.healthDepartment)), 404, 'NOT_FOUND');
  });

  it('shows each department its own item whole', async () => {
    const own = (await itemsFor(d.tokens.healthDepartment)).get(healthItem) as Item;
    expect(own).toMatchObject({ id: healthItem, stage: 'cataloged', version: expect.any(Number) as unknown, progress: expect.any(Array) as unknown });
    expect(own.restricted).toBeUndefined();
    const theirs = (await itemsFor(d.tokens.department)).get(ndrcItem) as Item;
    expect(theirs).toMatchObject({ stage: 'cataloged', requirements: expect.any(Object) as unknown });
    expect((await itemsFor(d.tokens.department)).get(healthItem)?.restricted).toBe(true);
  });

  it('shows the office, the reviewer and the auditor every item whole', async () => {
    for (const token of [d.tokens.office, d.tokens.reviewer, d.tokens.auditor]) {
      const items = await itemsFor(token);
      for (const id of [ndrcItem, healthItem]) expect(items.get(id)).toMatchObject({ stage: 'cataloged', progress: expect.any(Array) as unknown });
    }
  });
});
