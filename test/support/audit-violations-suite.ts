/**
 * GET /audit/violations: every refused attempt of the caller's audit scope, newest first, with and
 * without a decision, each with its category, its articles and who tried by name; filtered by
 * business days (TZ_BUSINESS), organ, code and category, paged with X-Total-Count.
 */
import { createHash, randomUUID } from 'node:crypto';
import { addDays } from '../../workflows/dates';
import { itemA, itemB, publishedCatalogWith, CATALOG_PUBLICATION } from './catalog-fixture';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, type District } from './district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from './test-app';

interface Entry {
  id: string;
  decisionId: string | null;
  decisionTitle?: string;
  organId: string | null;
  organName: string | null;
  event: string;
  code: string;
  category: string;
  legalBasis: Array<{ id: string; law?: string; article?: string }>;
  missing: Array<{ step: string; code: string }>;
  actor: Record<string, unknown>;
  attemptedAt: string;
  payload: unknown;
  payloadTruncated: boolean;
  payloadBytes: number;
  payloadSha256: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const newestFirst = (a: Entry, b: Entry) => (a.attemptedAt === b.attemptedAt ? (a.id < b.id ? 1 : -1) : a.attemptedAt < b.attemptedAt ? 1 : -1);

export function auditViolationsSuite(postgres: boolean): void {
  describe(`GET /audit/violations (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let f: DecisionFixture;
    let a: string;
    let foreign: string;
    let catalogId: string;
    /** Rows written directly (the table takes INSERTs), with attemptedAt on either side of a business-day boundary. */
    const seeded: Array<{ code: string; attemptedAt: string }> = [
      // 2025-12-31 23:59:59.999 and 2026-01-01 00:00:00.000 in Asia/Shanghai.
      { code: 'DATE_IN_FUTURE', attemptedAt: '2025-12-31T15:59:59.999Z' },
      { code: 'DATE_OUT_OF_ORDER', attemptedAt: '2025-12-31T16:00:00.000Z' },
      // Three skip codes, interleaved in time: a category read a code at a time must merge them.
      { code: 'DRAFT_MISSING', attemptedAt: '2025-06-01T01:00:00.000Z' },
      { code: 'HEARING_INCOMPLETE', attemptedAt: '2025-06-02T01:00:00.000Z' },
      { code: 'EVENT_NOT_ALLOWED_IN_STAGE', attemptedAt: '2025-06-03T01:00:00.000Z' },
      { code: 'DRAFT_MISSING', attemptedAt: '2025-06-04T01:00:00.000Z' },
      { code: 'HEARING_INCOMPLETE', attemptedAt: '2025-06-05T01:00:00.000Z' },
      { code: 'EVENT_NOT_ALLOWED_IN_STAGE', attemptedAt: '2025-06-05T01:00:00.000Z' },
    ];

    const list = (token: string, query = '') => t.http.get(`/audit/violations${query}`).set(t.bearer(token));
    const entries = async (token: string, query = '') => {
      const res = await list(token, query).expect(200);
      return { items: res.body as Entry[], total: Number(res.headers['x-total-count']) };
    };
    /** Refusals are stamped to the millisecond: keep them apart, so that "newest first" has one answer. */
    const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

    beforeAll(async () => {
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
      f = decisionFixture(t, d);
      a = await f.decision({ title: '城区集中供热价格调整方案', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      foreign = await f.decision({ title: '后进区的决策', organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      catalogId = (await publishedCatalogWith(t, d, [itemA(d)])).catalog.id;

      await t.tx.write(async (tx) => {
        const actor = JSON.stringify({ userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id });
        for (const s of seeded) {
          await tx.execute(
            'INSERT INTO violation_attempt (id, decision_id, organ_id, event, code, stage, legal_basis, missing, payload, payload_bytes, payload_sha256, payload_truncated, actor, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [randomUUID(), null, d.units.gov.id, 'CATALOG_PUBLISHED', s.code, null, '["SC713-33"]', '[]', '{}', 2, sha256('{}'), postgres ? false : 0, actor, s.attemptedAt],
          );
        }
      });

      const send = (id: string, token: string, type: string, payload: unknown) => t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send({ type, payload });
      const discussion = async (id: string, implementingUnitId: string) => ({ ...(await f.payload(id, 'RECORD_DISCUSSION')), implementingUnitId });
      expectProblem(await send(a, d.tokens.office, 'RECORD_DISCUSSION', await discussion(a, d.units.ndrc.id)), 422, 'LEGALITY_REVIEW_REQUIRED');
      await tick();
      const comment = await f.payload(a, 'OPEN_PUBLIC_COMMENT');
      expectProblem(await send(a, d.tokens.department, 'OPEN_PUBLIC_COMMENT', { ...comment, endOn: addDays(comment.startOn as string, 10) }), 422, 'COMMENT_PERIOD_TOO_SHORT');
      await tick();
      const outOfScope = await t.http.post(`/catalogs/${catalogId}/items`).set(t.bearer(d.tokens.department)).send(itemB(d, { title: '地方性法规草案', category: 'legislation' }));
      expectProblem(outOfScope, 422, 'OUT_OF_SCOPE');
      await tick();
      expectProblem(await t.http.post(`/catalogs/${catalogId}/publish`).set(t.bearer(d.tokens.office)).send(CATALOG_PUBLICATION), 422, 'NOTHING_TO_PUBLISH');
      await tick();
      expectProblem(await send(foreign, d.tokens.otherOffice, 'RECORD_DISCUSSION', await discussion(foreign, d.units.otherNdrc.id)), 422, 'LEGALITY_REVIEW_REQUIRED');
    });
    afterAll(() => t.close());

    it('lists every refusal for the auditor, newest first, with and without a decision', async () => {
      const { items, total } = await entries(d.tokens.auditor, '?pageSize=500');
      expect(total).toBe(5 + seeded.length);
      expect(items).toHaveLength(total);
      expect([...items].sort(newestFirst).map((e) => e.id)).toEqual(items.map((e) => e.id));
      expect(items.slice(0, 5).map((e) => [e.code, e.decisionId])).toEqual([
        ['LEGALITY_REVIEW_REQUIRED', foreign],
        ['NOTHING_TO_PUBLISH', null],
        ['OUT_OF_SCOPE', null],
        ['COMMENT_PERIOD_TOO_SHORT', a],
        ['LEGALITY_REVIEW_REQUIRED', a],
      ]);
    });

    it('gives each its decision and organ by name, its category, the articles and missing steps, who tried by name and unit, and the kept payload', async () => {
      const { items } = await entries(d.tokens.auditor, '?pageSize=5');
      const byCode = (code: string) => items.find((e) => e.code === code && e.decisionId !== foreign)!;
      const skipped = byCode('LEGALITY_REVIEW_REQUIRED');
      expect(skipped).toMatchObject({
        decisionId: a,
        decisionTitle: '城区集中供热价格调整方案',
        organId: d.units.gov.id,
        organName: '前进区人民政府',
        event: 'RECORD_DISCUSSION',
        category: 'skip',
        legalBasis: [expect.objectContaining({ id: 'SC713-25', law: '重大行政决策程序暂行条例', article: '第二十五条' })],
        actor: { userId: d.userIds.office, username: 'zfb', displayName: 'zfb', role: 'office', orgUnitId: d.units.gov.id, orgUnitName: '前进区人民政府' },
        payloadTruncated: false,
      });
      expect(skipped.missing.map((m) => m.step)).toEqual(expect.arrayContaining(['draft', 'legalityReview']));
      expect(skipped.payloadSha256).toBe(sha256(JSON.stringify(skipped.payload)));
      expect(skipped.payloadBytes).toBe(Buffer.byteLength(JSON.stringify(skipped.payload)));
      expect(Date.parse(skipped.attemptedAt)).not.toBeNaN();
      expect(byCode('COMMENT_PERIOD_TOO_SHORT')).toMatchObject({ category: 'time_limit', actor: { username: 'fgj', displayName: 'fgj', orgUnitName: '区发改局' } });
      const outOfScope = byCode('OUT_OF_SCOPE');
      expect(outOfScope).toMatchObject({ decisionId: null, organId: d.units.gov.id, organName: '前进区人民政府', event: 'ITEM_PROPOSED', category: 'content', payload: expect.objectContaining({ title: '地方性法规草案' }) });
      expect(outOfScope).not.toHaveProperty('decisionTitle');
      expect(byCode('NOTHING_TO_PUBLISH')).toMatchObject({ decisionId: null, event: 'CATALOG_PUBLISHED', category: 'form' });
    });

    it('gives an office its own organ only: another organ asked for is an empty list', async () => {
      const own = await entries(d.tokens.office, '?pageSize=500');
      expect(own.total).toBe(4 + seeded.length);
      expect(new Set(own.items.map((e) => e.organId))).toEqual(new Set([d.units.gov.id]));
      expect((await entries(d.tokens.office, `?organId=${d.units.gov.id}&pageSize=500`)).total).toBe(own.total);
      expect(await entries(d.tokens.office, `?organId=${d.units.otherGov.id}`)).toEqual({ items: [], total: 0 });
      const neighbour = await entries(d.tokens.otherOffice);
      expect(neighbour.items.map((e) => [e.decisionId, e.actor.displayName, e.actor.orgUnitName])).toEqual([[foreign, 'hj-zfb', '后进区人民政府']]);
      expect((await entries(d.tokens.auditor, `?organId=${d.units.otherGov.id}`)).items.map((e) => e.decisionId)).toEqual([foreign]);
    });

    it.each(['department', 'reviewer', 'admin', 'healthDepartment'] as const)('refuses %s with 403 FORBIDDEN_ROLE', async (who) => {
      expectProblem(await t.unchanged(() => list(d.tokens[who])), 403, 'FORBIDDEN_ROLE');
    });

    it('filters by code and by category, and by both', async () => {
      const codes = async (query: string) => (await entries(d.tokens.auditor, `${query}&pageSize=500`)).items.map((e) => e.code);
      expect(await codes('?code=COMMENT_PERIOD_TOO_SHORT')).toEqual(['COMMENT_PERIOD_TOO_SHORT']);
      expect(await codes('?category=time_limit')).toEqual(['COMMENT_PERIOD_TOO_SHORT']);
      expect(await codes('?category=content')).toEqual(['OUT_OF_SCOPE']);
      expect(await codes('?category=form')).toEqual(['NOTHING_TO_PUBLISH', 'DATE_OUT_OF_ORDER', 'DATE_IN_FUTURE']);
      expect((await codes('?category=skip')).sort()).toEqual(['LEGALITY_REVIEW_REQUIRED', 'LEGALITY_REVIEW_REQUIRED', ...seeded.slice(2).map((s) => s.code)].sort());
      expect(await codes('?category=skip&code=LEGALITY_REVIEW_REQUIRED')).toEqual(['LEGALITY_REVIEW_REQUIRED', 'LEGALITY_REVIEW_REQUIRED']);
      expect(await codes('?category=form&code=LEGALITY_REVIEW_REQUIRED')).toEqual([]);
      expect(await codes('?code=NO_SUCH_CODE')).toEqual([]);
      expect((await entries(d.tokens.office, '?category=skip&pageSize=500')).items.map((e) => e.decisionId)).not.toContain(foreign);
    });

    it('reads from and to as whole business days of TZ_BUSINESS (Asia/Shanghai)', async () => {
      const codes = async (query: string) => (await entries(d.tokens.auditor, query)).items.map((e) => e.code);
      expect(await codes('?from=2026-01-01&to=2026-01-01')).toEqual(['DATE_OUT_OF_ORDER']);
      expect(await codes('?from=2025-12-31&to=2025-12-31')).toEqual(['DATE_IN_FUTURE']);
      expect(await codes('?from=2025-12-31&to=2026-01-01')).toEqual(['DATE_OUT_OF_ORDER', 'DATE_IN_FUTURE']);
      expect(await codes('?to=2025-06-01')).toEqual(['DRAFT_MISSING']);
      expect((await entries(d.tokens.auditor, '?from=2026-01-02')).total).toBe(5);
      expect((await entries(d.tokens.auditor, '?from=2025-06-02&to=2025-06-05')).total).toBe(5);
    });

    it('pages with X-Total-Count, a category read a code at a time and merged in order', async () => {
      const whole = await entries(d.tokens.auditor, '?category=skip&pageSize=500');
      expect(whole.total).toBe(8);
      const paged: Entry[] = [];
      for (let page = 1; page <= 4; page++) {
        const p = await entries(d.tokens.auditor, `?category=skip&page=${page}&pageSize=3`);
        expect(p.total).toBe(8);
        paged.push(...p.items);
      }
      expect(paged.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
      expect([...whole.items].sort(newestFirst).map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
      const all = await entries(d.tokens.auditor, '?pageSize=500');
      const second = await entries(d.tokens.auditor, '?page=2&pageSize=1');
      expect(second).toEqual({ items: [all.items[1]], total: all.total });
      expect(await entries(d.tokens.auditor, '?page=100&pageSize=500')).toEqual({ items: [], total: all.total });
    });

    it.each([
      ['?from=2026-02-30', 'from'],
      ['?to=20260101', 'to'],
      ['?from=2026-03-02&to=2026-03-01', 'from'],
      ['?category=skipped', 'category'],
      ['?code=draft_missing', 'code'],
      ['?organId=not-a-uuid', 'organId'],
      ['?pageSize=501', 'pageSize'],
      ['?page=0', 'page'],
    ])('answers %s with 400 naming %s', async (query, field) => {
      const problem = await t.unchanged(async () => expectProblem(await list(d.tokens.auditor, query), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
    });

    it('answers the range and the field errors in Chinese', async () => {
      const problem = expectProblem(await list(d.tokens.auditor, '?from=2026-03-02&to=2026-03-01'), 400, 'VALIDATION_FAILED') as { errors: Array<{ message: string }> };
      expect(problem.errors[0].message).toMatch(/不得晚于/);
      const bad = expectProblem(await list(d.tokens.auditor, '?from=x'), 400, 'VALIDATION_FAILED') as { errors: Array<{ message: string }> };
      expect(bad.errors[0].message).toMatch(/有效日期/);
    });
  });
}
