/**
 * The account lifecycle through HTTP: an administrator reads and changes accounts, resets passwords
 * and ends sessions; users change their own password. Every change of password, roles, unit or
 * `disabled`, and every revocation, ends the account's existing tokens at once (401
 * TOKEN_REVOKED); the password rule and the role combinations (三员分立) apply wherever they are
 * set; the last enabled administrator stays.
 */
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { createDistrict, USER_PASSWORD, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, TEST_ADMIN, type TestApp } from '../support/test-app';

interface UserBody {
  id: string;
  username: string;
  displayName: string;
  orgUnitId: string | null;
  roles: string[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

describe('the account lifecycle', () => {
  let t: TestApp;
  let d: District;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    admin = d.tokens.admin;
    adminId = d.userIds.admin;
  });
  afterAll(() => t.close());

  const as = (token: string) => t.bearer(token);
  const me = (token: string) => t.http.get('/auth/me').set(as(token));
  let seq = 0;
  /** A fresh office user of 前进区 (or with the given roles and unit), with its password and a token. */
  const newUser = async (roles: string[] = ['office'], orgUnitId = d.units.gov.id) => {
    const username = `user${++seq}`;
    const password = `Fresh-Start-${seq}-2026`;
    const res = await t.http.post('/users').set(as(admin)).send({ username, password, displayName: `用户${seq}`, orgUnitId, roles });
    expect(res.status).toBe(201);
    const user = res.body as UserBody;
    return { ...user, password, token: await t.login(username, password) };
  };
  const patch = (id: string, body: unknown, token = admin) => t.http.patch(`/users/${id}`).set(as(token)).send(body as object);

  describe('GET /users/:id (admin)', () => {
    it('answers the user, never a credential or its token version', async () => {
      const res = await t.http.get(`/users/${d.userIds.office}`).set(as(admin)).expect(200);
      expect(Object.keys(res.body as object).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'orgUnitId', 'orgUnitName', 'roleLabels', 'roles', 'updatedAt', 'username']);
      expect(res.body).toMatchObject({ id: d.userIds.office, username: 'zfb', roles: ['office'], roleLabels: ['决策机关办公室'], orgUnitId: d.units.gov.id, orgUnitName: '前进区人民政府', disabled: false });
      expect(res.text).not.toMatch(/password|\$2[aby]\$|token/i);
    });

    it('answers 404 for an id that names nothing, and 403 to anyone but an administrator', async () => {
      expectProblem(await t.http.get(`/users/${randomUUID()}`).set(as(admin)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get('/users/not-a-uuid').set(as(admin)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/users/${d.userIds.office}`).set(as(d.tokens.auditor)), 403, 'FORBIDDEN_ROLE');
    });
  });

  describe('PATCH /users/:id (admin)', () => {
    it('changes the display name and keeps the user’s tokens', async () => {
      const u = await newUser();
      const res = await patch(u.id, { displayName: '王主任' }).expect(200);
      expect(res.body).toMatchObject({ id: u.id, displayName: '王主任', roles: ['office'], disabled: false });
      expect((res.body as UserBody).updatedAt > u.updatedAt).toBe(true);
      await me(u.token).expect(200);
    });

    it('changes roles: the user’s tokens end at once, a new sign-in carries the new roles', async () => {
      const u = await newUser();
      await me(u.token).expect(200); // verified once: its signature is now cached
      const res = await patch(u.id, { roles: ['office', 'department'] }).expect(200);
      expect(res.body).toMatchObject({ roles: ['office', 'department'] });
      expect(expectProblem(await me(u.token), 401, 'TOKEN_REVOKED').detail).toMatch(/请重新登录/);
      const fresh = await t.login(u.username, u.password);
      expect((await me(fresh).expect(200)).body).toMatchObject({ roles: ['office', 'department'] });
    });

    it('moves the user to another unit: its tokens end', async () => {
      const u = await newUser();
      await patch(u.id, { orgUnitId: d.units.street.id }).expect(200);
      expectProblem(await me(u.token), 401, 'TOKEN_REVOKED');
      expect((await me(await t.login(u.username, u.password)).expect(200)).body).toMatchObject({ orgUnitId: d.units.street.id });
    });

    it('disables the user: it can neither sign in nor use its tokens, and enabling it again does not revive them', async () => {
      const u = await newUser();
      await patch(u.id, { disabled: true }).expect(200);
      expectProblem(await me(u.token), 401, 'TOKEN_INVALID');
      expectProblem(await t.http.post('/auth/login').send({ username: u.username, password: u.password }), 401, 'INVALID_CREDENTIALS');
      await patch(u.id, { disabled: false }).expect(200);
      expectProblem(await me(u.token), 401, 'TOKEN_REVOKED');
      await me(await t.login(u.username, u.password)).expect(200);
    });

    it('changes nothing, and ends no token, when every field is what it was', async () => {
      const u = await newUser();
      const res = await t.unchanged(() => patch(u.id, { roles: ['office'], disabled: false, orgUnitId: d.units.gov.id }));
      expect(res.status).toBe(200);
      await me(u.token).expect(200);
    });

    it.each([
      [{ roles: 'office' }, 'roles'],
      [{ roles: [] }, 'roles'],
      [{ roles: ['superuser'] }, 'roles'],
      [{ disabled: 'yes' }, 'disabled'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: null }, 'displayName'],
      [{ orgUnitId: 'x' }, 'orgUnitId'],
      [{ password: 'Another-Pass-2026' }, 'password'],
      [{ username: 'renamed' }, 'username'],
    ])('refuses %j with 400 naming %s, changing nothing', async (body, field) => {
      const problem = await t.unchanged(async () => expectProblem(await patch(d.userIds.office, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
    });

    it('refuses a unit that does not exist, and an id that names no user', async () => {
      const problem = await t.unchanged(async () => expectProblem(await patch(d.userIds.office, { orgUnitId: randomUUID() }), 400, 'ORG_UNIT_NOT_FOUND'));
      expect(fieldsOf(problem)).toEqual(['orgUnitId']);
      await t.unchanged(async () => expectProblem(await patch(randomUUID(), { displayName: '无此人' }), 404, 'NOT_FOUND'));
    });

    it('keeps enabled accounts out of a deactivated unit', async () => {
      const unit = async (name: string) =>
        ((await t.http.post('/org-units').set(as(admin)).send({ name, kind: 'department', parentId: d.units.gov.id }).expect(201)).body as { id: string }).id;
      const deactivate = (id: string) => t.http.patch(`/org-units/${id}`).set(as(admin)).send({ active: false }).expect(200);
      const closed = await unit('区撤并办');
      await deactivate(closed);
      const body = { username: `moved${++seq}`, password: 'Moving-Day-2026', displayName: '调动', orgUnitId: closed, roles: ['office'] };
      const created = await t.unchanged(async () => expectProblem(await t.http.post('/users').set(as(admin)).send(body), 400, 'ORG_UNIT_INACTIVE'));
      expect(fieldsOf(created)).toEqual(['orgUnitId']);
      const u = await newUser();
      const moved = await t.unchanged(async () => expectProblem(await patch(u.id, { orgUnitId: closed }), 400, 'ORG_UNIT_INACTIVE'));
      expect(fieldsOf(moved)).toEqual(['orgUnitId']);
      // A disabled account may stay in its unit when the unit closes, but is not enabled there again.
      const other = await unit('区临时专班');
      const v = await newUser(['office'], other);
      await patch(v.id, { disabled: true }).expect(200);
      await deactivate(other);
      const enabled = await t.unchanged(async () => expectProblem(await patch(v.id, { disabled: false }), 400, 'ORG_UNIT_INACTIVE'));
      expect(fieldsOf(enabled)).toEqual(['disabled']);
      await patch(v.id, { disabled: false, orgUnitId: d.units.gov.id }).expect(200);
    });

    it('is for administrators only', async () => {
      await t.unchanged(async () => expectProblem(await patch(d.userIds.office, { disabled: true }, d.tokens.office), 403, 'FORBIDDEN_ROLE'));
    });
  });

  describe('separation of duties (三员分立): admin and auditor each alone', () => {
    it.each([
      [['admin', 'office'], 'admin'],
      [['office', 'admin'], 'admin'],
      [['admin', 'auditor'], 'admin'],
      [['auditor', 'legal_reviewer'], 'auditor'],
      [['department', 'auditor'], 'auditor'],
    ])('POST /users refuses %j with 400 ROLE_CONFLICT naming roles', async (roles, sole) => {
      const body = { username: `conflict${++seq}`, password: 'Dual-Hats-2026', displayName: '兼任', orgUnitId: d.units.gov.id, roles };
      const problem = await t.unchanged(async () => expectProblem(await t.http.post('/users').set(as(admin)).send(body), 400, 'ROLE_CONFLICT'));
      expect(problem.errors).toEqual([{ field: 'roles', message: expect.stringContaining(`（${sole}）不能兼任其他角色`) }]);
    });

    it('PATCH /users/:id refuses them too', async () => {
      const problem = await t.unchanged(async () => expectProblem(await patch(d.userIds.auditor, { roles: ['auditor', 'office'] }), 400, 'ROLE_CONFLICT'));
      expect(fieldsOf(problem)).toEqual(['roles']);
    });

    it('lets the procedure roles be combined', async () => {
      const u = await newUser(['office', 'department', 'legal_reviewer']);
      expect(u.roles).toEqual(['office', 'department', 'legal_reviewer']);
    });

    it('stops an account created earlier with such a set, until an administrator fixes it', async () => {
      const u = await newUser();
      await me(u.token).expect(200);
      // As an earlier release could have stored it.
      await t.tx.write((tx) => tx.execute('UPDATE app_user SET roles = ? WHERE id = ?', [JSON.stringify(['office', 'auditor']), u.id]));
      const refused = expectProblem(await me(u.token), 403, 'ROLE_CONFLICT');
      expect(refused.detail).toMatch(/请联系系统管理员/);
      await t.unchanged(async () => expectProblem(await t.http.post('/catalogs').set(as(u.token)).send({ organId: d.units.gov.id, year: 2031 }), 403, 'ROLE_CONFLICT'));
      expectProblem(await t.http.post('/auth/login').send({ username: u.username, password: u.password }), 403, 'ROLE_CONFLICT');
      // Only the right password learns why: a wrong one is a wrong one.
      expectProblem(await t.http.post('/auth/login').send({ username: u.username, password: 'Wrong-Guess-2026' }), 401, 'INVALID_CREDENTIALS');
      await patch(u.id, { roles: ['auditor'] }).expect(200);
      expect((await me(await t.login(u.username, u.password)).expect(200)).body).toMatchObject({ roles: ['auditor'] });
    });
  });

  describe('the last enabled administrator', () => {
    it('can be neither disabled nor given other roles', async () => {
      await t.unchanged(async () => expectProblem(await patch(adminId, { disabled: true }), 409, 'LAST_ACTIVE_ADMIN'));
      await t.unchanged(async () => expectProblem(await patch(adminId, { roles: ['office'], orgUnitId: d.units.gov.id }), 409, 'LAST_ACTIVE_ADMIN'));
      await me(admin).expect(200);
    });

    it('counts only enabled accounts holding admin alone', async () => {
      const second = await newUser(['admin']);
      // With a second administrator, the first could go; a disabled one does not count.
      await patch(second.id, { disabled: true }).expect(200);
      await t.unchanged(async () => expectProblem(await patch(adminId, { disabled: true }), 409, 'LAST_ACTIVE_ADMIN'));
      // Nor does one whose roles conflict (it cannot sign in).
      await patch(second.id, { disabled: false }).expect(200);
      await t.tx.write((tx) => tx.execute('UPDATE app_user SET roles = ? WHERE id = ?', [JSON.stringify(['admin', 'office']), second.id]));
      await t.unchanged(async () => expectProblem(await patch(adminId, { disabled: true }), 409, 'LAST_ACTIVE_ADMIN'));
      // Fixed, it counts: the first administrator's roles could now change (not done here), and the
      // second one can be given a procedure role.
      await patch(second.id, { roles: ['admin'] }).expect(200);
      const refused = await t.unchanged(async () => expectProblem(await patch(adminId, { roles: ['office'] }), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(refused)).toEqual(['orgUnitId']); // the first administrator has no unit
      await patch(second.id, { roles: ['office'] }).expect(200);
      await t.unchanged(async () => expectProblem(await patch(adminId, { disabled: true }), 409, 'LAST_ACTIVE_ADMIN'));
    });
  });

  describe('POST /users/:id/password (admin): a reset', () => {
    const reset = (id: string, body: unknown, token = admin) => t.http.post(`/users/${id}/password`).set(as(token)).send(body as object);

    it('sets the password (204) and ends the user’s tokens', async () => {
      const u = await newUser();
      await me(u.token).expect(200);
      const res = await reset(u.id, { password: 'Reset-By-Admin-2026' });
      expect([res.status, res.text]).toEqual([204, '']);
      expectProblem(await me(u.token), 401, 'TOKEN_REVOKED');
      expectProblem(await t.http.post('/auth/login').send({ username: u.username, password: u.password }), 401, 'INVALID_CREDENTIALS');
      await me(await t.login(u.username, 'Reset-By-Admin-2026')).expect(200);
    });

    it.each([
      ['aaaaaaaaaa', '密码须包含小写字母、大写字母、数字、其他符号这四类中的至少三类'],
      [' '.repeat(10), '密码须包含小写字母、大写字母、数字、其他符号这四类中的至少三类'],
      ['1234567890', '这个密码过于常见，很容易被猜中，请换一个'],
      ['Woaini1314', '这个密码过于常见，很容易被猜中，请换一个'],
      ['Aa1234567890', '这个密码过于常见，很容易被猜中，请换一个'],
      ['Short-1a', '密码至少需要 10 个字符'],
      ['My-ZFB-Office-2026', '密码不能包含用户名'],
    ])('refuses %p with 400 naming password: %s', async (password, message) => {
      const problem = await t.unchanged(async () => expectProblem(await reset(d.userIds.office, { password }), 400, 'VALIDATION_FAILED'));
      expect(problem.errors).toContainEqual({ field: 'password', message });
      expect(JSON.stringify(problem)).not.toContain(password.trim() || 'x'.repeat(99));
    });

    it('answers 404 for an id that names nothing, 403 to a non-administrator', async () => {
      await t.unchanged(async () => expectProblem(await reset(randomUUID(), { password: 'Reset-By-Admin-2026' }), 404, 'NOT_FOUND'));
      await t.unchanged(async () => expectProblem(await reset(d.userIds.office, { password: 'Reset-By-Admin-2026' }, d.tokens.office), 403, 'FORBIDDEN_ROLE'));
    });
  });

  describe('POST /users/:id/sessions/revoke (admin)', () => {
    it('ends every token of the user (204); the user signs in again with the same password', async () => {
      const u = await newUser();
      const second = await t.login(u.username, u.password);
      await me(u.token).expect(200);
      const res = await t.http.post(`/users/${u.id}/sessions/revoke`).set(as(admin));
      expect([res.status, res.text]).toEqual([204, '']);
      expectProblem(await me(u.token), 401, 'TOKEN_REVOKED');
      expectProblem(await me(second), 401, 'TOKEN_REVOKED');
      await me(await t.login(u.username, u.password)).expect(200);
    });

    it('answers 404 for an id that names nothing, 403 to a non-administrator', async () => {
      await t.unchanged(async () => expectProblem(await t.http.post(`/users/${randomUUID()}/sessions/revoke`).set(as(admin)), 404, 'NOT_FOUND'));
      await t.unchanged(async () => expectProblem(await t.http.post(`/users/${d.userIds.office}/sessions/revoke`).set(as(d.tokens.auditor)), 403, 'FORBIDDEN_ROLE'));
    });
  });

  describe('POST /auth/password: the signed-in user’s own change', () => {
    const change = (token: string, body: unknown) => t.http.post('/auth/password').set(as(token)).send(body as object);

    it('answers a fresh token; every other token of the user ends, the old password too', async () => {
      const u = await newUser(['department'], d.units.ndrc.id);
      const other = await t.login(u.username, u.password);
      const res = await change(u.token, { currentPassword: u.password, newPassword: 'My-Own-Choice-2026' }).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800, user: { id: u.id, username: u.username } });
      expect(res.text).not.toMatch(/My-Own-Choice/);
      const fresh = (res.body as { accessToken: string }).accessToken;
      await me(fresh).expect(200);
      expectProblem(await me(u.token), 401, 'TOKEN_REVOKED');
      expectProblem(await me(other), 401, 'TOKEN_REVOKED');
      expectProblem(await t.http.post('/auth/login').send({ username: u.username, password: u.password }), 401, 'INVALID_CREDENTIALS');
      await t.login(u.username, 'My-Own-Choice-2026');
    });

    it('refuses a wrong current password with 400 naming currentPassword, changing nothing', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(await change(d.tokens.reviewer, { currentPassword: 'Wrong-Guess-2026', newPassword: 'My-Own-Choice-2026' }), 400, 'CURRENT_PASSWORD_WRONG'),
      );
      expect(problem.errors).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    });

    it.each([
      [{ currentPassword: USER_PASSWORD, newPassword: 'qwertyuiop' }, 'newPassword'],
      [{ currentPassword: USER_PASSWORD, newPassword: 'Sfj-Reviewer-2026' }, 'newPassword'],
      [{ currentPassword: USER_PASSWORD, newPassword: USER_PASSWORD }, 'newPassword'],
      [{ currentPassword: USER_PASSWORD }, 'newPassword'],
      [{ newPassword: 'My-Own-Choice-2026' }, 'currentPassword'],
      [{ currentPassword: USER_PASSWORD, newPassword: 'My-Own-Choice-2026', username: 'x' }, 'username'],
    ])('refuses %j with 400 naming %s, changing nothing', async (body, field) => {
      const problem = await t.unchanged(async () => expectProblem(await change(d.tokens.reviewer, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
      await me(d.tokens.reviewer).expect(200);
    });

    it('counts a wrong current password as a failed login: 10 pass, then 429', async () => {
      const u = await newUser();
      for (let i = 0; i < 10; i++) expectProblem(await change(u.token, { currentPassword: `Wrong-Guess-${i}`, newPassword: 'My-Own-Choice-2026' }), 400, 'CURRENT_PASSWORD_WRONG');
      expectProblem(await change(u.token, { currentPassword: u.password, newPassword: 'My-Own-Choice-2026' }), 429, 'TOO_MANY_ATTEMPTS');
    });

    it('needs a token', async () => {
      expectProblem(await t.http.post('/auth/password').send({ currentPassword: TEST_ADMIN.password, newPassword: 'My-Own-Choice-2026' }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /users: the password rule', () => {
    it.each([
      ['aaaaaaaaaa'],
      [' '.repeat(10)],
      ['1234567890'],
      ['Woaini1314'],
      ['P@ssw0rd123'],
      ['Qwe123!@#qwe'],
      ['Newcomer-2026-NEWBIE'],
    ])('refuses %p with 400 naming password, changing nothing', async (password) => {
      const body = { username: 'newbie', password, displayName: '新人', orgUnitId: d.units.gov.id, roles: ['office'] };
      const problem = await t.unchanged(async () => expectProblem(await t.http.post('/users').set(as(admin)).send(body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toEqual(expect.arrayContaining(['password']));
      expect(new Set(fieldsOf(problem))).toEqual(new Set(['password']));
    });
  });

  describe('tokens', () => {
    it('carry the account’s token version; one of an older version is refused', async () => {
      const u = await newUser();
      const claims = t.app.get(JwtService).decode<{ ver: number }>(u.token);
      expect(claims.ver).toBe(0);
      await t.http.post(`/users/${u.id}/sessions/revoke`).set(as(admin)).expect(204);
      const next = await t.login(u.username, u.password);
      expect(t.app.get(JwtService).decode<{ ver: number }>(next).ver).toBe(1);
      const forgedOld = t.app.get(JwtService).sign({ sub: u.id, username: u.username, roles: ['office'], orgUnitId: d.units.gov.id, ver: 0 });
      expectProblem(await me(forgedOld), 401, 'TOKEN_REVOKED');
    });

    it('of an earlier release (no version) count as version 0', async () => {
      const u = await newUser();
      const legacy = t.app.get(JwtService).sign({ sub: u.id, username: u.username, roles: ['office'], orgUnitId: d.units.gov.id });
      await me(legacy).expect(200);
      await t.http.post(`/users/${u.id}/sessions/revoke`).set(as(admin)).expect(204);
      expectProblem(await me(legacy), 401, 'TOKEN_REVOKED');
    });
  });

  it('documents the account routes in OpenAPI', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/users/{id}']).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/users/{id}/password'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/users/{id}/sessions/revoke'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/auth/password'])).toEqual(['post']);
  });
});
