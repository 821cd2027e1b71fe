/**
 * The district of the acceptance story (acceptance-suite.ts), built through HTTP on a test app: 前进区人民政府
 * with 区司法局, 区发改局, 区卫健局 and 港湾街道, plus a neighbouring 后进区人民政府 (for scope
 * tests), and one user per role.
 *
 *   const d = await createDistrict(t);
 *   await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: d.units.gov.id, year: 2026 });
 */
import type { TestApp } from './test-app';

export interface Unit {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

export interface District {
  units: {
    /** 前进区人民政府: the decision organ. */
    gov: Unit;
    /** 区司法局: where the legal reviewers sit. */
    justice: Unit;
    /** 区发改局: the undertaking unit of items A and B. */
    ndrc: Unit;
    /** 区卫健局: another department (outside the undertaking unit's scope). */
    health: Unit;
    /** 港湾街道: a street office. */
    street: Unit;
    /** 后进区人民政府: a neighbouring government (everything of 前进区 is outside its scope). */
    otherGov: Unit;
    /** 后进区发改局. */
    otherNdrc: Unit;
  };
  /** One signed-in user per role; `office` is 前进区政府办 (unit gov), `department` is 区发改局. */
  tokens: {
    admin: string;
    office: string;
    department: string;
    reviewer: string;
    auditor: string;
    /** 区卫健局: a department that undertakes nothing of A or B. */
    healthDepartment: string;
    /** Users of the neighbouring district. */
    otherOffice: string;
    otherDepartment: string;
    otherReviewer: string;
  };
  /** The user ids, keyed like `tokens`. */
  userIds: Record<keyof District['tokens'], string>;
}

export const USER_PASSWORD = 'District-Staff-2026';

export async function createDistrict(t: TestApp): Promise<District> {
  const admin = await t.adminToken();
  const unit = async (name: string, kind: string, parentId?: string): Promise<Unit> => {
    const res = await t.http.post('/org-units').set(t.bearer(admin)).send({ name, kind, ...(parentId ? { parentId } : {}) });
    if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${res.text}`);
    return res.body as Unit;
  };
  const gov = await unit('前进区人民政府', 'government');
  const units = {
    gov,
    justice: await unit('区司法局', 'department', gov.id),
    ndrc: await unit('区发改局', 'department', gov.id),
    health: await unit('区卫健局', 'department', gov.id),
    street: await unit('港湾街道', 'street', gov.id),
    otherGov: await unit('后进区人民政府', 'government'),
    otherNdrc: { id: '', name: '', kind: '', parentId: null } as Unit,
  };
  units.otherNdrc = await unit('后进区发改局', 'department', units.otherGov.id);

  const userIds = { admin: '' } as Record<keyof District['tokens'], string>;
  const user = async (key: keyof District['tokens'], username: string, role: string, orgUnitId: string): Promise<string> => {
    const res = await t.http
      .post('/users')
      .set(t.bearer(admin))
      .send({ username, password: USER_PASSWORD, displayName: username, orgUnitId, roles: [role] });
    if (res.status !== 201) throw new Error(`creating ${username}: ${res.status} ${res.text}`);
    userIds[key] = (res.body as { id: string }).id;
    return t.login(username, USER_PASSWORD);
  };
  const tokens: District['tokens'] = {
    admin,
    office: await user('office', 'zfb', 'office', gov.id),
    department: await user('department', 'fgj', 'department', units.ndrc.id),
    reviewer: await user('reviewer', 'sfj', 'legal_reviewer', units.justice.id),
    auditor: await user('auditor', 'yfzqb', 'auditor', gov.id),
    healthDepartment: await user('healthDepartment', 'wjj', 'department', units.health.id),
    otherOffice: await user('otherOffice', 'hj-zfb', 'office', units.otherGov.id),
    otherDepartment: await user('otherDepartment', 'hj-fgj', 'department', units.otherNdrc.id),
    otherReviewer: await user('otherReviewer', 'hj-sfj', 'legal_reviewer', units.otherGov.id),
  };
  const me = await t.http.get('/auth/me').set(t.bearer(admin));
  userIds.admin = (me.body as { id: string }).id;
  return { units, tokens, userIds };
}
