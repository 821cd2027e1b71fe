/**
 * The catalog routes on PostgreSQL, through HTTP: row locks of the publication, booleans, counts
 * and JSON columns as PostgreSQL hands them back. The full behaviour is test/e2e/catalogs.e2e-spec.ts
 * (SQLite); this checks that the same SQL holds on the other dialect.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { itemA, itemB, publishedCatalogWith, type CatalogBody } from '../../test/support/catalog-fixture';
import { PG_URL, postgresTestDatabase, type TestDatabase } from '../../test/support/databases';
import { createDistrict, type District } from '../../test/support/district';
import { expectProblem, TEST_ADMIN, type TestApp } from '../../test/support/test-app';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';

describe('catalogs on PostgreSQL', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let t: TestApp;
  let d: District;

  beforeAll(async () => {
    db = await postgresTestDatabase();
    const config = loadConfig({
      DB_TYPE: 'postgres',
      DATABASE_URL: PG_URL,
      JWT_SECRET: 'catalogs-on-postgresql-test-secret-0123456789',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      BCRYPT_COST: '4',
      DEADLINE_SCAN_INTERVAL_MINUTES: '0',
    });
    app = await createApp({ ...config, database: db.config }, { logger: ['error', 'fatal'] });
    await app.listen(0, '127.0.0.1');
    const http = request(app.getHttpServer());
    const login = async (username: string, password: string): Promise<string> =>
      ((await http.post('/auth/login').send({ username, password }).expect(200)).body as { accessToken: string }).accessToken;
    // The part of TestApp that the district and catalog fixtures use.
    t = { http, login, adminToken: () => login(TEST_ADMIN.username, TEST_ADMIN.password), bearer: (token: string) => ({ Authorization: `Bearer ${token}` }) } as TestApp;
    d = await createDistrict(t);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

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
