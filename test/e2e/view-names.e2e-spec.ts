/**
 * Every internal view names what its ids stand for: the catalog's organ, each item's organ and
 * undertaking unit and who published the catalog; each decision's organ, undertaking and
 * implementing units (list, view, and the answer to a step); a unit's parent; an account's unit;
 * who acted on the record and on the refused attempts; the organs and units on the auditor's desk.
 * The names are read when the view is, never copied beside the ids: a unit or an account renamed
 * shows its new name in every view at once, while the hashed record keeps its ids as they were.
 */
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { itemA, itemB, publishedCatalogWith, type CatalogBody } from '../support/catalog-fixture';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, USER_PASSWORD, type District } from '../support/district';
import { createTestApp, type TestApp } from '../support/test-app';

type Body = Record<string, unknown>;

describe('names beside ids in every internal view', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  let catalog: CatalogBody;
  let a: string;
  let published: string;
  const get = async (path: string, token: string): Promise<unknown> => (await t.http.get(path).set(t.bearer(token)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    const made = await publishedCatalogWith(t, d, [itemA(d), itemB(d, { undertakingUnitId: d.units.health.id })]);
    catalog = made.catalog;
    [a] = made.decisionIds;
    published = await f.decision({ title: '已公布的决策', year: 2027, through: TO_PUBLISHED });
    // A refused step, for the refused attempts' views.
    await t.http.post(`/decisions/${a}/events`).set(t.bearer(d.tokens.office)).send({ type: 'RECORD_DISCUSSION', payload: { ...(await f.payload(a, 'RECORD_DISCUSSION')), implementingUnitId: d.units.ndrc.id } })
      .expect(422);
  }, 60_000);
  afterAll(() => t.close());

  describe('catalogs', () => {
    it('GET /catalogs names the organ and who published each revision', async () => {
      const [listed] = (await get('/catalogs?year=2026', d.tokens.office)) as Body[];
      expect(listed).toMatchObject({ id: catalog.id, organId: d.units.gov.id, organName: '前进区人民政府' });
      expect((listed.publications as Body[])[0].publishedBy).toEqual({ userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id, displayName: 'zfb', orgUnitName: '前进区人民政府' });
    });

    it('GET /catalogs/:id names the organ and every item’s organ and undertaking unit, restricted items included', async () => {
      const body = (await get(`/catalogs/${catalog.id}`, d.tokens.department)) as Body;
      expect(body.organName).toBe('前进区人民政府');
      const items = body.items as Body[];
      expect(items.map((i) => [i.undertakingUnitId, i.undertakingUnitName, i.organName, i.restricted ?? false])).toEqual([
        [d.units.ndrc.id, '区发改局', '前进区人民政府', false],
        [d.units.health.id, '区卫健局', '前进区人民政府', true],
      ]);
    });

    it('names them in the answers of POST /catalogs/:id/items and of a publication', async () => {
      const item = (await t.http.post(`/catalogs/${catalog.id}/items`).set(t.bearer(d.tokens.department)).send(itemA(d, { title: '新增事项' })).expect(201)).body as Body;
      expect(item).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局' });
      const republished = (await t.http
        .post(`/catalogs/${catalog.id}/publish`)
        .set(t.bearer(d.tokens.office))
        .send({ partyCommitteeApprovedOn: '2026-03-10', partyCommitteeRef: '区委常委会会议纪要〔2026〕5号', publishedOn: '2026-03-12' })
        .expect(200)).body as Body;
      expect(republished.organName).toBe('前进区人民政府');
      expect((republished.publications as Body[]).map((p) => (p.publishedBy as Body).displayName)).toEqual(['zfb', 'zfb']);
      expect((republished.items as Body[]).every((i) => i.undertakingUnitName !== null)).toBe(true);
    });
  });

  describe('decisions', () => {
    it('GET /decisions names each decision’s organ, undertaking and implementing units', async () => {
      const { items } = (await get('/decisions?pageSize=500', d.tokens.auditor)) as { items: Body[] };
      const pub = items.find((i) => i.id === published) as Body;
      expect(pub).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局', implementingUnitId: d.units.ndrc.id, implementingUnitName: '区发改局' });
      const itemOfA = items.find((i) => i.id === a) as Body;
      expect(itemOfA).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局', implementingUnitId: null, implementingUnitName: null });
    });

    it('GET /decisions/:id and the answer to a step name them too', async () => {
      expect(await get(`/decisions/${a}`, d.tokens.department)).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局', implementingUnitName: null });
      const step = await t.http.post(`/decisions/${a}/events`).set(t.bearer(d.tokens.office)).send({ type: 'START_DRAFTING', payload: await f.payload(a, 'START_DRAFTING') }).expect(200);
      expect(step.body).toMatchObject({ stage: 'drafting', organName: '前进区人民政府', undertakingUnitName: '区发改局' });
    });

    it('names who acted on the record and who tried a refused step', async () => {
      const history = (await get(`/decisions/${a}/history`, d.tokens.auditor)) as Body[];
      expect(history[0]).toMatchObject({ actorName: 'zfb', actorUnitName: '前进区人民政府' });
      const [refused] = (await get(`/decisions/${a}/violations`, d.tokens.auditor)) as Body[];
      expect(refused.actor).toMatchObject({ displayName: 'zfb', orgUnitName: '前进区人民政府' });
    });
  });

  describe('units, accounts and the auditor’s desk', () => {
    it('GET /org-units names each unit’s parent', async () => {
      const units = (await get('/org-units?pageSize=500', d.tokens.admin)) as Body[];
      expect(units.find((u) => u.id === d.units.gov.id)).toMatchObject({ parentId: null, parentName: null });
      expect(units.find((u) => u.id === d.units.ndrc.id)).toMatchObject({ parentId: d.units.gov.id, parentName: '前进区人民政府' });
      expect(units.find((u) => u.id === d.units.otherNdrc.id)).toMatchObject({ parentName: '后进区人民政府' });
    });

    it('GET /users, GET /users/:id, GET /auth/me and the login name each account’s unit', async () => {
      const users = (await get('/users?pageSize=500', d.tokens.admin)) as Body[];
      expect(users.find((u) => u.id === d.userIds.reviewer)).toMatchObject({ orgUnitId: d.units.justice.id, orgUnitName: '区司法局' });
      expect(users.find((u) => u.id === d.userIds.admin)).toMatchObject({ orgUnitId: null, orgUnitName: null });
      expect(await get(`/users/${d.userIds.department}`, d.tokens.admin)).toMatchObject({ orgUnitName: '区发改局' });
      expect(await get('/auth/me', d.tokens.department)).toMatchObject({ orgUnitName: '区发改局' });
      const login = (await t.http.post('/auth/login').send({ username: 'sfj', password: USER_PASSWORD }).expect(200)).body as { user: Body };
      expect(login.user).toMatchObject({ orgUnitName: '区司法局' });
    });

    it('/audit/incomplete and /audit/violations name the organs, units and actors', async () => {
      const incomplete = (await get('/audit/incomplete?year=2026&pageSize=500', d.tokens.auditor)) as Body[];
      expect(incomplete.find((r) => r.decisionId === a)).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局' });
      const violations = (await get('/audit/violations', d.tokens.auditor)) as Body[];
      expect(violations.find((v) => v.decisionId === a)).toMatchObject({ organName: '前进区人民政府', actor: expect.objectContaining({ displayName: 'zfb' }) as unknown });
    });
  });

  describe('a renamed unit or account', () => {
    it('shows its new name in every view at once, while the record keeps its ids and still verifies', async () => {
      await t.http.patch(`/org-units/${d.units.ndrc.id}`).set(t.bearer(d.tokens.admin)).send({ name: '区发展和改革局' }).expect(200);
      await t.http.patch(`/org-units/${d.units.gov.id}`).set(t.bearer(d.tokens.admin)).send({ name: '前进区政府' }).expect(200);
      await t.http.patch(`/users/${d.userIds.office}`).set(t.bearer(d.tokens.admin)).send({ displayName: '区政府办 张三' }).expect(200);

      const body = (await get(`/catalogs/${catalog.id}`, d.tokens.office)) as Body;
      expect(body.organName).toBe('前进区政府');
      expect(((body.items as Body[])[0] as Body).undertakingUnitName).toBe('区发展和改革局');
      expect(((body.publications as Body[])[0].publishedBy as Body).displayName).toBe('区政府办 张三');
      expect(await get(`/decisions/${a}`, d.tokens.office)).toMatchObject({ organName: '前进区政府', undertakingUnitName: '区发展和改革局' });
      const { items } = (await get('/decisions?pageSize=500', d.tokens.auditor)) as { items: Body[] };
      expect(items.find((i) => i.id === published)).toMatchObject({ implementingUnitName: '区发展和改革局' });
      expect(((await get(`/decisions/${a}/history`, d.tokens.auditor)) as Body[])[0]).toMatchObject({ actorName: '区政府办 张三', actorUnitName: '前进区政府' });
      expect(await get('/auth/me', d.tokens.department)).toMatchObject({ orgUnitName: '区发展和改革局' });
      const units = (await get('/org-units?pageSize=500', d.tokens.admin)) as Body[];
      expect(units.find((u) => u.id === d.units.ndrc.id)).toMatchObject({ name: '区发展和改革局', parentName: '前进区政府' });
      const publicDecision = (await t.http.get(`/public/decisions/${published}`).expect(200)).body as Body;
      expect(publicDecision).toMatchObject({ organName: '前进区政府', undertakingUnitName: '区发展和改革局', implementingUnitName: '区发展和改革局' });

      expect(await t.app.get(ChainVerifier).verifyAll()).toMatchObject({ ok: true, broken: [] });
      const history = (await get(`/decisions/${a}/history`, d.tokens.auditor)) as Array<{ actor: Body }>;
      expect(history[0].actor).toEqual({ userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id });
    });

    it('names the unit on the review desk by its new name too', async () => {
      const id = await f.decision({ title: '送审中的决策', year: 2027, through: TO_REVIEW });
      const rounds = (await get('/reviews', d.tokens.reviewer)) as Body[];
      expect(rounds.find((r) => r.decisionId === id)).toMatchObject({ organName: '前进区政府', undertakingUnitName: '区发展和改革局' });
    });
  });
});
