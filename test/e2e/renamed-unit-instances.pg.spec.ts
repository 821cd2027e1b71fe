/**
 * Two instances on one PostgreSQL database: a unit renamed through one shows its new name through
 * the other at once, although the other has read the unit before (its tree of units is kept in
 * memory): every view reads names from the database, never from that memory.
 */
import { TO_PUBLISHED } from '../../workflows/major-decision/v1/walk';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createPostgresInstances, type TestApp } from '../support/test-app';

describe('a unit renamed through one instance, read through another (PostgreSQL)', () => {
  let instances: TestApp[];
  let close: () => Promise<void>;
  let d: District;
  let published: string;

  beforeAll(async () => {
    ({ instances, close } = await createPostgresInstances(2));
    d = await createDistrict(instances[0]);
    published = await decisionFixture(instances[0], d).decision({ title: '已公布的决策', through: TO_PUBLISHED });
  }, 60_000);
  afterAll(() => close());

  it('shows the new name in the decision, the public decision, the report and the unit list of the other instance', async () => {
    const [a, b] = instances;
    const read = async (path: string, token?: string) => (await (token ? b.http.get(path).set(b.bearer(token)) : b.http.get(path)).expect(200)).body as Record<string, unknown>;
    // Instance b reads the units first: their place in the tree is now in its memory.
    expect(await read(`/decisions/${published}`, d.tokens.auditor)).toMatchObject({ organName: '前进区人民政府', undertakingUnitName: '区发改局' });
    expect(((await read(`/audit/report?year=2026&organId=${d.units.gov.id}`, d.tokens.auditor)).scope as { organName: string }).organName).toBe('前进区人民政府');

    await a.http.patch(`/org-units/${d.units.gov.id}`).set(a.bearer(d.tokens.admin)).send({ name: '前进区政府' }).expect(200);
    await a.http.patch(`/org-units/${d.units.ndrc.id}`).set(a.bearer(d.tokens.admin)).send({ name: '区发展和改革局' }).expect(200);

    expect(await read(`/decisions/${published}`, d.tokens.auditor)).toMatchObject({ organName: '前进区政府', undertakingUnitName: '区发展和改革局', implementingUnitName: '区发展和改革局' });
    expect(await read(`/public/decisions/${published}`)).toMatchObject({ organName: '前进区政府', undertakingUnitName: '区发展和改革局' });
    expect(((await read(`/audit/report?year=2026&organId=${d.units.gov.id}`, d.tokens.auditor)).scope as { organName: string }).organName).toBe('前进区政府');
    const units = (await b.http.get('/org-units?pageSize=500').set(b.bearer(d.tokens.admin)).expect(200)).body as Array<{ id: string; name: string; parentName: string | null }>;
    expect(units.find((u) => u.id === d.units.ndrc.id)).toMatchObject({ name: '区发展和改革局', parentName: '前进区政府' });
  });
});
