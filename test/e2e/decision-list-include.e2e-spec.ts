/**
 * GET /decisions?include=allowedEvents: each item says what the caller may send on it now, as the
 * decision's own page does — what a workbench opens on. Without it, the list is as it was.
 */
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

describe('GET /decisions?include=allowedEvents', () => {
  let t: TestApp;
  let d: District;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    ({ decisionIds: ids } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]));
    await decisionFixture(t, d).advance(ids[0], ['START_DRAFTING']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['office', 'department', 'auditor'] as const)('gives the %s on each case what its page gives', async (who) => {
    const auth = t.bearer(d.tokens[who]);
    const list = await t.http.get('/decisions').query({ include: 'allowedEvents' }).set(auth).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const item of list.body.items as Array<{ id: string; allowedEvents: string[]; allowedEventLabels: string[] }>) {
      const page = await t.http.get(`/decisions/${item.id}`).set(auth).expect(200);
      expect([item.id, item.allowedEvents, item.allowedEventLabels]).toEqual([item.id, page.body.allowedEvents, page.body.allowedEventLabels]);
    }
    if (who === 'department') {
      const started = (list.body.items as Array<{ id: string; allowedEvents: string[] }>).find((i) => i.id === ids[0]);
      expect(started?.allowedEvents).toContain('RECORD_DRAFT');
    }
  });

  it('leaves the list as it was without it, and names the field when it is wrong', async () => {
    const auth = t.bearer(d.tokens.office);
    const plain = await t.http.get('/decisions').set(auth).expect(200);
    expect(plain.body.items[0]).not.toHaveProperty('allowedEvents');
    const bad = await t.http.get('/decisions').query({ include: 'everything' }).set(auth);
    expect(fieldsOf(expectProblem(bad, 400, 'VALIDATION_FAILED'))).toEqual(['include']);
    expect(bad.body.detail).toMatch(/[\u4e00-\u9fa5]/);
  });
});
