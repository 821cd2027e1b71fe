/**
 * Every 4xx speaks Chinese to the person at the desk, and says what to mend.
 *
 * The walk: every route of the running app's router (read from the router itself, so that a route
 * added later is walked too), with each kind of bad request it can get — no token, a bad token,
 * every role of the district (the wrong ones get 403, the right ones 400 on an empty, an unknown
 * or an unreadable body), ids that name nothing, a bad query, another method — must answer with a
 * `detail` that holds Chinese and no bare stage, step, event or role code, with `errors[].message`
 * in Chinese too, and never a 5xx. Then one test per message that now says what would pass.
 */
import type { Response } from 'supertest';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { itemA, itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, USER_PASSWORD, type District } from '../support/district';
import { unreadable } from '../support/problem-language';
import { createTestApp, expectProblem, type ProblemBody, type TestApp } from '../support/test-app';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
type Verb = 'get' | 'post' | 'patch' | 'put' | 'delete';

describe('every 4xx answer is Chinese and names no bare code', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  /** Ids the routes' parameters take, filled in beforeAll. */
  const ids = { catalog: '', cataloged: '', other: '', published: '', inReview: '', drafting: '', spareUser: '' };
  let routes: string[];

  beforeAll(async () => {
    // Stored refusals (422) are limited per user and minute: the walk makes many on purpose.
    t = await createTestApp({ env: { REFUSALS_PER_MINUTE: '100000' } });
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    ids.published = await f.decision({ title: '公交线网优化方案', through: TO_PUBLISHED });
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]);
    ids.catalog = catalog.id;
    [ids.cataloged, ids.other] = decisionIds;
    ids.inReview = await f.decision({ through: TO_REVIEW });
    ids.drafting = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    const spare = await t.http
      .post('/users')
      .set(t.bearer(d.tokens.admin))
      .send({ username: 'spare', password: USER_PASSWORD, displayName: '备用账号', orgUnitId: d.units.gov.id, roles: ['office'] });
    expect(spare.status).toBe(201);
    ids.spareUser = (spare.body as { id: string }).id;

    const instance = t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    const found = new Set<string>();
    for (const layer of instance.router.stack) {
      if (!layer.route || /^\/docs/.test(layer.route.path)) continue;
      for (const [verb, on] of Object.entries(layer.route.methods)) if (on && verb !== '_all') found.add(`${verb.toUpperCase()} ${layer.route.path}`);
    }
    routes = [...found].sort();
  });
  afterAll(() => t.close());

  /** The path with its parameters filled: a resource of the district the route is about, or `missing` for every id. */
  const pathOf = (route: string, missing?: string): string => {
    const path = route.split(' ')[1];
    return path.replace(/:(\w+)/g, (_whole, name: string) => {
      if (missing !== undefined && name !== 'version') return missing;
      if (name === 'seq') return '1';
      if (name === 'version') return '1';
      if (name === 'decisionId') return ids.cataloged;
      if (path.startsWith('/workflows/')) return 'major-decision';
      if (path.startsWith('/catalogs/') || path.startsWith('/public/catalogs/')) return ids.catalog;
      if (path.startsWith('/public/decisions/')) return ids.published;
      if (path.startsWith('/decisions/') || path.startsWith('/audit/decisions/')) return ids.cataloged;
      if (path.startsWith('/users/')) return ids.spareUser;
      if (path.startsWith('/org-units/')) return d.units.street.id;
      return NO_SUCH;
    });
  };

  const tokens = (): Array<[string, Record<string, string>]> => [
    ['no token', {}],
    ['a garbage token', { Authorization: 'Bearer not.a-token' }],
    ['a Basic header', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ...Object.entries(d.tokens).map(([who, token]) => [who, t.bearer(token)] as [string, Record<string, string>]),
  ];

  /** Sends one request; a body given as a string goes as raw JSON text. */
  const send = (verb: Verb, path: string, headers: Record<string, string>, body?: unknown): Promise<Response> => {
    const req = t.http[verb](path).set(headers);
    if (body === undefined) return req;
    if (typeof body === 'string') return req.set('Content-Type', 'application/json').send(body);
    return req.send(body as object);
  };

  /** What is wrong with an answer for a reader: a 5xx, a 4xx that is no problem+json, or its sentences. */
  const problemsOf = (what: string, res: Response): string[] => {
    if (res.status < 400) return [];
    if (res.status >= 500) return [`${what}: ${res.status} ${res.text.slice(0, 300)}`];
    if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) return [`${what}: ${res.status} is not problem+json`];
    return unreadable(res.body as ProblemBody).map((p) => `${what} → ${res.status} ${(res.body as ProblemBody).code}: ${p}`);
  };

  it('finds the routes of the application', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toEqual(expect.arrayContaining(['POST /decisions/:id/events', 'GET /public/catalogs/:id', 'POST /catalogs/:id/publish', 'PATCH /users/:id']));
  });

  it('walks every route without a token, with a bad token and as every role, with an empty, an unknown and an unreadable body', async () => {
    const wrong: string[] = [];
    let answered4xx = 0;
    for (const route of routes) {
      const verb = route.split(' ')[0].toLowerCase() as Verb;
      const path = pathOf(route);
      const bodies: unknown[] = verb === 'get' ? [undefined] : [undefined, {}, { zzz: 1 }, '{"title": 城区', '[1, 2]'];
      for (const [who, headers] of tokens()) {
        for (const body of bodies) {
          const res = await send(verb, path, headers, body);
          if (res.status >= 400 && res.status < 500) answered4xx++;
          wrong.push(...problemsOf(`${route} as ${who} with ${JSON.stringify(body)}`, res));
        }
      }
    }
    expect(answered4xx).toBeGreaterThan(routes.length * 5);
    expect(wrong.slice(0, 30)).toEqual([]);
  });

  it('walks every route with ids that name nothing, a bad query, and a method the path does not have', async () => {
    const wrong: string[] = [];
    const who: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['office', t.bearer(d.tokens.office)],
      ['auditor', t.bearer(d.tokens.auditor)],
      ['admin', t.bearer(d.tokens.admin)],
      ['otherDepartment', t.bearer(d.tokens.otherDepartment)],
    ];
    const paths = new Set(routes.map((r) => r.split(' ')[1]));
    for (const route of routes) {
      const verb = route.split(' ')[0].toLowerCase() as Verb;
      const body = verb === 'get' ? undefined : {};
      for (const [name, headers] of who) {
        if (route.includes(':')) {
          for (const missing of [NO_SUCH, 'not-a-uuid']) wrong.push(...problemsOf(`${route} (${missing}) as ${name}`, await send(verb, pathOf(route, missing), headers, body)));
        }
        if (verb === 'get') {
          const query = `${pathOf(route)}?page=0&pageSize=abc&year=soon&stage=nowhere&organId=x&zzz=1`;
          wrong.push(...problemsOf(`${route} with a bad query as ${name}`, await send(verb, query, headers)));
        }
      }
    }
    for (const path of paths) {
      const verbs = routes.filter((r) => r.endsWith(` ${path}`)).map((r) => r.split(' ')[0]);
      const other = (['PUT', 'PATCH', 'DELETE', 'POST'] as const).find((v) => !verbs.includes(v));
      if (!other) continue;
      const concrete = pathOf(`X ${path}`);
      const res = await send(other.toLowerCase() as Verb, concrete, t.bearer(d.tokens.office), {});
      wrong.push(...problemsOf(`${other} ${path}`, res));
      if (res.status !== 405) wrong.push(`${other} ${path}: expected 405, got ${res.status}`);
    }
    wrong.push(...problemsOf('GET /no/such/route', await t.http.get('/no/such/route')));
    wrong.push(...problemsOf('a path that is no URI', await t.http.get('/decisions/%E0%A4%A')));
    expect(wrong.slice(0, 30)).toEqual([]);
  });

  it('walks the events door as every role, with unknown, misspelt, engine-only and refused events', async () => {
    const wrong: string[] = [];
    const bodies = (id: string) => [
      { type: 'CONCLUDE_REVEIW', payload: {} },
      { type: 'conclude_review', payload: {} },
      { type: 'CATALOG_PUBLISHED', payload: {} },
      { payload: {} },
      { type: 42 },
      { type: 'START_DRAFTING', payload: {} },
      { type: 'START_DRAFTING', payload: { startedOn: '2026-13-01', zzz: 1 } },
      { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-03-10' } },
      { type: 'ACCEPT_REVIEW', payload: { acceptedOn: '2099-01-01' } },
      { type: 'CONCLUDE_REVIEW', payload: { concludedOn: '2026-03-20', conclusion: 'fine', opinionText: '合法' } },
      { type: 'RECORD_DISCUSSION', payload: { meetingType: 'executive', meetingOn: '2026-03-20', meetingRef: '纪要', attendees: ['区长'], memberOpinions: [{ member: '副区长', position: 'agree' }], headDecision: 'approve', implementingUnitId: d.units.ndrc.id } },
      { type: 'ARCHIVE', payload: { archivedOn: '2026-03-20', archiveRef: '档案', materials: [{ step: 'nowhere', ref: '卷' }] } },
      { type: 'WITHDRAW', payload: { withdrawnOn: '2026-03-20', reason: '撤回' }, expectedVersion: 999 },
      { type: 'RESUME', payload: { on: '2026-03-20', reason: '恢复' }, expectedVersion: 0 },
      `{"type": "START_DRAFTING", ${id}`,
    ];
    for (const id of [ids.cataloged, ids.drafting, ids.inReview, ids.published]) {
      for (const [who, headers] of tokens()) {
        for (const body of bodies(id)) {
          wrong.push(...problemsOf(`events of ${id} as ${who} with ${JSON.stringify(body)}`, await send('post', `/decisions/${id}/events`, headers, body)));
        }
      }
    }
    expect(wrong.slice(0, 30)).toEqual([]);
  });

  describe('what the framework answers', () => {
    it('401: no token, a bad token', async () => {
      const none = expectProblem(await t.http.get('/decisions'), 401, 'UNAUTHENTICATED');
      expect(none.detail).toContain('请先登录');
      expect(expectProblem(await t.http.get('/decisions').set({ Authorization: 'Bearer x.y.z' }), 401, 'TOKEN_INVALID').detail).toContain('请重新登录');
    });

    it('403: the role that may do it, by its word', async () => {
      const body = expectProblem(await t.http.get('/users').set(t.bearer(d.tokens.office)), 403, 'FORBIDDEN_ROLE');
      expect(body.detail).toBe('这项操作只能由「系统管理员」（admin）办理，您的账号没有这个角色。');
      expect(body.requiredRoles).toEqual(['admin']);
    });

    it('404 for a path the service does not have, 405 for a method a path does not have', async () => {
      expect(expectProblem(await t.http.get('/decision'), 404, 'NOT_FOUND').detail).toBe('没有这个接口：GET /decision。请核对地址，接口说明见 /docs。');
      const res = await t.http.put(`/decisions/${ids.cataloged}`).set(t.bearer(d.tokens.office)).send({});
      expect(expectProblem(res, 405, 'METHOD_NOT_ALLOWED').detail).toContain('不支持 PUT 请求，可用的请求方法：GET、HEAD');
      expect(res.headers.allow).toBe('GET, HEAD');
    });

    it('400 for JSON that does not parse, 413 for a body over the limit, 415 for a charset that cannot be read', async () => {
      const office = t.bearer(d.tokens.office);
      const malformed = await t.http.post('/catalogs').set(office).set('Content-Type', 'application/json').send('{"organId": ');
      expect(expectProblem(malformed, 400, 'MALFORMED_JSON').detail).toContain('请求体不是有效的 JSON');
      const huge = await t.http.post('/catalogs').set(office).send({ note: 'x'.repeat(1_100_000) });
      expect(expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE').detail).toBe('请求体超过了允许的大小（1024 KB）：请精简内容，或者分多次提交。');
      const latin = await t.http.post('/catalogs').set(office).set('Content-Type', 'application/json; charset=latin9').send('{}');
      expect(expectProblem(latin, 415, 'UNSUPPORTED_MEDIA_TYPE').detail).toBe('无法读取请求体的字符集「latin9」：请以 UTF-8 编码、不压缩的 JSON 提交（Content-Type: application/json）。');
    });

    it('400 for the fields of a body: each field with what it must hold, in Chinese', async () => {
      const body = expectProblem(await t.http.post('/catalogs').set(t.bearer(d.tokens.office)).send({ organId: 'x', year: 1999, zzz: 1 }), 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { field: 'zzz', message: '不允许的字段，请删除' },
          { field: 'organId', message: expect.stringMatching(/^须为 UUID 格式的编号/) as unknown },
          { field: 'year', message: '不得小于 2000' },
        ]),
      );
      expect(body.detail).toMatch(/^提交的内容有 3 处需要修改：/);
    });

    it('400 for a stage filter that is no stage lists the stages by their words', async () => {
      const body = expectProblem(await t.http.get('/decisions?stage=review').set(t.bearer(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]).toEqual({ field: 'stage', message: expect.stringContaining('「合法性审查中」（legality_review）') as unknown });
    });
  });

  describe('the events door', () => {
    const post = (id: string, token: string, body: unknown) => t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send(body as object);

    it('an unknown event type: the closest name and the events of the current stage, code and word', async () => {
      const body = await t.unchanged(async () => expectProblem(await post(ids.inReview, d.tokens.reviewer, { type: 'CONCLUDE_REVEIW', payload: {} }), 400, 'VALIDATION_FAILED'));
      expect(body.detail).toBe(
        '未知的事件类型「CONCLUDE_REVEIW」。您是否要找「CONCLUDE_REVIEW」（作出合法性审查结论）？当前阶段可办理：「退回送审材料」（RETURN_MATERIALS）、「受理合法性审查」（ACCEPT_REVIEW）、「撤回决策事项」（WITHDRAW）',
      );
      expect(body.suggestion).toEqual({ type: 'CONCLUDE_REVIEW', label: '作出合法性审查结论' });
      expect(body.stageEvents).toEqual([
        { type: 'RETURN_MATERIALS', label: '退回送审材料' },
        { type: 'ACCEPT_REVIEW', label: '受理合法性审查' },
        { type: 'WITHDRAW', label: '撤回决策事项' },
      ]);
      expect(body.errors).toEqual([{ field: 'type', message: '未知的事件类型；您是否要找「CONCLUDE_REVIEW」（作出合法性审查结论）？' }]);
    });

    it('a type far from every event gets no guess, an engine-only one says how it comes about', async () => {
      const far = expectProblem(await post(ids.drafting, d.tokens.department, { type: 'MAKE_COFFEE', payload: {} }), 400, 'VALIDATION_FAILED');
      expect(far.detail).toMatch(/^未知的事件类型「MAKE_COFFEE」。当前阶段可办理：「变更程序要求」（AMEND_REQUIREMENTS）、「登记决策草案」（RECORD_DRAFT）、/);
      expect(far.suggestion).toBeUndefined();
      const system = expectProblem(await post(ids.drafting, d.tokens.office, { type: 'CATALOG_PUBLISHED', payload: {} }), 400, 'VALIDATION_FAILED');
      expect(system.detail).toContain('「公布年度决策事项目录」（CATALOG_PUBLISHED）由系统在公布年度决策事项目录时自动记录');
    });

    it('403: the event and the role that sends it, by their words', async () => {
      const body = expectProblem(await post(ids.drafting, d.tokens.office, { type: 'RECORD_DRAFT', payload: {} }), 403, 'FORBIDDEN_ROLE');
      expect(body.detail).toBe('「登记决策草案」（RECORD_DRAFT）由「决策承办单位」（department）办理，您的账号没有这个角色');
    });

    it('409: the version the caller saw is stale, in words, with the current version', async () => {
      const body = expectProblem(await post(ids.drafting, d.tokens.department, { type: 'RECORD_DRAFT', payload: await f.payload(ids.drafting, 'RECORD_DRAFT'), expectedVersion: 1 }), 409, 'VERSION_CONFLICT');
      expect(body.detail).toMatch(/^办理依据的版本（expectedVersion）已经过时：决策事项已被更新，当前为第 3 版/);
      expect(body.currentVersion).toBe(3);
      expect(body.errors).toEqual([{ field: 'expectedVersion', message: '已过时：当前为第 3 版，请刷新、核对后以当前版本重新办理' }]);
    });

    it('422 CONCLUDE_REVIEW before ACCEPT_REVIEW says to accept first', async () => {
      const payload = { concludedOn: '2026-03-20', conclusion: 'lawful', opinionText: '合法' };
      const body = expectProblem(await post(ids.inReview, d.tokens.reviewer, { type: 'CONCLUDE_REVIEW', payload }), 422, 'EVENT_NOT_ALLOWED_IN_STAGE');
      expect(body.detail).toContain('决策事项处于「合法性审查中」阶段，不能办理「作出合法性审查结论」（CONCLUDE_REVIEW）：送审材料尚未受理，请先办理「受理合法性审查」（ACCEPT_REVIEW）');
      expect(body.requiredFirst).toEqual([{ type: 'ACCEPT_REVIEW', label: '受理合法性审查' }]);
      expect(body.stage).toBe('legality_review');
    });

    it('422 a skipped step: the missing steps by their words; legalBasis and missing as before', async () => {
      const payload = { meetingType: 'executive', meetingOn: '2026-03-20', meetingRef: '纪要', attendees: ['区长'], memberOpinions: [{ member: '副区长', position: 'agree' }], headDecision: 'approve', implementingUnitId: d.units.ndrc.id };
      const body = expectProblem(await post(ids.drafting, d.tokens.office, { type: 'RECORD_DISCUSSION', payload }), 422, 'LEGALITY_REVIEW_REQUIRED');
      expect(body.detail).toContain('尚未完成的必经环节：「拟订决策草案」、「公众参与」、「听证会」、「专家论证」、「风险评估」、「合法性审查」');
      expect((body.missing as Array<{ step: string }>).map((m) => m.step)).toEqual(['draft', 'publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'legalityReview']);
      expect((body.legalBasis as Array<{ id: string }>).map((l) => l.id)).toEqual(['SC713-25']);
    });

    it('422 COMMENT_PERIOD_TOO_SHORT: the days, the earliest end date and the reason field, in errors too', async () => {
      const body = expectProblem(
        await post(ids.drafting, d.tokens.department, { type: 'OPEN_PUBLIC_COMMENT', payload: { startOn: '2026-03-02', endOn: '2026-03-22', channels: ['区政府网站'] } }),
        422,
        'COMMENT_PERIOD_TOO_SHORT',
      );
      expect(body.errors).toEqual([
        { field: 'payload.endOn', message: '不得早于 2026-04-01（startOn 之后第30日）' },
        { field: 'payload.shortenedReason', message: '因情况紧急等原因缩短期限的，须填写理由' },
      ]);
      expect(body.timeLimit).toEqual({ field: 'payload.endOn', days: 30, unit: 'calendar_days', from: '2026-03-02', given: 20, earliestOn: '2026-04-01', reasonField: 'payload.shortenedReason' });
      expect(body.detail).toContain('endOn 最早为 2026-04-01');
    });

    it('422 EXPERT_CONFLICT_OF_INTEREST names the expert', async () => {
      const payload = {
        ...(await f.payload(ids.drafting, 'RECORD_EXPERT_ARGUMENTATION')),
        experts: [{ name: '赵工程师', affiliation: '城投供热公司', directInterest: true }],
      };
      const body = expectProblem(await post(ids.drafting, d.tokens.department, { type: 'RECORD_EXPERT_ARGUMENTATION', payload }), 422, 'EXPERT_CONFLICT_OF_INTEREST');
      expect(body.detail).toContain('「赵工程师」（城投供热公司）与决策事项有直接利害关系');
      expect(body.errors).toEqual([{ field: 'payload.experts[0].directInterest', message: '「赵工程师」（城投供热公司）与决策事项有直接利害关系，不得参与论证' }]);
    });

    it('422 FAIR_COMPETITION_REVIEW_REQUIRED names the field', async () => {
      const market = await f.decision({ affectsMarket: true, through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      const { fairCompetitionReview: _omitted, ...payload } = await f.payload(market, 'RECORD_DRAFT');
      const body = expectProblem(await post(market, d.tokens.department, { type: 'RECORD_DRAFT', payload }), 422, 'FAIR_COMPETITION_REVIEW_REQUIRED');
      expect(body.errors).toEqual([{ field: 'payload.fairCompetitionReview', message: expect.stringContaining('公平竞争审查') as unknown }]);
    });

    it('422 CALENDAR_YEAR_UNKNOWN in Chinese, naming the year and what to do', async () => {
      const ready = await f.decision({ through: TO_REVIEW.filter((e) => e !== 'SUBMIT_LEGALITY_REVIEW') });
      const payload = { ...(await f.payload(ready, 'SUBMIT_LEGALITY_REVIEW')), requestedDueOn: '2099-03-01' };
      const body = await t.unchanged(async () => expectProblem(await post(ready, d.tokens.department, { type: 'SUBMIT_LEGALITY_REVIEW', payload }), 422, 'CALENDAR_YEAR_UNKNOWN'));
      // The first year on the way the calendar has no schedule for.
      const year = Number(/^(\d{4}) 年的官方节假日安排尚未录入（已有 2004–\d{4} 年），无法按工作日计算期限/.exec(body.detail)?.[1]);
      expect(year).toBeGreaterThan(2026);
      expect(body.detail).toContain(`config/calendar/${year}.json`);
      expect(body.year).toBe(year);
    });
  });

  describe('views: a word beside each code a person reads (codes kept)', () => {
    /** A refused skip on the decision in drafting, for the refused attempts and the incomplete list to show. */
    beforeAll(async () => {
      const payload = { meetingType: 'executive', meetingOn: '2026-03-20', meetingRef: '纪要', attendees: ['区长'], memberOpinions: [{ member: '副区长', position: 'agree' }], headDecision: 'approve', implementingUnitId: d.units.ndrc.id };
      expectProblem(await t.http.post(`/decisions/${ids.drafting}/events`).set(t.bearer(d.tokens.office)).send({ type: 'RECORD_DISCUSSION', payload }), 422, 'LEGALITY_REVIEW_REQUIRED');
    });

    it('a decision: category, stage, each step and status of progress, allowed events and flags', async () => {
      const body = (await t.http.get(`/decisions/${ids.inReview}`).set(t.bearer(d.tokens.reviewer)).expect(200)).body as {
        category: string;
        categoryLabel: string;
        stage: string;
        stageLabel: string;
        progress: Array<{ step: string; stepLabel: string; status: string; statusLabel: string }>;
        allowedEvents: string[];
        allowedEventLabels: string[];
        flags: string[];
        flagLabels: string[];
      };
      expect(body).toMatchObject({ category: 'public_policy', categoryLabel: '重大公共政策和措施', stage: 'legality_review', stageLabel: '合法性审查中' });
      expect(body.progress.find((p) => p.step === 'legalityReview')).toMatchObject({ stepLabel: '合法性审查', status: 'in_progress', statusLabel: '办理中' });
      expect(body.progress.find((p) => p.step === 'catalog')).toMatchObject({ stepLabel: '列入年度决策事项目录', status: 'done', statusLabel: '已完成' });
      expect(body.allowedEvents).toEqual(['RETURN_MATERIALS', 'ACCEPT_REVIEW']);
      expect(body.allowedEventLabels).toEqual(['退回送审材料', '受理合法性审查']);
      expect(body.flagLabels).toHaveLength(body.flags.length);
      const list = (await t.http.get('/decisions?stage=legality_review').set(t.bearer(d.tokens.auditor)).expect(200)).body as { items: Array<{ stage: string; stageLabel: string }> };
      expect(list.items.length).toBeGreaterThan(0);
      for (const item of list.items) expect(item).toMatchObject({ stage: 'legality_review', stageLabel: '合法性审查中' });
    });

    it('the record and the refused attempts: events, stages, codes, categories and missing steps', async () => {
      const history = (await t.http.get(`/decisions/${ids.drafting}/history`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
      expect(history.slice(0, 3).map((r) => [r.type, r.typeLabel, r.fromStageLabel, r.toStageLabel])).toEqual([
        ['ITEM_PROPOSED', '提出目录事项', null, '拟列入目录'],
        ['CATALOG_PUBLISHED', '公布年度决策事项目录', '拟列入目录', '已列入目录'],
        ['START_DRAFTING', '启动决策程序', '已列入目录', '决策草案形成中'],
      ]);
      const violations = (await t.http.get(`/decisions/${ids.drafting}/violations`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
      const skipped = violations.find((v) => v.code === 'LEGALITY_REVIEW_REQUIRED') as Record<string, unknown>;
      expect(skipped).toMatchObject({
        event: 'RECORD_DISCUSSION',
        eventLabel: '登记集体讨论决定',
        codeLabel: '未经合法性审查',
        category: 'skip',
        categoryLabel: '跳过法定环节',
        stage: 'drafting',
        stageLabel: '决策草案形成中',
      });
      expect((skipped.missing as Array<{ step: string; stepLabel: string }>)[0]).toMatchObject({ step: 'draft', stepLabel: '拟订决策草案' });
      const audit = (await t.http.get('/audit/violations?code=LEGALITY_REVIEW_REQUIRED').set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
      expect(audit[0]).toMatchObject({ eventLabel: '登记集体讨论决定', codeLabel: '未经合法性审查', categoryLabel: '跳过法定环节' });
    });

    it('the public catalog and the public decisions: category and required steps', async () => {
      const catalogs = (await t.http.get('/public/catalogs?year=2026').expect(200)).body as Array<{ items: Array<Record<string, unknown>> }>;
      const item = catalogs.flatMap((c) => c.items).find((i) => i.id === ids.cataloged) as Record<string, unknown>;
      expect(item).toMatchObject({ category: 'public_policy', categoryLabel: '重大公共政策和措施' });
      expect(item.requiredSteps).toEqual(['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport']);
      expect(item.requiredStepLabels).toEqual(['公众参与', '听证会', '专家论证', '风险评估', '向同级党委请示报告']);
      const published = (await t.http.get(`/public/decisions/${ids.published}`).expect(200)).body as Record<string, unknown>;
      expect(published).toMatchObject({ category: 'public_policy', categoryLabel: '重大公共政策和措施' });
    });

    it('the internal catalog, its items and an item outside the caller’s scope', async () => {
      const catalog = (await t.http.get(`/catalogs/${ids.catalog}`).set(t.bearer(d.tokens.office)).expect(200)).body as { status: string; statusLabel: string; items: Array<Record<string, unknown>> };
      expect(catalog).toMatchObject({ status: 'published', statusLabel: '已公布' });
      expect(catalog.items.find((i) => i.id === ids.cataloged)).toMatchObject({ categoryLabel: '重大公共政策和措施', stage: 'cataloged', stageLabel: '已列入目录' });
      const restricted = (await t.http.get(`/catalogs/${ids.catalog}`).set(t.bearer(d.tokens.healthDepartment)).expect(200)).body as { items: Array<Record<string, unknown>> };
      const other = restricted.items.find((i) => i.id === ids.cataloged) as Record<string, unknown>;
      expect(other).toMatchObject({ restricted: true, categoryLabel: '重大公共政策和措施' });
      expect(other.requiredStepLabels).toEqual(['公众参与', '听证会', '专家论证', '风险评估', '向同级党委请示报告']);
      expect(other.stageLabel).toBeUndefined();
    });

    it('the review desk, the incomplete list, the definitions, accounts and units', async () => {
      const rounds = (await t.http.get('/reviews?status=submitted').set(t.bearer(d.tokens.reviewer)).expect(200)).body as Array<Record<string, unknown>>;
      expect(rounds.find((r) => r.decisionId === ids.inReview)).toMatchObject({ status: 'submitted', statusLabel: '已送审，待受理' });
      const incomplete = (await t.http.get('/audit/incomplete?year=2026').set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<Record<string, unknown>>;
      const row = incomplete.find((r) => r.decisionId === ids.drafting) as { stageLabel: string; missing: Array<{ step: string; stepLabel: string }>; flags: string[]; flagLabels: string[] };
      expect(row.stageLabel).toBe('决策草案形成中');
      expect(row.missing[0]).toMatchObject({ step: 'draft', stepLabel: '拟订决策草案' });
      expect(row.flags).toContain('VIOLATION_ATTEMPTED');
      expect(row.flagLabels[row.flags.indexOf('VIOLATION_ATTEMPTED')]).toBe('有跳过法定环节的尝试被拒绝');
      const [workflow] = (await t.http.get('/workflows').set(t.bearer(d.tokens.office)).expect(200)).body as Array<{ labels: { stages: Record<string, string>; events: Record<string, string> } }>;
      expect(workflow.labels.stages.legality_review).toBe('合法性审查中');
      expect(workflow.labels.events.CONCLUDE_REVIEW).toBe('作出合法性审查结论');
      const me = (await t.http.get('/auth/me').set(t.bearer(d.tokens.department)).expect(200)).body as Record<string, unknown>;
      expect(me).toMatchObject({ roles: ['department'], roleLabels: ['决策承办单位'] });
      const units = (await t.http.get('/org-units').set(t.bearer(d.tokens.admin)).expect(200)).body as Array<Record<string, unknown>>;
      expect(units.find((u) => u.id === d.units.street.id)).toMatchObject({ kind: 'street', kindLabel: '街道办事处' });
    });

    it('the OpenAPI document describes each word it adds', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body as { components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> } };
      const has = (schema: string, ...fields: string[]) => {
        for (const field of fields) expect([schema, field, typeof doc.components.schemas[schema]?.properties?.[field]?.description]).toEqual([schema, field, 'string']);
      };
      has('DecisionListItemDto', 'categoryLabel', 'stageLabel', 'allowedEventLabels');
      has('DecisionDetailDto', 'allowedEventLabels', 'flagLabels');
      has('ProgressEntryDto', 'stepLabel', 'statusLabel');
      has('RecordEntryDto', 'typeLabel', 'fromStageLabel', 'toStageLabel');
      has('ViolationEntryDto', 'eventLabel', 'codeLabel', 'categoryLabel', 'stageLabel');
      has('PublicDecisionDto', 'categoryLabel');
      has('PublicCatalogItemDto', 'categoryLabel', 'requiredStepLabels');
      has('CatalogItemDto', 'categoryLabel', 'stageLabel');
      has('CatalogDto', 'statusLabel');
      has('ReviewRoundDto', 'statusLabel');
      has('IncompleteDecisionDto', 'stageLabel', 'flagLabels');
      has('ProblemDetailsDto', 'detail', 'errors', 'timeLimit', 'requiredFirst', 'conflictedExperts', 'stageEvents', 'suggestion', 'allow');
    });
  });

  describe('the catalog routes', () => {
    it('422 OUT_OF_SCOPE names the category and the categories that are in scope, by their words', async () => {
      const res = await t.http.post(`/catalogs/${ids.catalog}/items`).set(t.bearer(d.tokens.office)).send(itemB(d, { title: '突发事件应急预案', category: 'emergency_response' }));
      const body = expectProblem(res, 422, 'OUT_OF_SCOPE');
      expect(body.errors).toEqual([{ field: 'category', message: expect.stringContaining('「重大公共政策和措施」（public_policy）') as unknown }]);
    });

    it('422 NOTHING_TO_PUBLISH and a publication date after today name the stage by its word and the field', async () => {
      const office = t.bearer(d.tokens.office);
      const publication = { partyCommitteeApprovedOn: '2026-03-01', partyCommitteeRef: '纪要', publishedOn: '2026-03-02' };
      const nothing = expectProblem(await t.http.post(`/catalogs/${ids.catalog}/publish`).set(office).send(publication), 422, 'NOTHING_TO_PUBLISH');
      expect(nothing.detail).toContain('目录中没有「拟列入目录」的事项');
      await t.http.post(`/catalogs/${ids.catalog}/items`).set(office).send(itemB(d, { title: '新增事项' })).expect(201);
      const future = expectProblem(await t.http.post(`/catalogs/${ids.catalog}/publish`).set(office).send({ ...publication, publishedOn: '2099-01-01' }), 422, 'DATE_IN_FUTURE');
      expect(future.errors).toEqual([{ field: 'publishedOn', message: expect.stringMatching(/^不得晚于今天/) as unknown }]);
    });

    it('404 of a catalog names it in words', async () => {
      expect(expectProblem(await t.http.get(`/catalogs/${NO_SUCH}`).set(t.bearer(d.tokens.office)), 404, 'NOT_FOUND').detail).toBe(
        `没有找到年度决策事项目录「${NO_SUCH}」，或者它不在您的查看范围内：请核对编号`,
      );
    });
  });
});
