/**
 * The administrator's housekeeping, on SQLite and PostgreSQL: one name per unit under a parent
 * (409 naming `name` on creation and renaming, inactive units included), and the admin log — every
 * change of a unit or an account, and a user's change of their own password, with who, when, what,
 * before and after (never a password), append-only in the database, read by the auditor alone.
 */
import { addCalendarDays, businessToday } from '../../src/calendar/business-date';
import { createDistrict, USER_PASSWORD, type District } from './district';
import { createTestApp, expectProblem, fieldsOf, TEST_ADMIN, type TestApp } from './test-app';

interface Entry {
  id: string;
  recordedAt: string;
  action: string;
  actionLabel: string;
  actor: { userId: string; username: string; displayName: string | null } | null;
  target: { kind: string; kindLabel: string; id: string; name: string | null; username?: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  unitNames: Record<string, string>;
  note?: string;
}

interface Unit {
  id: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
}

const CHINESE = /[\u4e00-\u9fff]/;

export function adminHousekeepingSuite(postgres: boolean): void {
  describe(`units and accounts: unique unit names and the admin log (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let adminId: string;
    const as = (token: string) => t.bearer(token);
    const log = async (query = '', token = d.tokens.auditor): Promise<{ entries: Entry[]; total: number; text: string }> => {
      const res = await t.http.get(`/audit/admin-log${query}`).set(as(token)).expect(200);
      return { entries: res.body as Entry[], total: Number(res.headers['x-total-count']), text: res.text };
    };
    /** Every entry about one unit or account, oldest first. */
    const entriesOf = async (targetId: string): Promise<Entry[]> => (await log('?pageSize=500')).entries.filter((e) => e.target.id === targetId).reverse();
    const createUnit = (body: object) => t.http.post('/org-units').set(as(d.tokens.admin)).send(body);
    const patchUnit = (id: string, body: object) => t.http.patch(`/org-units/${id}`).set(as(d.tokens.admin)).send(body);

    beforeAll(async () => {
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
      adminId = d.userIds.admin;
    }, 60_000);
    afterAll(() => t.close());

    describe('one name per unit under a parent', () => {
      it('refuses a second 区发改局 under 前进区人民政府 with 409 naming `name`, in Chinese, and changes nothing', async () => {
        const problem = await t.unchanged(async () => expectProblem(await createUnit({ name: '区发改局', kind: 'department', parentId: d.units.gov.id }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expect(fieldsOf(problem)).toEqual(['name']);
        expect(problem.detail).toMatch(CHINESE);
        expect(problem.detail).toContain('前进区人民政府');
        expect(problem).toMatchObject({ existingUnitId: d.units.ndrc.id, existingUnitActive: true });
      });

      it('compares the name without its surrounding blanks', async () => {
        const problem = await t.unchanged(async () => expectProblem(await createUnit({ name: '  区发改局　', kind: 'department', parentId: d.units.gov.id }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expect(fieldsOf(problem)).toEqual(['name']);
      });

      it('refuses a second government of the same name at the top', async () => {
        const problem = await t.unchanged(async () => expectProblem(await createUnit({ name: '前进区人民政府', kind: 'government' }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expect(fieldsOf(problem)).toEqual(['name']);
      });

      it('takes the same name under another parent', async () => {
        const res = await createUnit({ name: '区发改局', kind: 'department', parentId: d.units.otherGov.id }).expect(201);
        expect(res.body).toMatchObject({ name: '区发改局', parentId: d.units.otherGov.id, parentName: '后进区人民政府' });
      });

      it('refuses a renaming to the name of a sibling with 409 naming `name`, and changes nothing', async () => {
        const problem = await t.unchanged(async () => expectProblem(await patchUnit(d.units.health.id, { name: '区发改局' }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expect(fieldsOf(problem)).toEqual(['name']);
        expect(problem.detail).toMatch(CHINESE);
      });

      it('keeps the name of an inactive unit: a new unit takes it once the old one is renamed', async () => {
        const archive = (await createUnit({ name: '区档案局', kind: 'department', parentId: d.units.gov.id }).expect(201)).body as Unit;
        await patchUnit(archive.id, { active: false }).expect(200);
        const problem = await t.unchanged(async () => expectProblem(await createUnit({ name: '区档案局', kind: 'department', parentId: d.units.gov.id }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expect(problem).toMatchObject({ existingUnitId: archive.id, existingUnitActive: false });
        expect(problem.detail).toMatch(/已停用/);
        await patchUnit(archive.id, { name: '区档案局（2026年撤销）' }).expect(200);
        const successor = (await createUnit({ name: '区档案局', kind: 'department', parentId: d.units.gov.id }).expect(201)).body as Unit;
        expect(successor.id).not.toBe(archive.id);
      });

      it('refuses a PATCH that names neither `name` nor `active` with 400 naming both', async () => {
        const problem = await t.unchanged(async () => expectProblem(await patchUnit(d.units.street.id, {}), 400, 'VALIDATION_FAILED'));
        expect(fieldsOf(problem).sort()).toEqual(['active', 'name']);
      });

      it('renames a unit, and every view shows the new name at once', async () => {
        const res = await patchUnit(d.units.street.id, { name: '港湾街道办事处' }).expect(200);
        expect(res.body).toMatchObject({ id: d.units.street.id, name: '港湾街道办事处', parentName: '前进区人民政府', active: true });
        const units = (await t.http.get('/org-units?pageSize=500').set(as(d.tokens.admin)).expect(200)).body as Unit[];
        expect(units.find((u) => u.id === d.units.street.id)?.name).toBe('港湾街道办事处');
      });
    });

    describe('the admin log', () => {
      it('records the first administrator, created by the service itself', async () => {
        const [created] = await entriesOf(adminId);
        expect(created).toMatchObject({
          action: 'USER_CREATED',
          actionLabel: '开设账号',
          actor: null,
          target: { kind: 'user', id: adminId, username: TEST_ADMIN.username },
          before: null,
          after: { username: TEST_ADMIN.username, roles: ['admin'], orgUnitId: null, disabled: false },
        });
        expect(created.note).toMatch(CHINESE);
      });

      it('records each unit created, renamed, deactivated and reactivated, with who did it and the fields before and after', async () => {
        const unit = (await createUnit({ name: '区数据局', kind: 'department', parentId: d.units.gov.id }).expect(201)).body as Unit;
        await patchUnit(unit.id, { name: '区政务服务和数据管理局' }).expect(200);
        await patchUnit(unit.id, { active: false }).expect(200);
        await patchUnit(unit.id, { active: true }).expect(200);
        const entries = await entriesOf(unit.id);
        expect(entries.map((e) => [e.action, e.actionLabel, e.before, e.after])).toEqual([
          ['ORG_UNIT_CREATED', '新建单位', null, { name: '区数据局', kind: 'department', parentId: d.units.gov.id, active: true }],
          ['ORG_UNIT_RENAMED', '单位更名', { name: '区数据局' }, { name: '区政务服务和数据管理局' }],
          ['ORG_UNIT_DEACTIVATED', '停用单位', { active: true }, { active: false }],
          ['ORG_UNIT_REACTIVATED', '重新启用单位', { active: false }, { active: true }],
        ]);
        for (const e of entries) {
          expect(e.actor).toEqual({ userId: adminId, username: TEST_ADMIN.username, displayName: '系统管理员' });
          expect(e.target).toEqual({ kind: 'org_unit', kindLabel: '单位', id: unit.id, name: '区政务服务和数据管理局' });
          expect(e.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        }
        expect(entries[0].unitNames).toEqual({ [d.units.gov.id]: '前进区人民政府' });
        // A renaming that changes nothing writes nothing.
        await patchUnit(unit.id, { name: '区政务服务和数据管理局' }).expect(200);
        expect(await entriesOf(unit.id)).toHaveLength(4);
      });

      it('records each account created and changed, its roles, disabling and enabling, never its password', async () => {
        const password = 'Data-Clerk-Pass-2026';
        const user = (await t.http.post('/users').set(as(d.tokens.admin)).send({ username: 'sjj', password, displayName: '数据员', orgUnitId: d.units.ndrc.id, roles: ['department'] }).expect(201)).body as { id: string };
        const patch = (body: object) => t.http.patch(`/users/${user.id}`).set(as(d.tokens.admin)).send(body).expect(200);
        await patch({ displayName: '数据管理员', orgUnitId: d.units.health.id });
        await patch({ roles: ['department', 'office'] });
        await patch({ disabled: true });
        await patch({ disabled: false });
        const entries = await entriesOf(user.id);
        expect(entries.map((e) => [e.action, e.actionLabel, e.before, e.after])).toEqual([
          ['USER_CREATED', '开设账号', null, { username: 'sjj', displayName: '数据员', orgUnitId: d.units.ndrc.id, roles: ['department'], disabled: false }],
          ['USER_CHANGED', '修改账号信息', { displayName: '数据员', orgUnitId: d.units.ndrc.id }, { displayName: '数据管理员', orgUnitId: d.units.health.id }],
          ['USER_ROLES_CHANGED', '调整账号角色', { roles: ['department'] }, { roles: ['department', 'office'] }],
          ['USER_DISABLED', '停用账号', { disabled: false }, { disabled: true }],
          ['USER_ENABLED', '重新启用账号', { disabled: true }, { disabled: false }],
        ]);
        expect(entries[1].unitNames).toEqual({ [d.units.ndrc.id]: '区发改局', [d.units.health.id]: '区卫健局' });
        for (const e of entries) expect(e.target).toEqual({ kind: 'user', kindLabel: '账号', id: user.id, name: '数据管理员', username: 'sjj' });
        const { text } = await log('?pageSize=500');
        expect(text).not.toContain(password);
        expect(text).not.toMatch(/\$2[aby]\$|password_?hash|passwordHash/i);
      });

      it('records a password reset, an end of sessions and a user’s change of their own password, with no password in them', async () => {
        const userId = d.userIds.healthDepartment;
        const reset = 'Reset-By-Admin-2026';
        await t.http.post(`/users/${userId}/password`).set(as(d.tokens.admin)).send({ password: reset }).expect(204);
        await t.http.post(`/users/${userId}/sessions/revoke`).set(as(d.tokens.admin)).expect(204);
        const token = await t.login('wjj', reset);
        const own = 'Changed-By-Myself-2026';
        await t.http.post('/auth/password').set(as(token)).send({ currentPassword: reset, newPassword: own }).expect(200);
        const entries = (await entriesOf(userId)).slice(-3);
        expect(entries.map((e) => [e.action, e.actionLabel, e.actor?.userId, e.before, e.after])).toEqual([
          ['USER_PASSWORD_RESET', '重置密码', adminId, null, null],
          ['USER_SESSIONS_REVOKED', '强制下线（注销全部登录）', adminId, null, null],
          ['OWN_PASSWORD_CHANGED', '本人修改密码', userId, null, null],
        ]);
        expect(entries[2].actor).toEqual({ userId, username: 'wjj', displayName: 'wjj' });
        const { text } = await log('?pageSize=500');
        for (const secret of [reset, own, USER_PASSWORD]) expect(text).not.toContain(secret);
      });

      it('writes nothing for a refused action', async () => {
        const before = (await log()).total;
        await t.unchanged(async () => expectProblem(await createUnit({ name: '区发改局', kind: 'department', parentId: d.units.gov.id }), 409, 'ORG_UNIT_NAME_TAKEN'));
        expectProblem(await t.http.patch(`/users/${d.userIds.office}`).set(as(d.tokens.admin)).send({ roles: ['auditor', 'office'] }), 400, 'ROLE_CONFLICT');
        expect((await log()).total).toBe(before);
      });

      it('shows the actor by the display name the account has now', async () => {
        await t.http.patch(`/users/${adminId}`).set(as(d.tokens.admin)).send({ displayName: '系统管理员 王五' }).expect(200);
        const { entries } = await log('?action=ORG_UNIT_CREATED');
        expect(entries.length).toBeGreaterThan(0);
        for (const e of entries) expect(e.actor).toMatchObject({ userId: adminId, displayName: '系统管理员 王五' });
      });

      it('lists newest first, pages with X-Total-Count, and filters by action and by business day', async () => {
        const all = await log('?pageSize=500');
        expect(all.total).toBe(all.entries.length);
        const times = all.entries.map((e) => e.recordedAt);
        expect(times).toEqual([...times].sort().reverse());
        const page2 = await log('?page=2&pageSize=3');
        expect(page2.total).toBe(all.total);
        expect(page2.entries.map((e) => e.id)).toEqual(all.entries.slice(3, 6).map((e) => e.id));

        const roles = await log('?action=USER_ROLES_CHANGED');
        expect(roles.entries.length).toBeGreaterThan(0);
        expect(roles.total).toBe(all.entries.filter((e) => e.action === 'USER_ROLES_CHANGED').length);
        expect(new Set(roles.entries.map((e) => e.action))).toEqual(new Set(['USER_ROLES_CHANGED']));

        const today = businessToday(t.config.businessTimeZone);
        expect((await log(`?from=${today}&to=${today}&pageSize=500`)).total).toBe(all.total);
        expect((await log(`?from=${addCalendarDays(today, 1)}`)).total).toBe(0);
        expect((await log(`?to=${addCalendarDays(today, -1)}`)).total).toBe(0);
      });

      it.each([
        ['action=DELETE_EVERYTHING', 'action'],
        ['from=2026-02-30', 'from'],
        ['from=2026-03-02&to=2026-03-01', 'from'],
        ['pageSize=501', 'pageSize'],
      ])('refuses ?%s with 400 naming %s', async (query, field) => {
        const problem = expectProblem(await t.http.get(`/audit/admin-log?${query}`).set(as(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
        expect(fieldsOf(problem)).toContain(field);
      });

      it('is for the auditor alone: 403 for the administrator, an office, a department and a legal reviewer', async () => {
        for (const token of [d.tokens.admin, d.tokens.office, d.tokens.department, d.tokens.reviewer]) {
          expectProblem(await t.http.get('/audit/admin-log').set(as(token)), 403, 'FORBIDDEN_ROLE');
        }
      });

      it('is append-only in the database: an UPDATE or DELETE of a row is refused and leaves it as it was', async () => {
        const rows = () => t.tx.read((tx) => tx.query('SELECT * FROM admin_log ORDER BY id'));
        const before = await rows();
        const [one] = before as Array<{ id: string }>;
        const changes: Array<[string, unknown[]]> = [
          ["UPDATE admin_log SET action = 'USER_ENABLED' WHERE id = ?", [one.id]],
          ["UPDATE admin_log SET after_state = '{\"password\":\"x\"}'", []],
          ['DELETE FROM admin_log WHERE id = ?', [one.id]],
          ['DELETE FROM admin_log', []],
          ...(postgres ? ([['TRUNCATE admin_log', []]] as Array<[string, unknown[]]>) : []),
        ];
        for (const [sql, params] of changes) {
          await expect(t.tx.write((tx) => tx.execute(sql, params))).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) as unknown });
        }
        expect(await rows()).toEqual(before);
      });
    });
  });
}
