/**
 * Decisions and their procedure through HTTP (README, "The HTTP service"): the list
 * and its scope, the detail with what each caller may send, the one door for every step with
 * the order of checks (README, "The events door"), the record, refused attempts and the public decisions.
 */
import { recordHash } from '../../src/engine/record-hash';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface Summary {
  id: string;
  title: string;
  organId: string;
  undertakingUnitId: string;
  year: number;
  stage: string;
  version: number;
  progress: Array<{ step: string; status: string; legalBasis: string[] }>;
  [k: string]: unknown;
}
interface Detail extends Summary {
  allowedEvents: string[];
  state: unknown;
  requirements: Record<string, unknown>;
}
interface RecordEntry {
  seq: number;
  revision: number;
  type: string;
  payload: Record<string, unknown>;
  facts: Record<string, unknown>;
  actor: { userId: string; username: string; role: string; orgUnitId: string | null };
  actorName: string | null;
  actorUnitName: string | null;
  recordedAt: string;
  fromStage: string | null;
  toStage: string;
  prevHash: string;
  hash: string;
  payloadTruncated: boolean;
  payloadBytes?: number;
}

describe('decisions', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  let tok: District['tokens'];
  /** Decisions of 前进区 undertaken by 区发改局 unless said otherwise. */
  const ids = {} as Record<'proposed' | 'drafting' | 'submitted' | 'published' | 'notDisclosed' | 'health' | 'lastYear' | 'other' | 'implementedByHealth', string>;

  const get = (path: string, token: string) => t.http.get(path).set(t.bearer(token));
  const send = (id: string, token: string, body: unknown) => t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send(body as object);
  const detail = async (id: string, token: string) => (await get(`/decisions/${id}`, token).expect(200)).body as Detail;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    tok = d.tokens;
    ids.proposed = await f.decision({ title: '老旧小区改造三年规划' });
    ids.drafting = await f.decision({ title: '城区集中供热价格调整方案', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    ids.submitted = await f.decision({ through: TO_REVIEW });
    ids.published = await f.decision({ title: '公交线网优化方案', through: TO_PUBLISHED });
    ids.notDisclosed = await f.decision({
      title: '不予公开的决策',
      through: TO_PUBLISHED,
      patch: { PUBLISH: { disclosure: 'not_disclosed', nonDisclosureBasis: '涉及国家秘密', channels: undefined, adoptionExplanation: undefined } },
    });
    ids.health = await f.decision({ undertaking: d.units.health, through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    ids.lastYear = await f.decision({ year: 2025, through: ['CATALOG_PUBLISHED'] });
    ids.other = await f.decision({ organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: ['CATALOG_PUBLISHED'] });
    ids.implementedByHealth = await f.decision({ through: TO_PUBLISHED, patch: { RECORD_DISCUSSION: { implementingUnitId: d.units.health.id } } });
  });
  afterAll(() => t.close());

  describe('GET /decisions', () => {
    const list = async (token: string, query = '') => {
      const res = await get(`/decisions${query}`, token).expect(200);
      return res.body as { items: Summary[]; total: number };
    };
    const idsOf = (page: { items: Summary[] }) => page.items.map((i) => i.id).sort();

    it('answers { items, total }, newest first, each item with stage, version and progress but no record', async () => {
      const page = await list(tok.auditor);
      expect(page.total).toBe(Object.keys(ids).length);
      expect(page.items).toHaveLength(page.total);
      const drafting = page.items.find((i) => i.id === ids.drafting)!;
      expect(drafting).toMatchObject({
        title: '城区集中供热价格调整方案',
        organId: d.units.gov.id,
        undertakingUnitId: d.units.ndrc.id,
        year: 2026,
        stage: 'drafting',
        version: 3,
        definition: { id: 'major-decision', version: 1 },
      });
      expect(drafting.progress.find((p) => p.step === 'start')).toMatchObject({ status: 'done', legalBasis: ['SC713-10', 'SC713-11'] });
      expect(drafting).not.toHaveProperty('history');
      expect(drafting).not.toHaveProperty('snapshot');
      const created = page.items.map((i) => i.createdAt as string);
      expect(created).toEqual([...created].sort().reverse());
    });

    it('keeps to the caller’s scope: office its organ, department what it undertakes or implements, reviewer the organs under its government', async () => {
      const district = Object.entries(ids).filter(([k]) => k !== 'other').map(([, id]) => id).sort();
      expect(idsOf(await list(tok.office))).toEqual(district);
      expect(idsOf(await list(tok.reviewer))).toEqual(district);
      expect(idsOf(await list(tok.department))).toEqual(district.filter((id) => id !== ids.health).sort());
      expect(idsOf(await list(tok.healthDepartment))).toEqual([ids.health, ids.implementedByHealth].sort());
      expect(idsOf(await list(tok.otherOffice))).toEqual([ids.other]);
      expect(idsOf(await list(tok.otherReviewer))).toEqual([ids.other]);
    });

    it('filters by stage, organ, undertaking unit and year', async () => {
      expect(idsOf(await list(tok.auditor, '?stage=drafting'))).toEqual([ids.drafting, ids.health].sort());
      expect(idsOf(await list(tok.auditor, `?organId=${d.units.otherGov.id}`))).toEqual([ids.other]);
      expect(idsOf(await list(tok.auditor, `?undertakingUnitId=${d.units.health.id}`))).toEqual([ids.health]);
      expect(idsOf(await list(tok.auditor, '?year=2025'))).toEqual([ids.lastYear]);
      expect(idsOf(await list(tok.auditor, '?stage=cataloged&year=2026'))).toEqual([ids.other]);
      expect(await list(tok.office, `?organId=${d.units.otherGov.id}`)).toEqual({ items: [], total: 0 });
    });

    it('pages: the total stays, the items are the page', async () => {
      const all = await list(tok.auditor);
      const second = await list(tok.auditor, '?page=2&pageSize=3');
      expect(second.total).toBe(all.total);
      expect(second.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
      expect((await list(tok.auditor, '?page=99&pageSize=500')).items).toEqual([]);
    });

    it.each([
      ['?stage=drafted', 'stage'],
      ['?organId=not-a-uuid', 'organId'],
      ['?undertakingUnitId=123', 'undertakingUnitId'],
      ['?year=twenty', 'year'],
      ['?year=2026.5', 'year'],
      ['?pageSize=501', 'pageSize'],
      ['?page=0', 'page'],
      ['?colour=red', 'colour'],
    ])('%s → 400 naming %s', async (query, field) => {
      expect(fieldsOf(expectProblem(await get(`/decisions${query}`, tok.auditor), 400, 'VALIDATION_FAILED'))).toContain(field);
    });

    it('is not for the administrator (403) nor for anyone without a token (401)', async () => {
      expectProblem(await get('/decisions', tok.admin), 403, 'FORBIDDEN_ROLE');
      expectProblem(await t.http.get('/decisions'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /decisions/:id', () => {
    it('shows the decision with its procedure, requirements and progress', async () => {
      const body = await detail(ids.drafting, tok.office);
      expect(body).toMatchObject({
        id: ids.drafting,
        title: '城区集中供热价格调整方案',
        organId: d.units.gov.id,
        undertakingUnitId: d.units.ndrc.id,
        year: 2026,
        definition: { id: 'major-decision', version: 1 },
        stage: 'drafting',
        state: 'drafting',
        version: 3,
        revision: 1,
        complete: false,
        requirements: { hearing: { required: true } },
        flags: [],
      });
      expect(body.progress.map((p) => p.step)).toEqual([
        'catalog', 'start', 'draft', 'publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment',
        'legalityReview', 'revisions', 'collectiveDiscussion', 'partyCommitteeReport', 'publication', 'archive',
      ]);
      expect(body.progress.slice(0, 3).map((p) => p.status)).toEqual(['done', 'done', 'pending']);
      expect(typeof body.createdAt).toBe('string');
      expect(typeof body.updatedAt).toBe('string');
    });

    it('lists what each caller may send now: procedure and role both allow it', async () => {
      const allowed = async (id: string, token: string) => [...(await detail(id, token)).allowedEvents].sort();
      // drafting: the department's pre-review steps (no closing before a comment period, no submission yet)
      expect(await allowed(ids.drafting, tok.department)).toEqual([
        'OPEN_PUBLIC_COMMENT', 'RECORD_DRAFT', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_HEARING', 'RECORD_PUBLIC_PARTICIPATION', 'RECORD_RISK_ASSESSMENT',
      ]);
      expect(await allowed(ids.drafting, tok.office)).toEqual(['AMEND_REQUIREMENTS', 'WITHDRAW']);
      expect(await allowed(ids.drafting, tok.reviewer)).toEqual([]);
      expect(await allowed(ids.drafting, tok.auditor)).toEqual([]);
      // submitted for review: the reviewer's turn
      expect(await allowed(ids.submitted, tok.reviewer)).toEqual(['ACCEPT_REVIEW', 'RETURN_MATERIALS']);
      expect(await allowed(ids.submitted, tok.office)).toEqual(['WITHDRAW']);
      expect(await allowed(ids.submitted, tok.department)).toEqual([]);
      // proposed: the catalog's publication is the engine's, drafting cannot start yet
      expect(await allowed(ids.proposed, tok.office)).toEqual(['AMEND_REQUIREMENTS', 'WITHDRAW']);
      // published: implementation reports belong to the implementing unit
      expect(await allowed(ids.published, tok.office)).toEqual(['ARCHIVE', 'RECORD_EVALUATION', 'START_ADJUSTMENT', 'SUSPEND', 'TERMINATE']);
      expect(await allowed(ids.published, tok.department)).toEqual(['RECORD_IMPLEMENTATION_REPORT']);
      expect(await allowed(ids.implementedByHealth, tok.department)).toEqual([]);
      expect(await allowed(ids.implementedByHealth, tok.healthDepartment)).toEqual(['RECORD_IMPLEMENTATION_REPORT']);
    });

    it('is a 404 outside the caller’s scope or when there is no such decision; a 403 for the administrator', async () => {
      expectProblem(await get(`/decisions/${ids.drafting}`, tok.healthDepartment), 404, 'NOT_FOUND');
      expectProblem(await get(`/decisions/${ids.drafting}`, tok.otherOffice), 404, 'NOT_FOUND');
      expectProblem(await get(`/decisions/${ids.drafting}`, tok.otherReviewer), 404, 'NOT_FOUND');
      expectProblem(await get('/decisions/00000000-0000-4000-8000-000000000000', tok.auditor), 404, 'NOT_FOUND');
      expectProblem(await get('/decisions/not-an-id', tok.auditor), 404, 'NOT_FOUND');
      expectProblem(await get(`/decisions/${ids.drafting}`, tok.admin), 403, 'FORBIDDEN_ROLE');
      expect((await detail(ids.other, tok.auditor)).organId).toBe(d.units.otherGov.id);
    });
  });

  describe('POST /decisions/:id/events', () => {
    it('applies a step: 200 with the decision at version + 1, recorded with the caller as actor', async () => {
      const id = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      const payload = await f.payload(id, 'RECORD_DRAFT');
      const res = await send(id, tok.department, { type: 'RECORD_DRAFT', payload, expectedVersion: 3 }).expect(200);
      const body = res.body as Detail;
      expect(body).toMatchObject({ id, stage: 'drafting', version: 4 });
      expect(body.progress.find((p) => p.step === 'draft')?.status).toBe('done');
      expect(body.allowedEvents).toContain('RECORD_HEARING');
      const history = (await get(`/decisions/${id}/history`, tok.auditor).expect(200)).body as RecordEntry[];
      expect(history.at(-1)).toMatchObject({
        seq: 4,
        type: 'RECORD_DRAFT',
        payload,
        actor: { userId: d.userIds.department, username: 'fgj', role: 'department', orgUnitId: d.units.ndrc.id },
        fromStage: 'drafting',
        toStage: 'drafting',
      });
      // Without expectedVersion a step is checked against the state it finds.
      await send(id, tok.department, { type: 'RECORD_HEARING', payload: await f.payload(id, 'RECORD_HEARING') }).expect(200);
    });

    it('lets the implementing unit, and only it, report on implementation', async () => {
      const payload = await f.payload(ids.implementedByHealth, 'RECORD_IMPLEMENTATION_REPORT');
      const refused = await t.unchanged(async () => expectProblem(await send(ids.implementedByHealth, tok.department, { type: 'RECORD_IMPLEMENTATION_REPORT', payload }), 403, 'FORBIDDEN_UNIT'));
      expect(refused.event).toBe('RECORD_IMPLEMENTATION_REPORT');
      await send(ids.implementedByHealth, tok.healthDepartment, { type: 'RECORD_IMPLEMENTATION_REPORT', payload }).expect(200);
    });

    it('404: no such decision, or outside the caller’s scope', async () => {
      const payload = await f.payload(ids.drafting, 'RECORD_DRAFT');
      await t.unchanged(async () => {
        expectProblem(await send('00000000-0000-4000-8000-000000000000', tok.department, { type: 'RECORD_DRAFT', payload }), 404, 'NOT_FOUND');
        expectProblem(await send(ids.drafting, tok.healthDepartment, { type: 'RECORD_DRAFT', payload }), 404, 'NOT_FOUND');
        expectProblem(await send(ids.drafting, tok.otherDepartment, { type: 'RECORD_DRAFT', payload }), 404, 'NOT_FOUND');
        expectProblem(await send(ids.submitted, tok.otherReviewer, { type: 'ACCEPT_REVIEW', payload: {} }), 404, 'NOT_FOUND');
        // 404 comes before 403 and 400
        expectProblem(await send('00000000-0000-4000-8000-000000000000', tok.auditor, { type: 'NOPE', expectedVersion: 0 }), 404, 'NOT_FOUND');
      });
    });

    it('403: a role that may not send this type, whatever the stage; the auditor and the administrator on every type', async () => {
      const payload = await f.payload(ids.drafting, 'RECORD_DRAFT');
      await t.unchanged(async () => {
        expect(expectProblem(await send(ids.drafting, tok.reviewer, { type: 'RECORD_DRAFT', payload }), 403, 'FORBIDDEN_ROLE').requiredRoles).toEqual(['department']);
        expectProblem(await send(ids.drafting, tok.office, { type: 'RECORD_DRAFT', payload }), 403, 'FORBIDDEN_ROLE');
        expectProblem(await send(ids.drafting, tok.department, { type: 'START_DRAFTING', payload: { startedOn: '2026-02-01' } }), 403, 'FORBIDDEN_ROLE');
        // a step of another stage is still a 403 when the role could never send it
        expectProblem(await send(ids.drafting, tok.department, { type: 'ACCEPT_REVIEW', payload: { acceptedOn: '2026-02-01' } }), 403, 'FORBIDDEN_ROLE');
        // 403 comes before 400
        expectProblem(await send(ids.drafting, tok.reviewer, { type: 'RECORD_DRAFT', payload: {}, expectedVersion: 'x' }), 403, 'FORBIDDEN_ROLE');
        for (const type of ['RECORD_DRAFT', 'START_DRAFTING', 'ARCHIVE', 'NOPE', 'CATALOG_PUBLISHED']) {
          expectProblem(await send(ids.drafting, tok.auditor, { type, payload }), 403, 'FORBIDDEN_ROLE');
          expectProblem(await send(ids.drafting, tok.admin, { type, payload }), 403, 'FORBIDDEN_ROLE');
        }
      });
    });

    it.each([
      ['an unknown type', { type: 'RECORD_DRAFTS', payload: {} }, 'type'],
      ['no type', { payload: {} }, 'type'],
      ['the engine’s own event', { type: 'CATALOG_PUBLISHED', payload: {} }, 'type'],
      ['a missing payload field', { type: 'RECORD_DRAFT', payload: { draftVersion: 'v9', summary: 's', lawsReviewed: ['l'] } }, 'payload.draftedOn'],
      ['a NUL character in a text', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v9', summary: 's\u0000', lawsReviewed: ['l'] } }, 'payload.summary'],
      ['a lone surrogate in a text', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v9', summary: '草案\udc00', lawsReviewed: ['l'] } }, 'payload.summary'],
      ['a right-to-left override in a text', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v9', summary: '\u202e案草', lawsReviewed: ['l'] } }, 'payload.summary'],
      ['an ESC in a list of texts', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v9', summary: 's', lawsReviewed: ['l', '\u001b]0;x\u0007'] } }, 'payload.lawsReviewed[1]'],
      ['a bad date', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-30', draftVersion: 'v9', summary: 's', lawsReviewed: ['l'] } }, 'payload.draftedOn'],
      ['an unknown payload field', { type: 'RECORD_DRAFT', payload: { draftedOn: '2026-02-02', draftVersion: 'v9', summary: 's', lawsReviewed: ['l'], colour: 'red' } }, 'payload.colour'],
      ['a payload that is not an object', { type: 'RECORD_DRAFT', payload: 'draft' }, 'payload'],
      ['expectedVersion 0', { type: 'RECORD_DRAFT', payload: {}, expectedVersion: 0 }, 'expectedVersion'],
      ['expectedVersion as a string', { type: 'RECORD_DRAFT', payload: {}, expectedVersion: '3' }, 'expectedVersion'],
      ['expectedVersion 2.5', { type: 'RECORD_DRAFT', payload: {}, expectedVersion: 2.5 }, 'expectedVersion'],
      ['an unknown member', { type: 'RECORD_DRAFT', payload: {}, comment: 'x' }, 'comment'],
      ['an array body', [{ type: 'RECORD_DRAFT' }], 'body'],
    ])('400 for %s, naming the field, nothing changed', async (_what, body, field) => {
      const problem = await t.unchanged(async () => expectProblem(await send(ids.drafting, tok.department, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
    });

    it('400 for malformed JSON, before anything else', async () => {
      await t.unchanged(async () => {
        const res = await t.http
          .post('/decisions/00000000-0000-4000-8000-000000000000/events')
          .set(t.bearer(tok.auditor))
          .set('Content-Type', 'application/json')
          .send('{"type": "RECORD_DRAFT",');
        expect(res.status).toBe(400);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      });
    });

    it('409 with currentVersion for a stale expectedVersion (after the 400s)', async () => {
      const { version } = await detail(ids.drafting, tok.department);
      const payload = await f.payload(ids.drafting, 'RECORD_DRAFT');
      await t.unchanged(async () => {
        const problem = expectProblem(await send(ids.drafting, tok.department, { type: 'RECORD_DRAFT', payload, expectedVersion: version - 1 }), 409, 'VERSION_CONFLICT');
        expect(problem.currentVersion).toBe(version);
        expectProblem(await send(ids.drafting, tok.department, { type: 'RECORD_DRAFT', payload: {}, expectedVersion: version - 1 }), 400, 'VALIDATION_FAILED');
      });
    });

    it('422 when the procedure forbids it: stored as a violation attempt, the decision unchanged', async () => {
      const before = await detail(ids.drafting, tok.office);
      const violations = await t.countRows('violation_attempt');
      const records = await t.countRows('procedure_record');
      const payload = { ...(await f.payload(ids.drafting, 'RECORD_DISCUSSION')), implementingUnitId: d.units.ndrc.id };
      const problem = expectProblem(await send(ids.drafting, tok.office, { type: 'RECORD_DISCUSSION', payload, expectedVersion: before.version }), 422, 'LEGALITY_REVIEW_REQUIRED');
      expect(problem).toMatchObject({ decisionId: ids.drafting, event: 'RECORD_DISCUSSION', stage: 'drafting' });
      expect((problem.missing as Array<{ step: string }>).map((m) => m.step)).toEqual(expect.arrayContaining(['draft', 'legalityReview']));
      expect((problem.legalBasis as Array<{ id: string }>)[0].id).toBe('SC713-25');
      expect(await t.countRows('violation_attempt')).toBe(violations + 1);
      expect(await t.countRows('procedure_record')).toBe(records);
      expect((await detail(ids.drafting, tok.office)).version).toBe(before.version);

      const listed = await get(`/decisions/${ids.drafting}/violations`, tok.auditor).expect(200);
      expect(listed.headers['x-total-count']).toBe('1');
      expect(listed.body).toEqual([
        expect.objectContaining({
          decisionId: ids.drafting,
          event: 'RECORD_DISCUSSION',
          code: 'LEGALITY_REVIEW_REQUIRED',
          stage: 'drafting',
          legalBasis: [expect.objectContaining({ id: 'SC713-25', article: '第二十五条' })],
          actor: { userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id, displayName: 'zfb', orgUnitName: '前进区人民政府' },
          category: 'skip',
          payload,
        }),
      ]);
    });
  });

  describe('GET /decisions/:id/history', () => {
    it('is the record, oldest first, each row chained to the one before', async () => {
      const res = await get(`/decisions/${ids.published}/history`, tok.office).expect(200);
      const rows = res.body as RecordEntry[];
      expect(res.headers['x-total-count']).toBe(String(rows.length));
      expect(rows.map((r) => r.type)).toEqual(['ITEM_PROPOSED', ...TO_PUBLISHED]);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_r, i) => i + 1));
      expect(rows[0]).toMatchObject({ prevHash: '0'.repeat(64), fromStage: null, toStage: 'proposed', revision: 1 });
      for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
      for (const r of rows) {
        expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(Object.keys(r.actor).sort()).toEqual(['orgUnitId', 'role', 'userId', 'username']);
        expect(r.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(r.facts).toHaveProperty('today');
      }
      const submit = rows.find((r) => r.type === 'SUBMIT_LEGALITY_REVIEW')!;
      expect(submit.facts).toMatchObject({ reviewMinDueOn: expect.any(String), reviewWorkingDaysGiven: expect.any(Number), calendarDataVersion: expect.any(String) });
      expect(rows.at(-1)).toMatchObject({ type: 'PUBLISH', fromStage: 'reported', toStage: 'published' });
    });

    it('names who acted beside the stored actor (display name and unit, read now), and the hash still covers the stored actor only', async () => {
      const rename = (displayName: string) => t.http.patch(`/users/${d.userIds.department}`).set(t.bearer(tok.admin)).send({ displayName }).expect(200);
      await rename('发改局 王科长');
      try {
        const rows = (await get(`/decisions/${ids.published}/history`, tok.auditor).expect(200)).body as RecordEntry[];
        const draft = rows.find((r) => r.type === 'RECORD_DRAFT')!;
        expect(draft).toMatchObject({ actor: { userId: d.userIds.department, username: 'fgj', role: 'department', orgUnitId: d.units.ndrc.id }, actorName: '发改局 王科长', actorUnitName: '区发改局' });
        expect(Object.keys(draft.actor).sort()).toEqual(['orgUnitId', 'role', 'userId', 'username']);
        expect(rows.find((r) => r.type === 'PUBLISH')).toMatchObject({ actor: { username: 'zfb' }, actorName: 'zfb', actorUnitName: '前进区人民政府' });
        for (const { hash, payloadTruncated: _t, payloadBytes: _b, actorName: _n, actorUnitName: _u, ...hashed } of rows) {
          expect(recordHash({ decisionId: ids.published, ...hashed })).toBe(hash);
        }
        const one = (await get(`/decisions/${ids.published}/history/${draft.seq}`, tok.auditor).expect(200)).body as RecordEntry;
        expect(one).toMatchObject({ actorName: '发改局 王科长', actorUnitName: '区发改局', hash: draft.hash });
      } finally {
        await rename('fgj');
      }
    });

    it('pages with X-Total-Count', async () => {
      const res = await get(`/decisions/${ids.published}/history?page=2&pageSize=2`, tok.reviewer).expect(200);
      expect((res.body as RecordEntry[]).map((r) => r.seq)).toEqual([3, 4]);
      expect(res.headers['x-total-count']).toBe(String(TO_PUBLISHED.length + 1));
    });

    it('is a 404 outside the caller’s scope, and 400 for bad paging', async () => {
      expectProblem(await get(`/decisions/${ids.published}/history`, tok.healthDepartment), 404, 'NOT_FOUND');
      expectProblem(await get(`/decisions/${ids.published}/violations`, tok.otherOffice), 404, 'NOT_FOUND');
      expect(fieldsOf(expectProblem(await get(`/decisions/${ids.published}/history?pageSize=0`, tok.office), 400, 'VALIDATION_FAILED'))).toContain('pageSize');
    });
  });

  describe('GET /decisions/:id/violations', () => {
    it('lists refused attempts newest first, with paging', async () => {
      const id = await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      expectProblem(await send(id, tok.department, { type: 'SUBMIT_LEGALITY_REVIEW', payload: await f.payload(id, 'SUBMIT_LEGALITY_REVIEW') }), 422, 'DRAFT_MISSING');
      // attemptedAt has millisecond resolution: keep the two attempts apart.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expectProblem(await send(id, tok.office, { type: 'PUBLISH', payload: await f.payload(id, 'PUBLISH') }), 422, 'DECISION_REQUIRED');
      const res = await get(`/decisions/${id}/violations`, tok.department).expect(200);
      expect(res.headers['x-total-count']).toBe('2');
      expect((res.body as Array<{ code: string }>).map((v) => v.code)).toEqual(['DECISION_REQUIRED', 'DRAFT_MISSING']);
      // Each with its category and who tried, by name and unit (a refusal is not hashed: the names sit in `actor`).
      expect(res.body).toEqual([
        expect.objectContaining({ code: 'DECISION_REQUIRED', category: 'skip', actor: { userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id, displayName: 'zfb', orgUnitName: '前进区人民政府' } }),
        expect.objectContaining({ code: 'DRAFT_MISSING', category: 'skip', actor: { userId: d.userIds.department, username: 'fgj', role: 'department', orgUnitId: d.units.ndrc.id, displayName: 'fgj', orgUnitName: '区发改局' } }),
      ]);
      const second = await get(`/decisions/${id}/violations?page=2&pageSize=1`, tok.department).expect(200);
      expect((second.body as Array<{ code: string }>).map((v) => v.code)).toEqual(['DRAFT_MISSING']);
      expect((await get(`/decisions/${ids.proposed}/violations`, tok.office).expect(200)).body).toEqual([]);
    });
  });

  describe('public decisions', () => {
    const INTERNAL = ['version', 'state', 'stage', 'snapshot', 'hash', 'prevHash', 'lastHash', 'actor', 'allowedEvents', 'progress', 'requirements', 'catalogId', 'flags'];

    it('lists decisions published with public disclosure, with their publication, without a token and nothing internal', async () => {
      const res = await t.http.get('/public/decisions').expect(200);
      const items = res.body as Array<Record<string, unknown>>;
      expect(items.map((i) => i.id).sort()).toEqual([ids.published, ids.implementedByHealth].sort());
      expect(res.headers['x-total-count']).toBe('2');
      const item = items.find((i) => i.id === ids.published)!;
      expect(item).toMatchObject({
        title: '公交线网优化方案',
        category: 'public_policy',
        year: 2026,
        organId: d.units.gov.id,
        organName: '前进区人民政府',
        undertakingUnitId: d.units.ndrc.id,
        undertakingUnitName: '区发改局',
        revision: 1,
        publishedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        channels: ['区政府网站'],
        adoptionExplanation: '采纳情况说明',
      });
      for (const key of INTERNAL) expect(item).not.toHaveProperty(key);
    });

    it('shows one published decision; a not disclosed or unpublished one is a 404', async () => {
      const res = await t.http.get(`/public/decisions/${ids.published}`).expect(200);
      expect(res.body).toMatchObject({ id: ids.published, title: '公交线网优化方案', channels: ['区政府网站'] });
      for (const key of INTERNAL) expect(res.body).not.toHaveProperty(key);
      expectProblem(await t.http.get(`/public/decisions/${ids.notDisclosed}`), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/public/decisions/${ids.drafting}`), 404, 'NOT_FOUND');
      expectProblem(await t.http.get('/public/decisions/nothing'), 404, 'NOT_FOUND');
    });

    it('filters by year and organ; bad filters are 400s', async () => {
      expect((await t.http.get('/public/decisions?year=2025').expect(200)).body).toEqual([]);
      expect((await t.http.get(`/public/decisions?organId=${d.units.otherGov.id}`).expect(200)).body).toEqual([]);
      expect(((await t.http.get(`/public/decisions?year=2026&organId=${d.units.gov.id}`).expect(200)).body as unknown[]).length).toBe(2);
      expect(fieldsOf(expectProblem(await t.http.get('/public/decisions?year=soon'), 400, 'VALIDATION_FAILED'))).toContain('year');
      expect(fieldsOf(expectProblem(await t.http.get('/public/decisions?organId=x'), 400, 'VALIDATION_FAILED'))).toContain('organId');
    });
  });
});
