import { randomUUID } from 'node:crypto';
import { OrgUnitsService } from '../../src/org-units/org-units.service';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface Unit {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  createdAt: string;
}

describe('organisation units and users', () => {
  let t: TestApp;
  let admin: string;
  let city: Unit; // 市人民政府
  let district: Unit; // 前进区人民政府, under the city
  let justice: Unit; // 区司法局, a department of the district
  let street: Unit; // 街道办事处 of the district
  let section: Unit; // a department under the justice bureau

  const createUnit = async (body: object): Promise<Unit> =>
    (await t.http.post('/org-units').set(t.bearer(admin)).send(body).expect(201)).body as Unit;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  describe('POST /org-units (admin)', () => {
    it('creates a government, and departments and streets under it', async () => {
      city = await createUnit({ name: '市人民政府', kind: 'government' });
      expect(city).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: '市人民政府',
        kind: 'government',
        kindLabel: '人民政府',
        parentId: null,
        parentName: null,
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      district = await createUnit({ name: '前进区人民政府', kind: 'government', parentId: city.id });
      justice = await createUnit({ name: '前进区司法局', kind: 'department', parentId: district.id });
      street = await createUnit({ name: '红旗街道办事处', kind: 'street', parentId: district.id });
      section = await createUnit({ name: '行政复议科', kind: 'department', parentId: justice.id });
      expect([district.parentId, justice.parentId, section.parentId]).toEqual([city.id, district.id, justice.id]);
    });

    it.each([
      [{ name: '发改局', kind: 'department' }, 'parentId'],
      [{ name: '街道', kind: 'street', parentId: 'not-a-uuid' }, 'parentId'],
      [{ name: '', kind: 'government' }, 'name'],
      [{ name: '   ', kind: 'government' }, 'name'],
      [{ name: 'x'.repeat(201), kind: 'government' }, 'name'],
      [{ name: '委员会', kind: 'committee' }, 'kind'],
      [{ kind: 'government' }, 'name'],
      [{ name: '政府', kind: 'government', extra: 1 }, 'extra'],
    ])('refuses %j with 400 naming %s, changing nothing', async (body, field) => {
      const problem = await t.unchanged(async () =>
        expectProblem(await t.http.post('/org-units').set(t.bearer(admin)).send(body), 400, 'VALIDATION_FAILED'),
      );
      expect(fieldsOf(problem)).toContain(field);
    });

    it('refuses a parent that does not exist', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(
          await t.http.post('/org-units').set(t.bearer(admin)).send({ name: '发改局', kind: 'department', parentId: randomUUID() }),
          400,
          'PARENT_NOT_FOUND',
        ),
      );
      expect(fieldsOf(problem)).toEqual(['parentId']);
    });

    it('refuses a government under a department', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(
          await t.http.post('/org-units').set(t.bearer(admin)).send({ name: '镇政府', kind: 'government', parentId: justice.id }),
          400,
          'INVALID_PARENT',
        ),
      );
      expect(fieldsOf(problem)).toEqual(['parentId']);
    });
  });

  describe('GET /org-units', () => {
    it('lists units oldest first with the total in X-Total-Count', async () => {
      const res = await t.http.get('/org-units').set(t.bearer(admin)).expect(200);
      expect(res.headers['x-total-count']).toBe('5');
      expect((res.body as Unit[]).map((u) => u.name)).toEqual(['市人民政府', '前进区人民政府', '前进区司法局', '红旗街道办事处', '行政复议科']);
    });

    it('pages with page and pageSize', async () => {
      const res = await t.http.get('/org-units?page=2&pageSize=2').set(t.bearer(admin)).expect(200);
      expect(res.headers['x-total-count']).toBe('5');
      expect((res.body as Unit[]).map((u) => u.id)).toEqual([justice.id, street.id]);
      const past = await t.http.get('/org-units?page=9').set(t.bearer(admin)).expect(200);
      expect(past.body).toEqual([]);
    });

    it.each([
      ['pageSize=501', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['page=abc', 'page'],
      ['page=1.5', 'page'],
      ['sort=name', 'sort'],
    ])('refuses ?%s with 400 naming %s', async (query, field) => {
      const problem = expectProblem(await t.http.get(`/org-units?${query}`).set(t.bearer(admin)), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(problem)).toContain(field);
    });
  });

  describe('POST /users (admin)', () => {
    const valid = () => ({
      username: 'Sfj.Reviewer',
      password: 'Legal-Review-2026',
      displayName: '李审查',
      orgUnitId: justice.id,
      roles: ['legal_reviewer'],
    });

    it('creates a user, stores a bcrypt hash, and never echoes the password', async () => {
      const res = await t.http.post('/users').set(t.bearer(admin)).send(valid()).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'sfj.reviewer',
        displayName: '李审查',
        orgUnitId: justice.id,
        orgUnitName: '前进区司法局',
        roles: ['legal_reviewer'],
        roleLabels: ['合法性审查人员'],
        disabled: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.text).not.toContain('Legal-Review-2026');
      const [row] = await t.tx.read((tx) =>
        tx.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE username = ?', ['sfj.reviewer']),
      );
      expect(row.password_hash).toMatch(/^\$2[aby]\$04\$/);
    });

    it('refuses a taken username, in any case, with 409 USERNAME_TAKEN', async () => {
      await t.unchanged(async () =>
        expectProblem(
          await t.http.post('/users').set(t.bearer(admin)).send({ ...valid(), username: 'SFJ.REVIEWER' }),
          409,
          'USERNAME_TAKEN',
        ),
      );
    });

    it.each([
      [{ password: 'short' }, 'password'],
      [{ password: '长'.repeat(30) }, 'password'], // 90 bytes: over bcrypt's 72
      [{ username: 'has space' }, 'username'],
      [{ username: '' }, 'username'],
      [{ displayName: '' }, 'displayName'],
      [{ orgUnitId: 'x' }, 'orgUnitId'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['superuser'] }, 'roles'],
      [{ roles: 'admin' }, 'roles'],
      [{ roles: ['office', 'office'] }, 'roles'],
      [{ isAdmin: true }, 'isAdmin'],
    ])('refuses %j with 400 naming %s, changing nothing', async (change, field) => {
      const problem = await t.unchanged(async () =>
        expectProblem(await t.http.post('/users').set(t.bearer(admin)).send({ ...valid(), username: 'new.user', ...change }), 400, 'VALIDATION_FAILED'),
      );
      expect(fieldsOf(problem)).toContain(field);
      expect(JSON.stringify(problem)).not.toContain('"short"');
    });

    it('refuses a missing password, naming it', async () => {
      const { password: _password, ...body } = { ...valid(), username: 'new.user' };
      const problem = await t.unchanged(async () =>
        expectProblem(await t.http.post('/users').set(t.bearer(admin)).send(body), 400, 'VALIDATION_FAILED'),
      );
      expect(fieldsOf(problem)).toContain('password');
    });

    it('refuses an organisation unit that does not exist', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(
          await t.http.post('/users').set(t.bearer(admin)).send({ ...valid(), username: 'new.user', orgUnitId: randomUUID() }),
          400,
          'ORG_UNIT_NOT_FOUND',
        ),
      );
      expect(fieldsOf(problem)).toEqual(['orgUnitId']);
    });

    it('GET /users lists users without credentials, with X-Total-Count', async () => {
      const res = await t.http.get('/users').set(t.bearer(admin)).expect(200);
      expect(res.headers['x-total-count']).toBe('2');
      expect((res.body as { username: string }[]).map((u) => u.username)).toEqual(['admin', 'sfj.reviewer']);
      expect(res.text).not.toMatch(/password|\$2[aby]\$/i);
    });
  });

  describe('a user who is not admin', () => {
    let reviewer: string;

    beforeAll(async () => {
      reviewer = await t.login('sfj.reviewer', 'Legal-Review-2026');
    });

    it('signs in and sees itself', async () => {
      const me = await t.http.get('/auth/me').set(t.bearer(reviewer)).expect(200);
      expect(me.body).toMatchObject({ username: 'sfj.reviewer', roles: ['legal_reviewer'], orgUnitId: justice.id });
    });

    it('may list units', async () => {
      await t.http.get('/org-units').set(t.bearer(reviewer)).expect(200);
    });

    it.each([
      ['post', '/org-units', { name: '局', kind: 'government' }],
      ['post', '/users', { username: 'x1', password: 'long-enough-1', displayName: 'x', orgUnitId: randomUUID(), roles: ['admin'] }],
      ['post', '/users', { invalid: true }],
      ['get', '/users', undefined],
    ])('%s %s → 403 FORBIDDEN_ROLE (before any validation), changing nothing', async (method, path, body) => {
      const res = await t.unchanged(() =>
        method === 'get' ? t.http.get(path).set(t.bearer(reviewer)) : t.http.post(path).set(t.bearer(reviewer)).send(body),
      );
      expect(expectProblem(res, 403, 'FORBIDDEN_ROLE').requiredRoles).toEqual(['admin']);
    });
  });

  describe('OrgUnitsService scope questions', () => {
    let units: OrgUnitsService;
    beforeAll(() => {
      units = t.app.get(OrgUnitsService);
    });

    it('nearestGovernment: the unit itself if a government, else the first government above', async () => {
      expect((await units.nearestGovernment(section.id))?.id).toBe(district.id);
      expect((await units.nearestGovernment(street.id))?.id).toBe(district.id);
      expect((await units.nearestGovernment(district.id))?.id).toBe(district.id);
      expect((await units.nearestGovernment(city.id))?.id).toBe(city.id);
      expect(await units.nearestGovernment(randomUUID())).toBeNull();
    });

    it('isUnder: at or anywhere below', async () => {
      expect(await units.isUnder(section.id, district.id)).toBe(true);
      expect(await units.isUnder(section.id, city.id)).toBe(true);
      expect(await units.isUnder(section.id, section.id)).toBe(true);
      expect(await units.isUnder(street.id, justice.id)).toBe(false);
      expect(await units.isUnder(city.id, district.id)).toBe(false);
      expect(await units.isUnder(randomUUID(), city.id)).toBe(false);
    });

    it('answers inside a unit of work, with its tx (the SQLite runner is not re-entrant)', async () => {
      const gov = await t.tx.write(async (tx) => {
        const id = randomUUID(); // a unit the service has not seen yet: read through this tx
        await tx.execute("INSERT INTO org_unit (id, name, kind, parent_id, created_at) VALUES (?, '科', 'department', ?, ?)", [
          id,
          justice.id,
          new Date().toISOString(),
        ]);
        return units.nearestGovernment(id, tx);
      });
      expect(gov?.id).toBe(district.id);
    });
  });
});
