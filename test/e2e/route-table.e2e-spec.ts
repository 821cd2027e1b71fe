/**
 * S1: every route of the running app's router, one by one — without a token, with a
 * forged, expired or garbage token (401), with each role that may not use it (403), outside the
 * caller's unit or with an id that does not exist (404), as the README says ("Roles and scope").
 *
 * ROUTES is the table: one entry per "METHOD /path" of the router (Swagger's /docs* excluded). A
 * route added to a controller without an entry here, or an entry whose route is gone, fails the
 * first test, so no route goes untested.
 *
 * Order of checks (README, "Roles and scope"): 401 → 404 → 403 → 400. Hence:
 * - a role the route admits, given an invalid body, gets 400: it got past 401, 404 and 403;
 * - a role the route refuses gets 403 on a resource it can see (the catalog of its organ, a decision
 *   of its unit); POST /decisions/:id/events decides per event type, so each role sends a type of
 *   another role;
 * - `admin` is no procedure actor: every catalog and decision route refuses it with 403 whatever the
 *   id (the route itself is not for its role; its answer does not depend on the resource, so no id
 *   leaks);
 * - a caller who cannot see the resource gets 404 even where its role could not use the route
 *   anyway (404 comes before 403): the neighbouring district's users on every scoped route, and
 *   区卫健局's department on a decision 区发改局 undertakes.
 * Every refused request must leave every table as it was.
 */
import { createHmac } from 'node:crypto';
import { TOKEN_ISSUER } from '../../src/auth/auth.module';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, USER_PASSWORD, type District } from '../support/district';
import { createTestApp, expectProblem, TEST_ADMIN, type TestApp } from '../support/test-app';

type RoleKey = 'admin' | 'office' | 'department' | 'reviewer' | 'auditor';
const ROLE_KEYS: RoleKey[] = ['admin', 'office', 'department', 'reviewer', 'auditor'];
type TokenKey = keyof District['tokens'];

/** What the tests resolve paths and bodies against, filled in beforeAll. */
interface Ctx {
  d: District;
  /** The published 2026 catalog of 前进区人民政府. */
  catalogId: string;
  /** A catalog never published (前进区人民政府, 2027). */
  draftCatalogId: string;
  /** A decision of that catalog in stage `cataloged`, undertaken by 区发改局. */
  decisionId: string;
  /** A decision of 前进区 that has gone through PUBLISH (visible at /public/decisions/:id). */
  publishedId: string;
  /** A decision of the neighbouring 后进区人民政府's catalog. */
  foreignId: string;
  /** A valid START_DRAFTING payload and a valid RECORD_DRAFT one, for the 403 probes. */
  startDrafting: Record<string, unknown>;
  /** An office user of 前进区 that the account routes read, change and sign out. */
  spareUserId: string;
}

/** One request a role makes on the route, and the answer it must get. */
interface Probe {
  status: 200 | 201 | 204 | 400 | 403 | 404;
  /** The problem's code, for a refusal. */
  code?: string;
  body?: (c: Ctx) => unknown;
  /** What the probe shows, in the test name. */
  what?: string;
}

type Scope = 'catalog' | 'catalog-item' | 'decision' | 'definition' | 'public-catalog' | 'public-decision';

interface RouteSpec {
  /** No token needed: POST /auth/login, GET /health, GET /public/*. */
  public?: true;
  /** The route with an existing resource of the district (for scoped routes) and a valid query. */
  path: (c: Ctx) => string;
  /** For non-public routes: what each role gets on that resource. */
  roles?: Record<RoleKey, Probe[]>;
  /**
   * The route names a resource: `missing` gives paths whose id names nothing (404 for every
   * procedure role); for `catalog`, `catalog-item` and `decision` the neighbouring district's users
   * get 404 too, and `hiddenFrom` lists the district's own users who do not see it (404).
   */
  resource?: { scope: Scope; missing: (c: Ctx) => string[]; hiddenFrom?: TokenKey[] };
  /** A public route's answer without a token. */
  publicAnswer?: { status: number; body?: (c: Ctx) => unknown };
}

const ok = (status: 200 | 201 | 204 = 200): Probe => ({ status, what: 'admitted' });
/** Admitted: an invalid body gets 400, which comes after 401, 404 and 403. */
const admitted = (body: (c: Ctx) => unknown = () => ({})): Probe => ({ status: 400, code: 'VALIDATION_FAILED', body, what: 'admitted (400 on an empty body)' });
const refused = (code = 'FORBIDDEN_ROLE', body?: (c: Ctx) => unknown, what = 'refused'): Probe => ({ status: 403, code, body, what });
const everyone = (probe: Probe): Record<RoleKey, Probe[]> => ({ admin: [probe], office: [probe], department: [probe], reviewer: [probe], auditor: [probe] });
/** The four procedure roles read; the administrator is refused. */
const procedureReaders: Record<RoleKey, Probe[]> = { ...everyone(ok()), admin: [refused()] };
/** The auditor's desk: the auditor, and an office for its own organ; every other role is refused. */
const auditDesk: Record<RoleKey, Probe[]> = { admin: [refused()], office: [ok()], department: [refused()], reviewer: [refused()], auditor: [ok()] };
const adminOnly = (probe: Probe): Record<RoleKey, Probe[]> => ({ admin: [probe], office: [refused()], department: [refused()], reviewer: [refused()], auditor: [refused()] });

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const event = (type: string, payload: (c: Ctx) => unknown) => (c: Ctx) => ({ type, payload: payload(c) });

/** The table: every route of the router, "METHOD /path" as Express holds it. */
const ROUTES: Record<string, RouteSpec> = {
  'GET /health': { public: true, path: () => '/health', publicAnswer: { status: 200 } },
  'POST /auth/login': { public: true, path: () => '/auth/login', publicAnswer: { status: 200, body: () => TEST_ADMIN } },
  'GET /auth/me': { path: () => '/auth/me', roles: everyone(ok()) },

  'POST /org-units': { path: () => '/org-units', roles: adminOnly(admitted()) },
  'GET /org-units': { path: () => '/org-units', roles: everyone(ok()) },
  'PATCH /org-units/:id': { path: (c) => `/org-units/${c.d.units.street.id}`, roles: adminOnly(admitted()) },
  'POST /users': { path: () => '/users', roles: adminOnly(admitted()) },
  'GET /users': { path: () => '/users', roles: adminOnly(ok()) },
  'GET /users/:id': { path: (c) => `/users/${c.spareUserId}`, roles: adminOnly(ok()) },
  'PATCH /users/:id': {
    path: (c) => `/users/${c.spareUserId}`,
    roles: adminOnly({ status: 400, code: 'VALIDATION_FAILED', body: () => ({ roles: 'office' }), what: 'admitted (400 on an invalid body)' }),
  },
  'POST /users/:id/password': { path: (c) => `/users/${c.spareUserId}/password`, roles: adminOnly(admitted()) },
  'POST /users/:id/sessions/revoke': { path: (c) => `/users/${c.spareUserId}/sessions/revoke`, roles: adminOnly(ok(204)) },
  'POST /auth/password': { path: () => '/auth/password', roles: everyone(admitted()) },

  'GET /calendar/working-days': { path: () => '/calendar/working-days?from=2026-03-02&days=5', roles: everyone(ok()) },
  'GET /calendar/days': { path: () => '/calendar/days?year=2026', roles: everyone(ok()) },

  'GET /workflows': { path: () => '/workflows', roles: everyone(ok()) },
  'GET /workflows/:id/:version/diagram': {
    path: () => '/workflows/major-decision/1/diagram?format=mermaid',
    roles: everyone(ok()),
    // The definitions are the same for everyone: not scoped, only missing ones are 404.
    resource: { scope: 'definition', missing: () => ['/workflows/no-such-procedure/1/diagram', '/workflows/major-decision/999/diagram'] },
  },

  'POST /catalogs': {
    path: () => '/catalogs',
    roles: { ...adminOnly(refused()), office: [admitted()], admin: [refused()] },
  },
  'GET /catalogs': { path: () => '/catalogs?year=2026', roles: procedureReaders },
  'GET /catalogs/:id': {
    path: (c) => `/catalogs/${c.catalogId}`,
    roles: procedureReaders,
    resource: { scope: 'catalog', missing: () => [`/catalogs/${NO_SUCH}`, '/catalogs/not-a-uuid'] },
  },
  'POST /catalogs/:id/items': {
    path: (c) => `/catalogs/${c.catalogId}/items`,
    // The organ's office, or a department under the organ (which proposes items it undertakes).
    roles: {
      admin: [refused()],
      office: [admitted()],
      department: [admitted()],
      reviewer: [refused('FORBIDDEN_ROLE', (c) => itemB(c.d))],
      auditor: [refused('FORBIDDEN_ROLE', (c) => itemB(c.d))],
    },
    resource: { scope: 'catalog', missing: () => [`/catalogs/${NO_SUCH}/items`] },
  },
  'POST /catalogs/:id/publish': {
    path: (c) => `/catalogs/${c.catalogId}/publish`,
    roles: {
      admin: [refused()],
      office: [admitted()],
      department: [refused('FORBIDDEN_ROLE', () => PUBLICATION)],
      reviewer: [refused('FORBIDDEN_ROLE', () => PUBLICATION)],
      auditor: [refused('FORBIDDEN_ROLE', () => PUBLICATION)],
    },
    resource: { scope: 'catalog', missing: () => [`/catalogs/${NO_SUCH}/publish`] },
  },
  'DELETE /catalogs/:id/items/:decisionId': {
    path: (c) => `/catalogs/${c.catalogId}/items/${c.decisionId}`,
    roles: {
      admin: [refused()],
      office: [admitted()],
      department: [refused('FORBIDDEN_ROLE', () => WITHDRAWAL)],
      reviewer: [refused('FORBIDDEN_ROLE', () => WITHDRAWAL)],
      auditor: [refused('FORBIDDEN_ROLE', () => WITHDRAWAL)],
    },
    resource: {
      scope: 'catalog-item',
      // No such catalog; no such item in the catalog; a decision that exists, but in another catalog.
      missing: (c) => [`/catalogs/${NO_SUCH}/items/${c.decisionId}`, `/catalogs/${c.catalogId}/items/${NO_SUCH}`, `/catalogs/${c.catalogId}/items/${c.foreignId}`],
    },
  },
  'GET /catalogs/template.xlsx': { path: () => '/catalogs/template.xlsx', roles: procedureReaders },
  'POST /catalogs/:id/items/import': {
    path: (c) => `/catalogs/${c.catalogId}/items/import`,
    // As POST /catalogs/:id/items: the organ's office, or a department under the organ; without a file, 400 naming `file`.
    roles: { admin: [refused()], office: [admitted()], department: [admitted()], reviewer: [refused()], auditor: [refused()] },
    resource: { scope: 'catalog', missing: () => [`/catalogs/${NO_SUCH}/items/import`, '/catalogs/not-a-uuid/items/import'] },
  },
  'GET /catalogs/:id/export': {
    path: (c) => `/catalogs/${c.catalogId}/export?format=csv`,
    roles: procedureReaders,
    resource: { scope: 'catalog', missing: () => [`/catalogs/${NO_SUCH}/export`, '/catalogs/not-a-uuid/export'] },
  },
  'GET /public/catalogs': { public: true, path: () => '/public/catalogs?year=2026', publicAnswer: { status: 200 } },
  'GET /public/catalogs/:id': {
    public: true,
    path: (c) => `/public/catalogs/${c.catalogId}`,
    publicAnswer: { status: 200 },
    // A catalog that is not published is as missing as one that does not exist.
    resource: { scope: 'public-catalog', missing: (c) => [`/public/catalogs/${NO_SUCH}`, '/public/catalogs/not-a-uuid', `/public/catalogs/${c.draftCatalogId}`] },
  },

  'GET /decisions': { path: () => '/decisions?year=2026', roles: procedureReaders },
  'GET /decisions/:id': {
    path: (c) => `/decisions/${c.decisionId}`,
    roles: procedureReaders,
    resource: { scope: 'decision', missing: () => [`/decisions/${NO_SUCH}`, '/decisions/not-a-uuid'], hiddenFrom: ['healthDepartment'] },
  },
  'POST /decisions/:id/events': {
    path: (c) => `/decisions/${c.decisionId}/events`,
    // Decided per event type: each role sends a type of another role (403) and, where it sends
    // some type, one of its own with an empty payload (400: admitted).
    roles: {
      admin: [refused('FORBIDDEN_ROLE', event('START_DRAFTING', (c) => c.startDrafting), 'START_DRAFTING refused')],
      office: [
        { status: 400, code: 'VALIDATION_FAILED', body: event('START_DRAFTING', () => ({})), what: 'START_DRAFTING admitted (400 on an empty payload)' },
        refused('FORBIDDEN_ROLE', event('RECORD_DRAFT', () => ({ draftedOn: '2026-03-10', summary: '草案' })), 'RECORD_DRAFT refused'),
        refused('FORBIDDEN_ROLE', event('ACCEPT_REVIEW', () => ({ acceptedOn: '2026-03-10' })), 'ACCEPT_REVIEW refused'),
      ],
      department: [
        { status: 400, code: 'VALIDATION_FAILED', body: event('RECORD_DRAFT', () => ({})), what: 'RECORD_DRAFT admitted (400 on an empty payload)' },
        refused('FORBIDDEN_ROLE', event('START_DRAFTING', (c) => c.startDrafting), 'START_DRAFTING refused'),
        refused('FORBIDDEN_ROLE', event('WITHDRAW', () => ({ withdrawnOn: '2026-03-10', reason: '撤回' })), 'WITHDRAW refused'),
      ],
      reviewer: [
        { status: 400, code: 'VALIDATION_FAILED', body: event('ACCEPT_REVIEW', () => ({})), what: 'ACCEPT_REVIEW admitted (400 on an empty payload)' },
        refused('FORBIDDEN_ROLE', event('START_DRAFTING', (c) => c.startDrafting), 'START_DRAFTING refused'),
      ],
      auditor: [refused('FORBIDDEN_ROLE', event('START_DRAFTING', (c) => c.startDrafting), 'START_DRAFTING refused')],
    },
    resource: { scope: 'decision', missing: () => [`/decisions/${NO_SUCH}/events`, '/decisions/not-a-uuid/events'], hiddenFrom: ['healthDepartment'] },
  },
  'GET /decisions/:id/history': {
    path: (c) => `/decisions/${c.decisionId}/history`,
    roles: procedureReaders,
    resource: { scope: 'decision', missing: () => [`/decisions/${NO_SUCH}/history`], hiddenFrom: ['healthDepartment'] },
  },
  'GET /decisions/:id/history/:seq': {
    path: (c) => `/decisions/${c.decisionId}/history/1`,
    roles: procedureReaders,
    resource: { scope: 'decision', missing: (c) => [`/decisions/${NO_SUCH}/history/1`, `/decisions/${c.decisionId}/history/999`, `/decisions/${c.decisionId}/history/x`], hiddenFrom: ['healthDepartment'] },
  },
  'GET /decisions/:id/violations': {
    path: (c) => `/decisions/${c.decisionId}/violations`,
    roles: procedureReaders,
    resource: { scope: 'decision', missing: () => [`/decisions/${NO_SUCH}/violations`], hiddenFrom: ['healthDepartment'] },
  },
  'GET /decisions/:id/archive': {
    path: (c) => `/decisions/${c.decisionId}/archive?format=zip`,
    roles: procedureReaders,
    resource: { scope: 'decision', missing: () => [`/decisions/${NO_SUCH}/archive`, '/decisions/not-a-uuid/archive'], hiddenFrom: ['healthDepartment'] },
  },
  'GET /public/decisions': { public: true, path: () => '/public/decisions?year=2026', publicAnswer: { status: 200 } },
  'GET /public/decisions/:id': {
    public: true,
    path: (c) => `/public/decisions/${c.publishedId}`,
    publicAnswer: { status: 200 },
    // A decision that exists but is not published is as missing as one that does not exist.
    resource: { scope: 'public-decision', missing: (c) => [`/public/decisions/${NO_SUCH}`, `/public/decisions/${c.decisionId}`] },
  },

  'GET /audit/decisions/:id/verify': { path: (c) => `/audit/decisions/${c.decisionId}/verify`, roles: auditDesk },
  'GET /audit/verify': { path: () => '/audit/verify', roles: auditDesk },
  'GET /audit/report': { path: () => '/audit/report?year=2026', roles: auditDesk },
  'GET /audit/incomplete': { path: () => '/audit/incomplete?year=2026&kind=all', roles: auditDesk },
  'GET /audit/violations': { path: () => '/audit/violations?from=2026-01-01&to=2026-12-31&category=skip', roles: auditDesk },
  'GET /audit/provisional': { path: () => '/audit/provisional?year=2027&status=broken', roles: auditDesk },
  'GET /audit/admin-log': {
    path: () => '/audit/admin-log?from=2026-01-01&to=2026-12-31&action=USER_CREATED',
    roles: { admin: [refused()], office: [refused()], department: [refused()], reviewer: [refused()], auditor: [ok()] },
  },
  'GET /public/checkpoints': { public: true, path: () => '/public/checkpoints', publicAnswer: { status: 200 } },
  'GET /public/checkpoints/keys': { public: true, path: () => '/public/checkpoints/keys', publicAnswer: { status: 200 } },
  'POST /audit/checkpoints': {
    path: () => '/audit/checkpoints',
    roles: { admin: [refused()], office: [refused()], department: [refused()], reviewer: [refused()], auditor: [ok(201)] },
  },
  'POST /audit/checkpoints/verify': {
    path: () => '/audit/checkpoints/verify',
    roles: { admin: [refused()], office: [refused()], department: [refused()], reviewer: [refused()], auditor: [admitted()] },
  },
  'GET /audit/checkpoints/consistency': {
    // Without from and to: 400, which comes after 401 and 403.
    path: () => '/audit/checkpoints/consistency',
    roles: { admin: [refused()], office: [refused()], department: [refused()], reviewer: [refused()], auditor: [admitted()] },
  },
  'GET /audit/decisions/:id/proof': {
    // checkpoint=0 is a 400 for the roles admitted, whether a checkpoint was made yet or not.
    path: (c) => `/audit/decisions/${c.decisionId}/proof?checkpoint=0`,
    roles: { ...auditDesk, office: [admitted()], auditor: [admitted()] },
  },

  'GET /reviews': {
    path: () => '/reviews',
    roles: { admin: [refused()], office: [refused()], department: [refused()], reviewer: [ok()], auditor: [ok()] },
  },
};

const PUBLICATION = { partyCommitteeApprovedOn: '2026-03-01', partyCommitteeRef: '区委常委会会议纪要〔2026〕9号', publishedOn: '2026-03-02' };
const WITHDRAWAL = { reason: '情况变化，不再列入目录' };

const TOKEN_ROLE: Record<RoleKey, TokenKey> = { admin: 'admin', office: 'office', department: 'department', reviewer: 'reviewer', auditor: 'auditor' };
const NEIGHBOURS: TokenKey[] = ['otherOffice', 'otherDepartment', 'otherReviewer'];
const PROCEDURE_ROLES: RoleKey[] = ['office', 'department', 'reviewer', 'auditor'];

/** HS256 JWT over `claims`, signed with `secret`, as the app's JwtService would. */
function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signingInput = `${part(header)}.${part(claims)}`;
  return `${signingInput}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(signingInput).digest('base64url')}`;
}

describe('S1: the route table', () => {
  let t: TestApp;
  let c: Ctx;
  /** Claims of the office user, as a login would put them in its token. */
  let officeClaims: Record<string, unknown>;

  const send = (key: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const verb = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const req = t.http[verb](path).set(headers);
    return body === undefined ? req : req.send(body as object);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const d = await createDistrict(t);
    const f = decisionFixture(t, d);
    // The fixture's decision first: it creates the 2026 catalog row, which publishedCatalogWith then takes as it is.
    const publishedId = await f.decision({ title: '公交线网优化方案', through: TO_PUBLISHED });
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]);
    const foreignId = await f.decision({ organ: d.units.otherGov, undertaking: d.units.otherNdrc });
    const spare = await t.http
      .post('/users')
      .set(t.bearer(d.tokens.admin))
      .send({ username: 'spare', password: USER_PASSWORD, displayName: '备用账号', orgUnitId: d.units.gov.id, roles: ['office'] });
    expect(spare.status).toBe(201);
    const draft = await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: d.units.gov.id, year: 2027 });
    expect(draft.status).toBe(201);
    c = {
      d,
      catalogId: catalog.id,
      draftCatalogId: (draft.body as { id: string }).id,
      decisionId: decisionIds[0],
      publishedId,
      foreignId,
      startDrafting: await f.payload(decisionIds[0], 'START_DRAFTING'),
      spareUserId: (spare.body as { id: string }).id,
    };
    const now = Math.floor(Date.now() / 1000);
    officeClaims = { sub: d.userIds.office, username: 'zfb', roles: ['office'], orgUnitId: d.units.gov.id, iat: now, iss: TOKEN_ISSUER };
  });
  afterAll(() => t.close());

  it('has one entry per route of the router, and no entry without its route', () => {
    const instance = t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    const routes = new Set<string>();
    for (const layer of instance.router.stack) {
      if (!layer.route || /^\/docs/.test(layer.route.path)) continue;
      for (const [verb, on] of Object.entries(layer.route.methods)) if (on) routes.add(`${verb === '_all' ? 'ALL' : verb.toUpperCase()} ${layer.route.path}`);
    }
    expect(routes.size).toBeGreaterThan(20);
    expect([...routes].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('signs tokens the app accepts when they are valid, so that the bad ones below are refused for what is wrong with them', async () => {
    const valid = signJwt({ ...officeClaims, exp: Math.floor(Date.now() / 1000) + 600 }, t.config.auth.jwtSecret);
    const res = await t.http.get('/auth/me').set(t.bearer(valid)).expect(200);
    expect(res.body).toMatchObject({ id: c.d.userIds.office, username: 'zfb' });
  });

  const guarded = Object.keys(ROUTES).filter((k) => !ROUTES[k].public);
  const badCredentials: Array<[string, string]> = [
    ['no Authorization header', 'UNAUTHENTICATED'],
    ['a garbage bearer token', 'TOKEN_INVALID'],
    ['a token signed with another secret', 'TOKEN_INVALID'],
    ['an expired token signed with the app’s secret', 'TOKEN_EXPIRED'],
    ['a token of another issuer', 'TOKEN_INVALID'],
    ['an unsigned token (alg none)', 'TOKEN_INVALID'],
    ['a Basic Authorization header', 'TOKEN_INVALID'],
  ];
  const headersFor = (what: string): Record<string, string> => {
    const now = Math.floor(Date.now() / 1000);
    const secret = t.config.auth.jwtSecret;
    switch (what) {
      case 'no Authorization header':
        return {};
      case 'a garbage bearer token':
        return { Authorization: 'Bearer not.a-token' };
      case 'a token signed with another secret':
        return t.bearer(signJwt({ ...officeClaims, exp: now + 600 }, `${secret}-forged`));
      case 'an expired token signed with the app’s secret':
        return t.bearer(signJwt({ ...officeClaims, iat: now - 7200, exp: now - 60 }, secret));
      case 'a token of another issuer':
        return t.bearer(signJwt({ ...officeClaims, iss: 'someone-else', exp: now + 600 }, secret));
      case 'an unsigned token (alg none)': {
        const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return t.bearer(`${part({ alg: 'none', typ: 'JWT' })}.${part({ ...officeClaims, exp: now + 600 })}.`);
      }
      default:
        return { Authorization: `Basic ${Buffer.from(`${TEST_ADMIN.username}:${TEST_ADMIN.password}`).toString('base64')}` };
    }
  };

  describe('401: every non-public route', () => {
    const cases = guarded.flatMap((key) => badCredentials.map(([what, code]) => [key, what, code] as const));
    it.each(cases)('%s with %s → 401 %s', async (key, what, code) => {
      const res = await t.unchanged(() => send(key, ROUTES[key].path(c), headersFor(what)));
      expectProblem(res, 401, code);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('public routes answer without a token, and ignore a bad one', () => {
    const publicKeys = Object.keys(ROUTES).filter((k) => ROUTES[k].public);
    it.each(publicKeys.flatMap((key) => [[key, 'no token'] as const, [key, 'a forged token'] as const]))('%s with %s', async (key, how) => {
      const spec = ROUTES[key];
      const headers = how === 'no token' ? {} : headersFor('a token signed with another secret');
      const res = await send(key, spec.path(c), headers, spec.publicAnswer?.body?.(c));
      expect({ status: res.status, body: res.status >= 400 ? res.text : 'ok' }).toEqual({ status: spec.publicAnswer?.status, body: 'ok' });
    });
  });

  describe('roles: 403 for a role the route refuses, on a resource the caller sees; the admitted ones pass', () => {
    const cases = guarded.flatMap((key) =>
      ROLE_KEYS.flatMap((role) => (ROUTES[key].roles?.[role] ?? []).map((probe, i) => [key, role, probe.what ?? '', probe.status, i] as const)),
    );
    it('covers every role of every non-public route', () => {
      for (const key of guarded) for (const role of ROLE_KEYS) expect([key, role, ROUTES[key].roles?.[role]?.length ?? 0]).not.toEqual([key, role, 0]);
    });
    it.each(cases)('%s as %s: %s → %s', async (key, role, _what, status, i) => {
      const probe = (ROUTES[key].roles as Record<RoleKey, Probe[]>)[role][i];
      const request = () => send(key, ROUTES[key].path(c), t.bearer(c.d.tokens[TOKEN_ROLE[role]]), probe.body?.(c));
      const res = status >= 400 ? await t.unchanged(request) : await request();
      if (status >= 400) expectProblem(res, status, probe.code as string);
      else expect({ status: res.status, text: res.status === status ? '' : res.text }).toEqual({ status, text: '' });
    });
  });

  describe('403 ROLE_CONFLICT: an account holding roles that may not be held together (三员分立) is refused on every route', () => {
    /** An office user that an earlier release let hold `auditor` too, signed in before that was refused. */
    let conflicted: string;
    beforeAll(async () => {
      const res = await t.http
        .post('/users')
        .set(t.bearer(c.d.tokens.admin))
        .send({ username: 'jianren', password: USER_PASSWORD, displayName: '兼任账号', orgUnitId: c.d.units.gov.id, roles: ['office'] });
      expect(res.status).toBe(201);
      conflicted = await t.login('jianren', USER_PASSWORD);
      await t.tx.write((tx) => tx.execute('UPDATE app_user SET roles = ? WHERE username = ?', [JSON.stringify(['office', 'auditor']), 'jianren']));
    });

    it.each(guarded)('%s → 403 ROLE_CONFLICT', async (key) => {
      const body = key.startsWith('POST /decisions') ? { type: 'START_DRAFTING', payload: c.startDrafting } : bodyOf(key, c);
      const res = await t.unchanged(() => send(key, ROUTES[key].path(c), t.bearer(conflicted), body));
      expectProblem(res, 403, 'ROLE_CONFLICT');
    });
  });

  describe('404: outside the caller’s unit, and ids that name nothing', () => {
    const scoped = Object.keys(ROUTES).filter((k) => ['catalog', 'catalog-item', 'decision'].includes(ROUTES[k].resource?.scope ?? ''));
    const outside = scoped.flatMap((key) => [...NEIGHBOURS, ...(ROUTES[key].resource?.hiddenFrom ?? [])].map((who) => [key, who] as const));
    it.each(outside)('%s as %s → 404', async (key, who) => {
      // A body its role could send, so that nothing but the scope stands in the way.
      const body = key.startsWith('POST /decisions') ? { type: 'START_DRAFTING', payload: c.startDrafting } : bodyOf(key, c);
      const res = await t.unchanged(() => send(key, ROUTES[key].path(c), t.bearer(c.d.tokens[who]), body));
      expectProblem(res, 404, 'NOT_FOUND');
    });

    const withId = Object.keys(ROUTES).filter((k) => ROUTES[k].resource);
    const missing = withId.flatMap((key) => {
      const who: Array<RoleKey | 'no token'> = ROUTES[key].public ? ['no token'] : PROCEDURE_ROLES;
      return who.map((w) => [key, w] as const);
    });
    it.each(missing)('%s, ids naming nothing, as %s → 404', async (key, who) => {
      const headers = who === 'no token' ? {} : t.bearer(c.d.tokens[TOKEN_ROLE[who]]);
      for (const path of ROUTES[key].resource!.missing(c)) {
        const res = await t.unchanged(() => send(key, path, headers, key.startsWith('POST /decisions') ? { type: 'START_DRAFTING', payload: c.startDrafting } : bodyOf(key, c)));
        expect([path, res.status]).toEqual([path, 404]);
        expectProblem(res, 404, 'NOT_FOUND');
      }
    });

    it.each(['otherOffice', 'otherDepartment', 'otherReviewer'] as const)('the definitions are the same for everyone: %s reads the diagram', async (who) => {
      await t.http.get(ROUTES['GET /workflows/:id/:version/diagram'].path(c)).set(t.bearer(c.d.tokens[who])).expect(200);
    });
  });

  describe('separation of duties: nobody reviews a draft of their own unit or one they submitted (403 SEPARATION_OF_DUTIES)', () => {
    const REVIEW_EVENTS = [
      ['ACCEPT_REVIEW', { acceptedOn: '2026-03-20' }],
      ['RETURN_MATERIALS', { returnedOn: '2026-03-20', reason: '材料不全' }],
    ] as const;
    /** 区司法局 undertakes a draft of its own; 区司法局's reviewer may not review it, a reviewer of another unit may. */
    let ownDraft: string;
    /** A draft of 区发改局 whose submission the record shows as sent by the 区司法局 reviewer. */
    let submittedByReviewer: string;
    let adviser: string;

    beforeAll(async () => {
      const f = decisionFixture(t, c.d);
      ownDraft = await f.decision({ year: 2025, undertaking: c.d.units.justice, through: [...TO_REVIEW] });
      submittedByReviewer = await f.decision({ year: 2025, through: TO_REVIEW.filter((e) => e !== 'SUBMIT_LEGALITY_REVIEW') });
      const s = await f.snapshot(submittedByReviewer);
      const asReviewer = { ...f.actor('reviewer', c.d.units.ndrc), role: 'department' };
      await f.engine.apply(submittedByReviewer, { type: 'SUBMIT_LEGALITY_REVIEW', payload: await f.payload(s.id, 'SUBMIT_LEGALITY_REVIEW') }, asReviewer);
      const res = await t.http
        .post('/users')
        .set(t.bearer(c.d.tokens.admin))
        .send({ username: 'flgw', password: USER_PASSWORD, displayName: '政府法律顾问', orgUnitId: c.d.units.gov.id, roles: ['legal_reviewer'] });
      expect(res.status).toBe(201);
      adviser = await t.login('flgw', USER_PASSWORD);
    });

    const events = (id: string) => `/decisions/${id}/events`;
    it.each(REVIEW_EVENTS)('%s by a reviewer of the undertaking unit itself', async (type, payload) => {
      const problem = await t.unchanged(async () => expectProblem(await t.http.post(events(ownDraft)).set(t.bearer(c.d.tokens.reviewer)).send({ type, payload }), 403, 'SEPARATION_OF_DUTIES'));
      expect(problem).toMatchObject({ event: type, conflict: 'undertaking_unit' });
    });

    it.each(REVIEW_EVENTS)('%s by the reviewer who sent the submission', async (type, payload) => {
      const problem = await t.unchanged(async () => expectProblem(await t.http.post(events(submittedByReviewer)).set(t.bearer(c.d.tokens.reviewer)).send({ type, payload }), 403, 'SEPARATION_OF_DUTIES'));
      expect(problem).toMatchObject({ event: type, conflict: 'submitter' });
    });

    it('allowedEvents offers the review to another reviewer of the same government, not to the conflicted one', async () => {
      for (const id of [ownDraft, submittedByReviewer]) {
        const own = await t.http.get(`/decisions/${id}`).set(t.bearer(c.d.tokens.reviewer)).expect(200);
        expect((own.body as { allowedEvents: string[] }).allowedEvents).toEqual([]);
        const other = await t.http.get(`/decisions/${id}`).set(t.bearer(adviser)).expect(200);
        expect((other.body as { allowedEvents: string[] }).allowedEvents).toEqual(expect.arrayContaining(['ACCEPT_REVIEW', 'RETURN_MATERIALS']));
      }
    });

    it('the other reviewer accepts the review', async () => {
      const res = await t.http.post(events(ownDraft)).set(t.bearer(adviser)).send({ type: 'ACCEPT_REVIEW', payload: { acceptedOn: '2026-03-20' } });
      expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ status: 200, text: '' });
    });
  });
});

/** A body the route's own role could send (valid), for requests that must be stopped before it matters. */
function bodyOf(key: string, c: Ctx): unknown {
  if (key === 'POST /catalogs/:id/items') return itemB(c.d);
  if (key === 'POST /catalogs/:id/publish') return PUBLICATION;
  if (key === 'DELETE /catalogs/:id/items/:decisionId') return WITHDRAWAL;
  return undefined;
}
