/**
 * The catalog routes on PostgreSQL, through HTTP: row locks of the publication, booleans, counts
 * and JSON columns as PostgreSQL hands them back. The full behaviour is test/e2e/catalogs.e2e-spec.ts
 * (SQLite); this checks that the same SQL holds on the other dialect.
 */
import { itemA, itemB, publishedCatalogWith, type CatalogBody } from '../../test/support/catalog-fixture';
import { createDistrict, type District } from '../../test/support/district';
import { createTestApp, expectProblem, type TestApp } from '../../test/support/test-app';

describe('catalogs on PostgreSQL', () => {
  let t: TestApp;
  let d: District;

  beforeAll(async () => {
    t = await createTestApp({ postgres: true });
    d = await createDistrict(t);
  });

  afterAll(() => t?.close());

  it('creates, fills, publishes, lists, shows publicly and withdraws', async () => {
    const office = t.bearer(d.tokens.office);
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)], { proposer: 'department' });
    const [a, b] = decisionIds;
    expect(catalog).toMatchObject({ status: 'published', revision: 1 });
    expect(catalog.items?.map((i) => [i.id, i.stage, i.version, i.affectsMarket])).toEqual([
      [a, 'cataloged', 2, false],
      [b, 'cataloged', 2, false],
    ]);

    expectProblem(await t.http.post('/catalogs').set(office).send({ organId: d.units.gov.id, year: 2026 }), 409, 'CATALOG_EXISTS');
    expectProblem(await t.http.post(`/catalogs/${catalog.id}/publish`).set(office).send({ partyCommitteeApprovedOn: '2026-03-01', partyCommitteeRef: '纪要', publishedOn: '2026-03-02' }), 422, 'NOTHING_TO_PUBLISH');
    expectProblem(await t.http.post(`/catalogs/${catalog.id}/items`).set(office).send(itemA(d, { category: 'legislation' })), 422, 'OUT_OF_SCOPE');

    const list = await t.http.get('/catalogs').query({ year: 2026 }).set(t.bearer(d.tokens.auditor)).expect(200);
    expect(list.headers['x-total-count']).toBe('1');
    expect((list.body as CatalogBody[])[0]).toMatchObject({ id: catalog.id, year: 2026, revision: 1, itemCount: 2 });

    const withdrawn = await t.http.delete(`/catalogs/${catalog.id}/items/${b}`).set(office).send({ reason: '不再需要' }).expect(200);
    expect(withdrawn.body).toMatchObject({ id: b, stage: 'withdrawn', version: 3 });

    const shown = (await t.http.get(`/catalogs/${catalog.id}`).set(office).expect(200)).body as CatalogBody;
    expect(shown.items?.map((i) => [i.id, i.stage])).toEqual([
      [a, 'cataloged'],
      [b, 'withdrawn'],
    ]);

    const published = await t.http.get('/public/catalogs').query({ organId: d.units.gov.id }).expect(200);
    expect(published.body).toEqual([
      expect.objectContaining({
        id: catalog.id,
        organName: '前进区人民政府',
        revision: 1,
        items: [
          expect.objectContaining({ id: a, undertakingUnitName: '区发改局', withdrawn: false, requiredSteps: ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport'] }),
          expect.objectContaining({ id: b, withdrawn: true, requiredSteps: ['publicParticipation', 'riskAssessment', 'partyCommitteeReport'] }),
        ],
      }),
    ]);
  });
});
