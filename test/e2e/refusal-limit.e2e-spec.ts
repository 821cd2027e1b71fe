/**
 * Refused attempts per user and minute (REFUSALS_PER_MINUTE, here 3), through HTTP: past the limit
 * every request of that user on a route that can store a refusal is a 429 TOO_MANY_REFUSALS with
 * Retry-After, and stores nothing; other users and the read routes are not held back; concurrent
 * refusals cannot slip past the limit together.
 */
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app';

const LIMIT = 3;

describe('the refusal limit', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;

  beforeAll(async () => {
    t = await createTestApp({ env: { REFUSALS_PER_MINUTE: String(LIMIT) } });
    d = await createDistrict(t);
    f = decisionFixture(t, d);
  });
  afterAll(() => t?.close());

  const send = (id: string, token: string, body: object) => t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send(body);

  const expectTooMany = (res: Awaited<ReturnType<typeof send>>) => {
    const body = expectProblem(res, 429, 'TOO_MANY_REFUSALS');
    const wait = body.retryAfterSeconds as number;
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    expect(res.headers['retry-after']).toBe(String(wait));
    expect(body.detail).toMatch(/请 \d+ 秒后再试/);
  };

  it('stores LIMIT refusals of a user, then answers 429 on the events door and stores nothing, even for a valid step', async () => {
    const id = await f.decision({ through: ['CATALOG_PUBLISHED'] });
    const draft = await f.payload(id, 'RECORD_DRAFT');
    for (let i = 0; i < LIMIT; i++) expectProblem(await send(id, d.tokens.department, { type: 'RECORD_DRAFT', payload: draft }), 422, 'DRAFTING_NOT_STARTED');
    expect(await t.countRows('violation_attempt')).toBe(LIMIT);

    expectTooMany(await t.unchanged(() => send(id, d.tokens.department, { type: 'RECORD_DRAFT', payload: draft })));
    // Refused before the body is looked at: a malformed one is a 429 as well.
    expectTooMany(await t.unchanged(() => send(id, d.tokens.department, { type: 'NO_SUCH_EVENT' })));
    // A step the department could take, on a decision in drafting: still 429 for this minute.
    const drafting = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    expectTooMany(await t.unchanged(async () => send(drafting, d.tokens.department, { type: 'RECORD_DRAFT', payload: await f.payload(drafting, 'RECORD_DRAFT') })));

    // Reading is not limited, and the office is another user.
    await t.http.get(`/decisions/${id}/violations`).set(t.bearer(d.tokens.department)).expect(200);
    await send(id, d.tokens.office, { type: 'START_DRAFTING', payload: await f.payload(id, 'START_DRAFTING') }).expect(200);
  });

  it('holds the catalog routes that store refusals too: items, publication, withdrawal', async () => {
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d)]);
    const items = () => t.http.post(`/catalogs/${catalog.id}/items`).set(t.bearer(d.tokens.office));
    const before = await t.countRows('violation_attempt');
    for (let i = 0; i < LIMIT; i++) expectProblem(await items().send({ ...itemB(d), category: 'legislation' }), 422, 'OUT_OF_SCOPE');
    expect(await t.countRows('violation_attempt')).toBe(before + LIMIT);

    expectTooMany(await t.unchanged(() => items().send({ ...itemB(d), category: 'legislation' })));
    expectTooMany(await t.unchanged(() => items().send(itemB(d))));
    expectTooMany(
      await t.unchanged(() =>
        t.http.post(`/catalogs/${catalog.id}/publish`).set(t.bearer(d.tokens.office)).send({ partyCommitteeApprovedOn: '2026-02-10', partyCommitteeRef: '纪要', publishedOn: '2026-02-15' }),
      ),
    );
    expectTooMany(await t.unchanged(() => t.http.delete(`/catalogs/${catalog.id}/items/${decisionIds[0]}`).set(t.bearer(d.tokens.office)).send({ reason: '不再实施' })));
    // And the events door, for the same user.
    expectTooMany(await t.unchanged(() => send(decisionIds[0], d.tokens.office, { type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } })));
    await t.http.get(`/catalogs/${catalog.id}`).set(t.bearer(d.tokens.office)).expect(200);
  });

  it('lets no more than LIMIT concurrent refusals of one user be stored', async () => {
    const id = await f.decision({ through: TO_REVIEW });
    const before = await t.countRows('violation_attempt');
    // Submitted but not yet accepted: concluding the review is refused. The reviewer sends it 12 times at once.
    const payload = await f.payload(id, 'CONCLUDE_REVIEW');
    const answers = await Promise.all(Array.from({ length: 12 }, () => send(id, d.tokens.reviewer, { type: 'CONCLUDE_REVIEW', payload })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(LIMIT).fill(422), ...Array(12 - LIMIT).fill(429)]);
    expect(await t.countRows('violation_attempt')).toBe(before + LIMIT);
  });
});
