/**
 * Every unit a request names must exist, be active and lie under the organ's government: the
 * implementing unit of RECORD_DISCUSSION, the undertaking unit of a catalog item. And a unit is
 * deactivated only once nothing depends on it. Run on SQLite (test/e2e) and PostgreSQL (*.pg.spec).
 */
import { randomUUID } from 'node:crypto';
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { itemA } from './catalog-fixture';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, type District } from './district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from './test-app';

const TO_DISCUSSION = [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW'] as const;

export function unitReferenceSuite(postgres: boolean): void {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;

  beforeAll(async () => {
    t = await createTestApp({ postgres });
    d = await createDistrict(t);
    f = decisionFixture(t, d);
  });
  afterAll(async () => t?.close());

  const send = (id: string, token: string, body: object) => t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send(body);
  const discussion = async (id: string, implementingUnitId: string) => ({
    type: 'RECORD_DISCUSSION',
    payload: { ...(await f.payload(id, 'RECORD_DISCUSSION')), implementingUnitId },
  });
  const patchUnit = (id: string, body: object) => t.http.patch(`/org-units/${id}`).set(t.bearer(d.tokens.admin)).send(body);
  const newUnit = async (name: string, kind = 'department', parentId = d.units.gov.id): Promise<string> => {
    const res = await t.http.post('/org-units').set(t.bearer(d.tokens.admin)).send({ name, kind, parentId });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };

  describe('RECORD_DISCUSSION names its implementing unit', () => {
    it('refuses a department of another government (400 naming the field): the decision stays invisible to that department', async () => {
      const id = await f.decision({ through: [...TO_DISCUSSION] });
      const problem = await t.unchanged(async () =>
        expectProblem(await send(id, d.tokens.office, await discussion(id, d.units.otherNdrc.id)), 400, 'UNIT_OUTSIDE_ORGAN'),
      );
      expect(fieldsOf(problem)).toEqual(['payload.implementingUnitId']);
      expect(problem.detail).toContain('后进区发改局');
      expectProblem(await t.http.get(`/decisions/${id}`).set(t.bearer(d.tokens.otherDepartment)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/decisions/${id}/history`).set(t.bearer(d.tokens.otherDepartment)), 404, 'NOT_FOUND');
    });

    it('refuses a made-up unit id', async () => {
      const id = await f.decision({ through: [...TO_DISCUSSION] });
      const problem = await t.unchanged(async () => expectProblem(await send(id, d.tokens.office, await discussion(id, randomUUID())), 400, 'ORG_UNIT_NOT_FOUND'));
      expect(fieldsOf(problem)).toEqual(['payload.implementingUnitId']);
    });

    it('refuses a deactivated unit', async () => {
      const gone = await newUnit('区撤并局');
      expect((await patchUnit(gone, { active: false })).status).toBe(200);
      const id = await f.decision({ through: [...TO_DISCUSSION] });
      const problem = await t.unchanged(async () => expectProblem(await send(id, d.tokens.office, await discussion(id, gone)), 400, 'ORG_UNIT_INACTIVE'));
      expect(fieldsOf(problem)).toEqual(['payload.implementingUnitId']);
    });

    it('accepts a street office under the same government as the implementing unit', async () => {
      const id = await f.decision({ through: [...TO_DISCUSSION] });
      const res = await send(id, d.tokens.office, await discussion(id, d.units.street.id));
      expect(res.status).toBe(200);
      expect((res.body as { implementingUnitId: string }).implementingUnitId).toBe(d.units.street.id);
    });

    it('checks the unit after the payload (400s of form first) and before the version (409)', async () => {
      const id = await f.decision({ through: [...TO_DISCUSSION] });
      const body = await discussion(id, d.units.otherNdrc.id);
      const bad = { ...body, payload: { ...body.payload, meetingOn: 'tomorrow' } };
      expect(fieldsOf(expectProblem(await send(id, d.tokens.office, bad), 400, 'VALIDATION_FAILED'))).toEqual(['payload.meetingOn']);
      expectProblem(await send(id, d.tokens.office, { ...body, expectedVersion: 1 }), 400, 'UNIT_OUTSIDE_ORGAN');
    });
  });

  describe('catalog items name their undertaking unit', () => {
    let catalogId: string;
    beforeAll(async () => {
      const res = await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: d.units.gov.id, year: 2027 });
      expect(res.status).toBe(201);
      catalogId = (res.body as { id: string }).id;
    });
    const propose = (token: string, undertakingUnitId: string) => t.http.post(`/catalogs/${catalogId}/items`).set(t.bearer(token)).send(itemA(d, { undertakingUnitId }));

    it('refuses a deactivated undertaking unit, naming the field', async () => {
      const gone = await newUnit('区旧机构');
      expect((await patchUnit(gone, { active: false })).status).toBe(200);
      const problem = await t.unchanged(async () => expectProblem(await propose(d.tokens.office, gone), 400, 'ORG_UNIT_INACTIVE'));
      expect(fieldsOf(problem)).toEqual(['undertakingUnitId']);
    });

    it('refuses a unit of another government and a made-up one', async () => {
      expectProblem(await propose(d.tokens.office, d.units.otherNdrc.id), 400, 'UNIT_OUTSIDE_ORGAN');
      expectProblem(await propose(d.tokens.office, randomUUID()), 400, 'ORG_UNIT_NOT_FOUND');
    });
  });

  describe('PATCH /org-units/:id (admin): deactivation', () => {
    it('is refused while the unit has open cases, saying how many', async () => {
      const unit = await newUnit('区交通局');
      await f.decision({ undertaking: { id: unit, name: '区交通局', kind: 'department', parentId: d.units.gov.id }, through: ['CATALOG_PUBLISHED'] });
      const problem = await t.unchanged(async () => expectProblem(await patchUnit(unit, { active: false }), 409, 'UNIT_HAS_OPEN_CASES'));
      expect(problem.openCases).toBe(1);
    });

    it('is refused while enabled users or active units belong to it', async () => {
      expect((await patchUnit(d.units.ndrc.id, { active: false })).status).toBe(409);
      const parent = await newUnit('区城管执法局');
      await newUnit('区城管执法局第一中队', 'department', parent);
      expectProblem(await patchUnit(parent, { active: false }), 409, 'UNIT_HAS_ACTIVE_CHILDREN');
      const withUser = await newUnit('区档案局');
      const user = await t.http
        .post('/users')
        .set(t.bearer(d.tokens.admin))
        .send({ username: `dag-${randomUUID().slice(0, 6)}`, password: 'Dangan#Ju2026!x', displayName: '档案局用户', orgUnitId: withUser, roles: ['department'] });
      expect(user.status).toBe(201);
      expectProblem(await patchUnit(withUser, { active: false }), 409, 'UNIT_HAS_ACTIVE_USERS');
    });

    it('deactivates an idle unit, shows it inactive, refuses new units under it, and activates it again', async () => {
      const unit = await newUnit('区临时指挥部');
      const off = await patchUnit(unit, { active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: unit, active: false });
      const listed = await t.http.get('/org-units?pageSize=500').set(t.bearer(d.tokens.office));
      expect((listed.body as Array<{ id: string; active: boolean }>).find((u) => u.id === unit)?.active).toBe(false);
      const child = await t.http.post('/org-units').set(t.bearer(d.tokens.admin)).send({ name: '下设办公室', kind: 'department', parentId: unit });
      expect(fieldsOf(expectProblem(child, 400, 'PARENT_INACTIVE'))).toEqual(['parentId']);
      expect((await patchUnit(unit, { active: true })).body).toMatchObject({ active: true });
    });

    it('400 for a body without a boolean active or with an unknown field; 404 for no such unit; 403 for other roles', async () => {
      expect(fieldsOf(expectProblem(await patchUnit(d.units.street.id, { active: 'no' }), 400, 'VALIDATION_FAILED'))).toEqual(['active']);
      expect(fieldsOf(expectProblem(await patchUnit(d.units.street.id, { active: false, parentId: d.units.justice.id }), 400, 'VALIDATION_FAILED'))).toEqual(['parentId']);
      expect(fieldsOf(expectProblem(await patchUnit(d.units.street.id, { name: '  ' }), 400, 'VALIDATION_FAILED'))).toEqual(['name']);
      expectProblem(await patchUnit(randomUUID(), { active: false }), 404, 'NOT_FOUND');
      expectProblem(await t.http.patch(`/org-units/${d.units.street.id}`).set(t.bearer(d.tokens.office)).send({ active: false }), 403, 'FORBIDDEN_ROLE');
    });
  });
}
