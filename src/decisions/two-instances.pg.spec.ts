/**
 * Scale-out on PostgreSQL: two API instances (each its own data source and connection pool) on one
 * database, racing on the same decisions and catalog. Concurrency is settled in the database (row
 * lock and version check), not in either instance.
 */
import { itemA, itemB, publishedCatalogWith, CATALOG_PUBLICATION } from '../../test/support/catalog-fixture';
import { createDistrict, type District } from '../../test/support/district';
import { createPostgresInstances, type TestApp } from '../../test/support/test-app';
import { ChainVerifier } from '../engine/chain-verifier';

const STEPS = [
  { type: 'RECORD_PUBLIC_PARTICIPATION', payload: { method: 'forum', heldOn: '2026-03-10', summary: '座谈会', adoptionSummary: '采纳三条' } },
  { type: 'RECORD_RISK_ASSESSMENT', payload: { assessedOn: '2026-03-10', riskLevel: 'low', controllable: true, riskPoints: ['价格'], measures: ['分步'], contingencyPlan: '预案' } },
];

describe('two API instances on one PostgreSQL database', () => {
  let close: () => Promise<void>;
  let a: TestApp;
  let b: TestApp;
  let d: District;

  beforeAll(async () => {
    ({ instances: [a, b], close } = await createPostgresInstances(2));
    d = await createDistrict(a);
  });

  afterAll(async () => {
    await close?.();
  });

  const send = (t: TestApp, id: string, body: object) => t.http.post(`/decisions/${id}/events`).set(t.bearer(d.tokens.department)).send(body);

  it('applies 40 events sent through both instances one after the other, with no gap in the record', async () => {
    const { decisionIds } = await publishedCatalogWith(a, d, [itemA(d)]);
    const [id] = decisionIds;
    await b.http.post(`/decisions/${id}/events`).set(b.bearer(d.tokens.office)).send({ type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } }).expect(200);

    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => send(i % 2 ? a : b, id, STEPS[i % STEPS.length])));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));

    const history = (await a.http.get(`/decisions/${id}/history`).query({ pageSize: 500 }).set(a.bearer(d.tokens.auditor)).expect(200)).body as Array<{ seq: number; prevHash: string; hash: string }>;
    expect(history.map((r) => r.seq)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    history.slice(1).forEach((r, i) => expect(r.prevHash).toBe(history[i].hash));
    const detail = (await b.http.get(`/decisions/${id}`).set(b.bearer(d.tokens.auditor)).expect(200)).body as { version: number };
    expect(detail.version).toBe(43);
    expect(await a.app.get(ChainVerifier).verifyDecision(id)).toMatchObject({ ok: true, events: 43 });
  });

  it('gives exactly one of 20 writers with the same expectedVersion its step, across both instances', async () => {
    const { decisionIds } = await publishedCatalogWith(a, d, [itemB(d)]);
    const [id] = decisionIds;
    await a.http.post(`/decisions/${id}/events`).set(a.bearer(d.tokens.office)).send({ type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } }).expect(200);
    const version = ((await a.http.get(`/decisions/${id}`).set(a.bearer(d.tokens.department)).expect(200)).body as { version: number }).version;

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? a : b, id, { ...STEPS[0], expectedVersion: version })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    for (const r of answers.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: version + 1 });
  });

  it('publishes a catalog once when both instances publish it at the same moment', async () => {
    const office = d.tokens.office;
    const catalogId = ((await a.http.get('/catalogs').query({ year: 2026 }).set(a.bearer(office)).expect(200)).body as Array<{ id: string }>)[0].id;
    const added = await a.http.post(`/catalogs/${catalogId}/items`).set(a.bearer(d.tokens.department)).send(itemB(d, { title: '背街小巷整治方案' })).expect(201);
    const publication = { ...CATALOG_PUBLICATION, partyCommitteeRef: '区委常委会会议纪要〔2026〕9号', publishedOn: '2026-06-01', partyCommitteeApprovedOn: '2026-05-28' };
    const [x, y] = await Promise.all([a, b].map((t) => t.http.post(`/catalogs/${catalogId}/publish`).set(t.bearer(office)).send(publication)));
    expect([x.status, y.status].sort()).toEqual([200, 422]);
    expect([x, y].find((r) => r.status === 422)!.body).toMatchObject({ code: 'NOTHING_TO_PUBLISH' });
    const item = (await b.http.get(`/decisions/${(added.body as { id: string }).id}/history`).set(b.bearer(d.tokens.auditor)).expect(200)).body as Array<{ type: string }>;
    expect(item.map((r) => r.type)).toEqual(['ITEM_PROPOSED', 'CATALOG_PUBLISHED']);
  });
});
