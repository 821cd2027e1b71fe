import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { addDays } from '../../workflows/dates';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { CLOCK } from '../../src/engine/engine.module';
import { ProcedureEngine, type Clock } from '../../src/engine/procedure-engine';
import { CATALOG_PUBLICATION, itemA, itemB, publishedCatalogWith, type CatalogBody, type CatalogItemBody } from '../support/catalog-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface ItemBody {
  id: string;
  catalogId: string;
  organId: string;
  year: number;
  title: string;
  category: string;
  undertakingUnitId: string;
  legalBasis: string[];
  affectsMarket: boolean;
  plannedStartOn: string | null;
  plannedDecisionOn: string | null;
  requirements: unknown;
  stage: string;
  version: number;
  progress: Array<{ step: string; status: string; legalBasis: string[] }>;
  [member: string]: unknown;
}

interface RecordRow {
  seq: number;
  type: string;
  payload: string;
  actor: string;
  from_stage: string | null;
  to_stage: string;
}

interface ViolationRow {
  decision_id: string | null;
  organ_id: string | null;
  event: string;
  code: string;
  legal_basis: string;
  actor: string;
}

describe('annual decision catalogs (年度重大行政决策事项目录)', () => {
  let t: TestApp;
  let d: District;
  let today: string;
  let catalog: CatalogBody;
  let a: ItemBody; // proposed by the office
  let b: ItemBody; // proposed by the undertaking department
  let c: ItemBody; // an adjustment after the first publication

  const as = (token: string) => t.bearer(token);
  const records = (decisionId: string) =>
    t.tx.read((tx) => tx.query<RecordRow & Record<string, unknown>>('SELECT seq, type, payload, actor, from_stage, to_stage FROM procedure_record WHERE decision_id = ? ORDER BY seq', [decisionId]));
  const violations = () =>
    t.tx.read((tx) => tx.query<ViolationRow & Record<string, unknown>>('SELECT decision_id, organ_id, event, code, legal_basis, actor FROM violation_attempt ORDER BY attempted_at, id'));
  /** Runs a refused request; returns its answer and the tables it changed. */
  const changedBy = async <T>(fn: () => Promise<T>): Promise<{ result: T; changed: string[] }> => {
    const before = await t.snapshot();
    const result = await fn();
    const after = await t.snapshot();
    return { result, changed: Object.keys(after).filter((k) => !isDeepStrictEqual(before[k], after[k])) };
  };
  const officeActor = () => ({ userId: d.userIds.office, username: 'zfb', role: 'office', orgUnitId: d.units.gov.id });

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    today = t.app.get<Clock>(CLOCK).today();
  });
  afterAll(() => t.close());

  describe('POST /catalogs (office)', () => {
    it('creates the draft catalog of the office’s own organ', async () => {
      const res = await t.http.post('/catalogs').set(as(d.tokens.office)).send({ organId: d.units.gov.id, year: 2026 }).expect(201);
      catalog = res.body as CatalogBody;
      expect(catalog).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        organId: d.units.gov.id,
        organName: '前进区人民政府',
        year: 2026,
        status: 'draft',
        statusLabel: '未公布',
        revision: 0,
        publications: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('refuses a second catalog for the same organ and year with 409 CATALOG_EXISTS', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(await t.http.post('/catalogs').set(as(d.tokens.office)).send({ organId: d.units.gov.id, year: 2026 }), 409, 'CATALOG_EXISTS'),
      );
      expect(problem.catalogId).toBe(catalog.id);
    });

    it.each<[Record<string, unknown>, string[]]>([
      [{}, ['organId', 'year']],
      [{ organId: 'not-a-uuid', year: 2027 }, ['organId']],
      [{ year: 2027 }, ['organId']],
      [{ organId: '<gov>' }, ['year']],
      [{ organId: '<gov>', year: '2027' }, ['year']],
      [{ organId: '<gov>', year: 2027.5 }, ['year']],
      [{ organId: '<gov>', year: 1999 }, ['year']],
      [{ organId: '<gov>', year: 2101 }, ['year']],
      [{ organId: '<gov>', year: 2027, status: 'published' }, ['status']],
    ])('refuses %j with 400 naming %j, changing nothing', async (raw, fields) => {
      const body = { ...raw, ...(raw.organId === '<gov>' ? { organId: d.units.gov.id } : {}) };
      const problem = await t.unchanged(async () => expectProblem(await t.http.post('/catalogs').set(as(d.tokens.office)).send(body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toEqual(expect.arrayContaining(fields));
    });

    it('refuses an organ that does not exist with 400 naming organId', async () => {
      const problem = await t.unchanged(async () =>
        expectProblem(await t.http.post('/catalogs').set(as(d.tokens.office)).send({ organId: randomUUID(), year: 2027 }), 400, 'ORG_UNIT_NOT_FOUND'),
      );
      expect(fieldsOf(problem)).toEqual(['organId']);
    });

    it('refuses another organ’s catalog with 403', async () => {
      await t.unchanged(async () =>
        expectProblem(await t.http.post('/catalogs').set(as(d.tokens.otherOffice)).send({ organId: d.units.gov.id, year: 2027 }), 403, 'FORBIDDEN_ORGAN'),
      );
    });

    it.each(['department', 'reviewer', 'auditor', 'admin'] as const)('refuses the %s role with 403', async (who) => {
      await t.unchanged(async () =>
        expectProblem(await t.http.post('/catalogs').set(as(d.tokens[who])).send({ organId: d.units.gov.id, year: 2027 }), 403, 'FORBIDDEN_ROLE'),
      );
    });

    it('needs a token', async () => {
      await t.unchanged(async () => expectProblem(await t.http.post('/catalogs').send({ organId: d.units.gov.id, year: 2027 }), 401, 'UNAUTHENTICATED'));
    });
  });

  describe('POST /catalogs/:id/items', () => {
    const post = (token: string, body: unknown, catalogId = catalog.id) => t.http.post(`/catalogs/${catalogId}/items`).set(as(token)).send(body as object);

    it('lets the office propose an item: a decision in stage proposed with its ITEM_PROPOSED record', async () => {
      const body = itemA(d);
      const res = await post(d.tokens.office, body).expect(201);
      a = res.body as ItemBody;
      expect(a).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        catalogId: catalog.id,
        organId: d.units.gov.id,
        year: 2026,
        title: body.title,
        category: 'public_policy',
        undertakingUnitId: d.units.ndrc.id,
        legalBasis: body.legalBasis,
        affectsMarket: false,
        plannedStartOn: '2026-03-02',
        plannedDecisionOn: '2026-12-31',
        requirements: body.requirements,
        definition: { id: 'major-decision', version: 1 },
        stage: 'proposed',
        version: 1,
        complete: false,
      });
      expect(a.progress.map((p) => [p.step, p.status])).toEqual(
        expect.arrayContaining([
          ['catalog', 'pending'],
          ['hearing', 'pending'],
          ['archive', 'pending'],
        ]),
      );
      const rows = await records(a.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ seq: 1, type: 'ITEM_PROPOSED', from_stage: null, to_stage: 'proposed' });
      expect(JSON.parse(rows[0].payload)).toEqual(body);
      expect(JSON.parse(rows[0].actor)).toEqual(officeActor());
    });

    it('lets the undertaking department propose an item it undertakes, recorded under its role', async () => {
      const body = itemB(d);
      const res = await post(d.tokens.department, body).expect(201);
      b = res.body as ItemBody;
      expect(b).toMatchObject({ stage: 'proposed', undertakingUnitId: d.units.ndrc.id, category: 'development_plan' });
      expect(b.progress.find((p) => p.step === 'hearing')?.status).toBe('waived_with_reason');
      const [row] = await records(b.id);
      expect(JSON.parse(row.actor)).toEqual({ userId: d.userIds.department, username: 'fgj', role: 'department', orgUnitId: d.units.ndrc.id });
    });

    it('refuses a department proposing an item for another unit with 403', async () => {
      await t.unchanged(async () => expectProblem(await post(d.tokens.department, itemA(d, { undertakingUnitId: d.units.health.id })), 403, 'FORBIDDEN_UNIT'));
    });

    it.each(['reviewer', 'auditor'] as const)('refuses the %s role with 403 (it sees the catalog), before looking at the body', async (who) => {
      await t.unchanged(async () => expectProblem(await post(d.tokens[who], { title: '' }), 403, 'FORBIDDEN_ROLE'));
    });

    it.each(['otherOffice', 'otherDepartment'] as const)('answers 404 to the neighbouring district’s %s, before looking at the body', async (who) => {
      await t.unchanged(async () => expectProblem(await post(d.tokens[who], { title: '' }), 404, 'NOT_FOUND'));
    });

    it('answers 404 for a catalog that does not exist', async () => {
      await t.unchanged(async () => expectProblem(await post(d.tokens.office, itemA(d), randomUUID()), 404, 'NOT_FOUND'));
      await t.unchanged(async () => expectProblem(await post(d.tokens.office, itemA(d), 'not-a-uuid'), 404, 'NOT_FOUND'));
    });

    it('needs a reason where public participation, expert argumentation or risk assessment is not required', async () => {
      for (const key of ['publicParticipation', 'expertArgumentation', 'riskAssessment'] as const) {
        const body = itemB(d);
        body.requirements[key] = { required: false };
        const problem = await t.unchanged(async () => expectProblem(await post(d.tokens.office, body), 400, 'VALIDATION_FAILED'));
        expect(fieldsOf(problem)).toEqual([`requirements.${key}.reason`]);
      }
    });

    it('names the requirement errors and the other field errors in one 400', async () => {
      const body: Partial<CatalogItemBody> = itemB(d);
      delete body.title;
      body.requirements!.riskAssessment = { required: false };
      const problem = await t.unchanged(async () => expectProblem(await post(d.tokens.office, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toEqual(expect.arrayContaining(['title', 'requirements.riskAssessment.reason']));
    });

    const requirements = () => itemA(d).requirements;
    it.each<[string, (body: Record<string, unknown>) => void, string]>([
      ['no title', (x) => delete x.title, 'title'],
      ['a blank title', (x) => (x.title = '   '), 'title'],
      ['a title of 201 characters', (x) => (x.title = '方'.repeat(201)), 'title'],
      ['a title with a NUL character (PostgreSQL text cannot hold it)', (x) => (x.title = '供热\u0000方案'), 'title'],
      ['a title with a lone surrogate (stored as U+FFFD, the row and its record would differ)', (x) => (x.title = '供热\ud800方案'), 'title'],
      ['a title with a right-to-left override (shown reversed on the public catalog)', (x) => (x.title = '供热\u202e案方'), 'title'],
      ['a title with a bidi isolate', (x) => (x.title = '供热\u2067方案\u2069'), 'title'],
      ['a legal basis with BEL', (x) => (x.legalBasis = ['价格法\u0007']), 'legalBasis'],
      ['a legal basis with an ESC sequence', (x) => (x.legalBasis = ['\u001b[31m价格法']), 'legalBasis'],
      ['a title with a C1 control', (x) => (x.title = '供热\u0085方案'), 'title'],
      ['a title with a carriage return', (x) => (x.title = '供热\r方案'), 'title'],
      ['an unknown category', (x) => (x.category = 'tax_policy'), 'category'],
      ['no category', (x) => delete x.category, 'category'],
      ['a malformed undertakingUnitId', (x) => (x.undertakingUnitId = 'fgj'), 'undertakingUnitId'],
      ['an empty legalBasis', (x) => (x.legalBasis = []), 'legalBasis'],
      ['a blank legal basis', (x) => (x.legalBasis = ['']), 'legalBasis'],
      ['a legal basis of 501 characters (a citation, not a text)', (x) => (x.legalBasis = ['法'.repeat(501)]), 'legalBasis'],
      ['a legalBasis that is not a list', (x) => (x.legalBasis = '价格法'), 'legalBasis'],
      ['affectsMarket as a string', (x) => (x.affectsMarket = 'yes'), 'affectsMarket'],
      ['an impossible plannedStartOn', (x) => (x.plannedStartOn = '2026-02-30'), 'plannedStartOn'],
      ['a plannedDecisionOn with a time', (x) => (x.plannedDecisionOn = '2026-12-31T00:00:00Z'), 'plannedDecisionOn'],
      ['plannedDecisionOn before plannedStartOn', (x) => Object.assign(x, { plannedStartOn: '2026-06-01', plannedDecisionOn: '2026-05-31' }), 'plannedDecisionOn'],
      ['no requirements', (x) => delete x.requirements, 'requirements'],
      ['requirements without hearing', (x) => (x.requirements = { ...requirements(), hearing: undefined }), 'requirements.hearing'],
      ['a requirement that is not a boolean', (x) => (x.requirements = { ...requirements(), hearing: { required: 'yes' } }), 'requirements.hearing.required'],
      ['an unknown requirement', (x) => (x.requirements = { ...requirements(), legalityReview: { required: true } }), 'requirements.legalityReview'],
      ['an unknown field', (x) => (x.stage = 'cataloged'), 'stage'],
    ])('refuses %s with 400, changing nothing', async (_what, change, field) => {
      const body = itemA(d) as unknown as Record<string, unknown>;
      change(body);
      const problem = await t.unchanged(async () => expectProblem(await post(d.tokens.office, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
    });

    it('refuses a JSON array as the body', async () => {
      await t.unchanged(async () => expectProblem(await post(d.tokens.office, [itemA(d)]), 400, 'VALIDATION_FAILED'));
    });

    it('refuses an undertaking unit that does not exist or lies outside the organ, naming undertakingUnitId', async () => {
      let problem = await t.unchanged(async () => expectProblem(await post(d.tokens.office, itemA(d, { undertakingUnitId: randomUUID() })), 400, 'ORG_UNIT_NOT_FOUND'));
      expect(fieldsOf(problem)).toEqual(['undertakingUnitId']);
      problem = await t.unchanged(async () => expectProblem(await post(d.tokens.office, itemA(d, { undertakingUnitId: d.units.otherNdrc.id })), 400, 'UNIT_OUTSIDE_ORGAN'));
      expect(fieldsOf(problem)).toEqual(['undertakingUnitId']);
    });

    it.each(['macro_control', 'legislation', 'emergency_response'])('refuses category %s with 422 OUT_OF_SCOPE, stored as a violation attempt', async (category) => {
      const before = await violations();
      const { result, changed } = await changedBy(async () => expectProblem(await post(d.tokens.office, itemA(d, { category })), 422, 'OUT_OF_SCOPE'));
      expect(result.legalBasis).toEqual([expect.objectContaining({ id: 'SC713-3' })]);
      expect(result).toMatchObject({ event: 'ITEM_PROPOSED', decisionId: null, violationId: expect.any(String) });
      expect(changed).toEqual(['violation_attempt']);
      const after = await violations();
      expect(after).toHaveLength(before.length + 1);
      const stored = after[after.length - 1];
      expect(stored).toMatchObject({ decision_id: null, organ_id: d.units.gov.id, event: 'ITEM_PROPOSED', code: 'OUT_OF_SCOPE' });
      expect(JSON.parse(stored.legal_basis)).toEqual(['SC713-3']);
      expect(JSON.parse(stored.actor)).toEqual(officeActor());
    });

    it('answers bad fields with 400 before an out-of-scope category', async () => {
      await t.unchanged(async () => expectProblem(await post(d.tokens.office, itemA(d, { category: 'legislation', title: '' })), 400, 'VALIDATION_FAILED'));
    });
  });

  describe('POST /catalogs/:id/publish (office)', () => {
    const publish = (token: string, body: unknown, catalogId = catalog.id) => t.http.post(`/catalogs/${catalogId}/publish`).set(as(token)).send(body as object);

    it.each(['department', 'reviewer', 'auditor'] as const)('refuses the %s role with 403', async (who) => {
      await t.unchanged(async () => expectProblem(await publish(d.tokens[who], {}), 403, 'FORBIDDEN_ROLE'));
    });

    it('answers 404 to another district’s office and for an unknown catalog', async () => {
      await t.unchanged(async () => expectProblem(await publish(d.tokens.otherOffice, CATALOG_PUBLICATION), 404, 'NOT_FOUND'));
      await t.unchanged(async () => expectProblem(await publish(d.tokens.office, CATALOG_PUBLICATION, randomUUID()), 404, 'NOT_FOUND'));
    });

    it.each<[Record<string, unknown>, string]>([
      [{ partyCommitteeApprovedOn: undefined }, 'partyCommitteeApprovedOn'],
      [{ partyCommitteeApprovedOn: '2026-13-01' }, 'partyCommitteeApprovedOn'],
      [{ partyCommitteeRef: '' }, 'partyCommitteeRef'],
      [{ partyCommitteeRef: 42 }, 'partyCommitteeRef'],
      [{ publishedOn: '15/02/2026' }, 'publishedOn'],
      [{ publishedOn: undefined }, 'publishedOn'],
      [{ revision: 1 }, 'revision'],
    ])('refuses %j with 400, changing nothing', async (patch, field) => {
      const problem = await t.unchanged(async () => expectProblem(await publish(d.tokens.office, { ...CATALOG_PUBLICATION, ...patch }), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem)).toContain(field);
    });

    it('refuses a publication dated after today with 422 DATE_IN_FUTURE: only the violation attempt is stored', async () => {
      const tomorrow = addDays(today, 1);
      for (const body of [
        { ...CATALOG_PUBLICATION, publishedOn: tomorrow },
        { ...CATALOG_PUBLICATION, partyCommitteeApprovedOn: tomorrow, publishedOn: tomorrow },
      ]) {
        const { result, changed } = await changedBy(async () => expectProblem(await publish(d.tokens.office, body), 422, 'DATE_IN_FUTURE'));
        expect(changed).toEqual(['violation_attempt']);
        expect(result).toMatchObject({ event: 'CATALOG_PUBLISHED', legalBasis: [expect.objectContaining({ id: 'SC713-33' })] });
      }
    });

    it('refuses a publication before the party committee’s approval with 422 DATE_OUT_OF_ORDER', async () => {
      const { changed } = await changedBy(async () =>
        expectProblem(await publish(d.tokens.office, { ...CATALOG_PUBLICATION, partyCommitteeApprovedOn: '2026-02-16' }), 422, 'DATE_OUT_OF_ORDER'),
      );
      expect(changed).toEqual(['violation_attempt']);
      const stored = (await violations()).at(-1);
      expect(stored).toMatchObject({ organ_id: d.units.gov.id, event: 'CATALOG_PUBLISHED', code: 'DATE_OUT_OF_ORDER' });
    });

    it('publishes: status published, revision 1, every proposed item cataloged with its CATALOG_PUBLISHED record', async () => {
      const res = await publish(d.tokens.office, CATALOG_PUBLICATION).expect(200);
      const published = res.body as CatalogBody;
      expect(published).toMatchObject({ id: catalog.id, status: 'published', revision: 1 });
      expect(published.publications).toEqual([
        {
          revision: 1,
          ...CATALOG_PUBLICATION,
          recordedAt: expect.any(String),
          publishedBy: { ...officeActor(), displayName: 'zfb', orgUnitName: '前进区人民政府' },
          itemCount: 2,
          catalogedItemCount: 2,
          itemIds: [a.id, b.id],
          catalogedItemIds: [a.id, b.id],
        },
      ]);
      // A list gives the counts, not the ids (a catalog of thousands of items would repeat them per publication).
      const listed = (await t.http.get(`/catalogs?year=${catalog.year}&organId=${catalog.organId}`).set(t.bearer(d.tokens.office)).expect(200)).body as CatalogBody[];
      expect(listed[0].publications).toEqual([expect.objectContaining({ revision: 1, itemCount: 2, catalogedItemCount: 2 })]);
      expect(listed[0].publications[0]).not.toHaveProperty('itemIds');
      expect(published.items?.map((i) => [i.id, i.stage, i.version])).toEqual([
        [a.id, 'cataloged', 2],
        [b.id, 'cataloged', 2],
      ]);
      for (const id of [a.id, b.id]) {
        const rows = await records(id);
        expect(rows.map((r) => [r.seq, r.type, r.from_stage, r.to_stage])).toEqual([
          [1, 'ITEM_PROPOSED', null, 'proposed'],
          [2, 'CATALOG_PUBLISHED', 'proposed', 'cataloged'],
        ]);
        expect(JSON.parse(rows[1].payload)).toEqual({ catalogId: catalog.id, catalogRevision: 1, ...CATALOG_PUBLISHED_PAYLOAD });
        expect(JSON.parse(rows[1].actor)).toEqual(officeActor());
      }
      const progress = (published.items?.[0].progress ?? []) as Array<{ step: string; status: string }>;
      expect(progress.find((p) => p.step === 'catalog')?.status).toBe('done');
      catalog = published;
    });

    it('refuses to publish again with nothing proposed: 422 NOTHING_TO_PUBLISH', async () => {
      const { changed } = await changedBy(async () =>
        expectProblem(await publish(d.tokens.office, { ...CATALOG_PUBLICATION, publishedOn: '2026-03-01' }), 422, 'NOTHING_TO_PUBLISH'),
      );
      expect(changed).toEqual(['violation_attempt']);
    });
  });

  describe('adjustment: an item added to a published catalog', () => {
    it('stays proposed, and started items are untouched by the next publication', async () => {
      await t.app.get(ProcedureEngine).apply(a.id, { type: 'START_DRAFTING', payload: { startedOn: '2026-03-02' } }, officeActor());
      const body = itemB(d, { title: '城市排水防涝设施建设规划', category: 'public_project' });
      c = (await t.http.post(`/catalogs/${catalog.id}/items`).set(as(d.tokens.office)).send(body).expect(201)).body as ItemBody;
      expect(c.stage).toBe('proposed');

      const shown = (await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.office)).expect(200)).body as CatalogBody;
      expect(shown.items?.map((i) => [i.id, i.stage])).toEqual([
        [a.id, 'drafting'],
        [b.id, 'cataloged'],
        [c.id, 'proposed'],
      ]);

      // A later revision cannot carry an earlier date than the one before it.
      await changedBy(async () =>
        expectProblem(
          await t.http.post(`/catalogs/${catalog.id}/publish`).set(as(d.tokens.office)).send({ ...CATALOG_PUBLICATION, partyCommitteeApprovedOn: '2026-02-01', publishedOn: '2026-02-14' }),
          422,
          'DATE_OUT_OF_ORDER',
        ),
      );

      const recordsBefore = { a: await records(a.id), b: await records(b.id) };
      const republication = { partyCommitteeApprovedOn: '2026-03-05', partyCommitteeRef: '区委常委会会议纪要〔2026〕7号', publishedOn: '2026-03-10' };
      const res = await t.http.post(`/catalogs/${catalog.id}/publish`).set(as(d.tokens.office)).send(republication).expect(200);
      const published = res.body as CatalogBody;
      expect(published).toMatchObject({ status: 'published', revision: 2 });
      expect(published.publications.map((p) => [p.revision, p.publishedOn, p.itemIds, p.catalogedItemIds])).toEqual([
        [1, '2026-02-15', [a.id, b.id], [a.id, b.id]],
        [2, '2026-03-10', [a.id, b.id, c.id], [c.id]],
      ]);
      expect(published.items?.map((i) => [i.id, i.stage, i.version])).toEqual([
        [a.id, 'drafting', 3],
        [b.id, 'cataloged', 2],
        [c.id, 'cataloged', 2],
      ]);
      expect(await records(a.id)).toEqual(recordsBefore.a);
      expect(await records(b.id)).toEqual(recordsBefore.b);
      expect(JSON.parse((await records(c.id))[1].payload)).toMatchObject({ catalogRevision: 2, partyCommitteeRef: republication.partyCommitteeRef });
      catalog = published;
    });
  });

  describe('DELETE /catalogs/:id/items/:decisionId (office): WITHDRAW before START_DRAFTING', () => {
    const withdraw = (token: string, decisionId: string, body: unknown = { reason: '决策事项不再需要' }, catalogId = catalog.id) =>
      t.http.delete(`/catalogs/${catalogId}/items/${decisionId}`).set(as(token)).send(body as object);

    it.each(['department', 'reviewer', 'auditor'] as const)('refuses the %s role with 403', async (who) => {
      await t.unchanged(async () => expectProblem(await withdraw(d.tokens[who], b.id, {}), 403, 'FORBIDDEN_ROLE'));
    });

    it('answers 404 outside the caller’s scope, for an unknown item and for an item of another catalog', async () => {
      await t.unchanged(async () => expectProblem(await withdraw(d.tokens.otherOffice, b.id, {}), 404, 'NOT_FOUND'));
      await t.unchanged(async () => expectProblem(await withdraw(d.tokens.office, randomUUID()), 404, 'NOT_FOUND'));
      const other = (await t.http.post('/catalogs').set(as(d.tokens.office)).send({ organId: d.units.gov.id, year: 2025 }).expect(201)).body as CatalogBody;
      await t.unchanged(async () => expectProblem(await withdraw(d.tokens.office, b.id, undefined, other.id), 404, 'NOT_FOUND'));
    });

    it.each([[{}], [{ reason: '' }], [{ reason: 7 }], [{ reason: '不再需要', withdrawnOn: '2026-03-01' }]])('refuses %j with 400, changing nothing', async (body) => {
      const problem = await t.unchanged(async () => expectProblem(await withdraw(d.tokens.office, b.id, body), 400, 'VALIDATION_FAILED'));
      expect(fieldsOf(problem).length).toBeGreaterThan(0);
    });

    it('withdraws a cataloged item: kept as withdrawn, with its WITHDRAW record dated today', async () => {
      const res = await withdraw(d.tokens.office, b.id).expect(200);
      const item = res.body as ItemBody;
      expect(item).toMatchObject({ id: b.id, stage: 'withdrawn', version: 3, title: b.title });
      expect(item.progress.find((p) => p.step === 'archive')?.status).toBe('not_required');
      const rows = await records(b.id);
      expect(rows.at(-1)).toMatchObject({ seq: 3, type: 'WITHDRAW', from_stage: 'cataloged', to_stage: 'withdrawn' });
      expect(JSON.parse(rows[2].payload)).toEqual({ withdrawnOn: today, reason: '决策事项不再需要' });
      expect(JSON.parse(rows[2].actor)).toEqual(officeActor());
      const shown = (await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.auditor)).expect(200)).body as CatalogBody;
      expect(shown.items?.find((i) => i.id === b.id)?.stage).toBe('withdrawn');
    });

    it('refuses an item whose procedure has started with 422 ITEM_ALREADY_STARTED (SC713-10), stored as a violation', async () => {
      const before = await records(a.id);
      const { result, changed } = await changedBy(async () => expectProblem(await withdraw(d.tokens.office, a.id), 422, 'ITEM_ALREADY_STARTED'));
      expect(changed).toEqual(['violation_attempt']);
      expect(result).toMatchObject({ decisionId: a.id, event: 'WITHDRAW', stage: 'drafting', legalBasis: [expect.objectContaining({ id: 'SC713-10' })] });
      expect(await records(a.id)).toEqual(before);
      expect((await violations()).at(-1)).toMatchObject({ decision_id: a.id, code: 'ITEM_ALREADY_STARTED', event: 'WITHDRAW' });
    });

    it('refuses to withdraw an item twice', async () => {
      const { result } = await changedBy(async () => expectProblem(await withdraw(d.tokens.office, b.id), 422, 'EVENT_NOT_ALLOWED_IN_STAGE'));
      expect(result.stage).toBe('withdrawn');
    });

    it('withdraws a proposed item, which no publication ever lists', async () => {
      const proposed = (await t.http.post(`/catalogs/${catalog.id}/items`).set(as(d.tokens.department)).send(itemB(d, { title: '社区养老服务设施布局规划' })).expect(201)).body as ItemBody;
      const res = await withdraw(d.tokens.office, proposed.id).expect(200);
      expect(res.body).toMatchObject({ stage: 'withdrawn' });
      const rows = await records(proposed.id);
      expect(rows.map((r) => [r.type, r.from_stage, r.to_stage])).toEqual([
        ['ITEM_PROPOSED', null, 'proposed'],
        ['WITHDRAW', 'proposed', 'withdrawn'],
      ]);
    });
  });

  it('keeps every catalog item’s record a valid hash chain (ITEM_PROPOSED, CATALOG_PUBLISHED, WITHDRAW)', async () => {
    const verifier = t.app.get(ChainVerifier);
    expect(await verifier.verifyDecision(a.id)).toEqual({ ok: true, events: 3 });
    expect(await verifier.verifyDecision(b.id)).toEqual({ ok: true, events: 3 });
    expect(await verifier.verifyDecision(c.id)).toEqual({ ok: true, events: 2 });
  });

  describe('GET /catalogs and GET /catalogs/:id', () => {
    let otherCatalog: CatalogBody;

    beforeAll(async () => {
      otherCatalog = (await t.http.post('/catalogs').set(as(d.tokens.otherOffice)).send({ organId: d.units.otherGov.id, year: 2026 }).expect(201)).body as CatalogBody;
    });

    const ids = (res: { body: unknown }) => (res.body as CatalogBody[]).map((x) => x.id);

    it('lists the catalogs in the caller’s scope, with X-Total-Count', async () => {
      const office = await t.http.get('/catalogs').set(as(d.tokens.office)).expect(200);
      expect(office.headers['x-total-count']).toBe('2');
      expect((office.body as CatalogBody[]).map((x) => [x.organId, x.year])).toEqual([
        [d.units.gov.id, 2026],
        [d.units.gov.id, 2025],
      ]);
      expect((office.body as CatalogBody[])[0]).toMatchObject({ id: catalog.id, status: 'published', revision: 2, itemCount: 4 });
      expect((office.body as CatalogBody[])[0].items).toBeUndefined();

      expect(ids(await t.http.get('/catalogs').set(as(d.tokens.department)).expect(200))).toEqual(ids(office));
      expect(ids(await t.http.get('/catalogs').set(as(d.tokens.reviewer)).expect(200))).toEqual(ids(office));
      expect(ids(await t.http.get('/catalogs').set(as(d.tokens.otherOffice)).expect(200))).toEqual([otherCatalog.id]);
      expect(ids(await t.http.get('/catalogs').set(as(d.tokens.otherDepartment)).expect(200))).toEqual([otherCatalog.id]);
      const auditor = await t.http.get('/catalogs').set(as(d.tokens.auditor)).expect(200);
      expect(auditor.headers['x-total-count']).toBe('3');
    });

    it('filters by year and organ, and pages', async () => {
      expect(ids(await t.http.get('/catalogs').query({ year: 2025 }).set(as(d.tokens.auditor)).expect(200))).toHaveLength(1);
      expect(ids(await t.http.get('/catalogs').query({ organId: d.units.otherGov.id }).set(as(d.tokens.auditor)).expect(200))).toEqual([otherCatalog.id]);
      // Another organ's filter does not widen an office's scope.
      expect(ids(await t.http.get('/catalogs').query({ organId: d.units.otherGov.id }).set(as(d.tokens.office)).expect(200))).toEqual([]);
      const page = await t.http.get('/catalogs').query({ page: 2, pageSize: 2 }).set(as(d.tokens.auditor)).expect(200);
      expect(page.headers['x-total-count']).toBe('3');
      expect(page.body).toHaveLength(1);
    });

    it.each([{ year: 'soon' }, { year: 1800 }, { organId: 'gov' }, { pageSize: 501 }, { page: 0 }, { status: 'published' }])('refuses the query %j with 400', async (query) => {
      expectProblem(await t.http.get('/catalogs').query(query).set(as(d.tokens.office)), 400, 'VALIDATION_FAILED');
    });

    it('refuses the administrator with 403: it is not a procedure actor', async () => {
      expectProblem(await t.http.get('/catalogs').set(as(d.tokens.admin)), 403, 'FORBIDDEN_ROLE');
      expectProblem(await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.admin)), 403, 'FORBIDDEN_ROLE');
    });

    it('shows one catalog with its items, each with stage, version and progress', async () => {
      const res = await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.department)).expect(200);
      const shown = res.body as CatalogBody;
      expect(shown).toMatchObject({ id: catalog.id, organId: d.units.gov.id, year: 2026, status: 'published', revision: 2 });
      expect(shown.items).toHaveLength(4);
      const first = shown.items![0] as unknown as ItemBody;
      expect(first).toMatchObject({ id: a.id, title: a.title, category: 'public_policy', undertakingUnitId: d.units.ndrc.id, stage: 'drafting', version: 3 });
      expect(first.progress.map((p) => p.step)).toEqual([
        'catalog',
        'start',
        'draft',
        'publicParticipation',
        'hearing',
        'expertArgumentation',
        'riskAssessment',
        'legalityReview',
        'revisions',
        'collectiveDiscussion',
        'partyCommitteeReport',
        'publication',
        'archive',
      ]);
      expect(first.progress.slice(0, 2).map((p) => p.status)).toEqual(['done', 'done']);
    });

    it('answers 404 outside the caller’s scope and for an unknown id', async () => {
      expectProblem(await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.otherOffice)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/catalogs/${catalog.id}`).set(as(d.tokens.otherDepartment)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/catalogs/${otherCatalog.id}`).set(as(d.tokens.office)), 404, 'NOT_FOUND');
      expectProblem(await t.http.get(`/catalogs/${randomUUID()}`).set(as(d.tokens.auditor)), 404, 'NOT_FOUND');
    });
  });

  describe('GET /public/catalogs', () => {
    const FORBIDDEN_KEYS = ['version', 'hash', 'lastHash', 'prevHash', 'actor', 'publishedBy', 'partyCommitteeRef', 'snapshot', 'state', 'progress', 'reason', 'requirements', 'publications', 'stage'];
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

    it('needs no token and shows published catalogs only, with the items of their last publication', async () => {
      // Proposed after the last publication: not shown until the catalog is published again.
      const pending = (await t.http.post(`/catalogs/${catalog.id}/items`).set(as(d.tokens.office)).send(itemA(d, { title: '公共停车场收费标准调整' })).expect(201)).body as ItemBody;

      const res = await t.http.get('/public/catalogs').expect(200);
      expect(res.headers['x-total-count']).toBe('1');
      const [shown] = res.body as Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }>;
      expect(shown).toEqual({
        id: catalog.id,
        organId: d.units.gov.id,
        organName: '前进区人民政府',
        year: 2026,
        revision: 2,
        publishedOn: '2026-03-10',
        itemCount: 3,
        items: [
          {
            id: a.id,
            title: '城区集中供热价格调整方案',
            category: 'public_policy',
            categoryLabel: '重大公共政策和措施',
            undertakingUnitId: d.units.ndrc.id,
            undertakingUnitName: '区发改局',
            legalBasis: itemA(d).legalBasis,
            requiredSteps: ['publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'partyCommitteeReport'],
            requiredStepLabels: ['公众参与', '听证会', '专家论证', '风险评估', '向同级党委请示报告'],
            plannedStartOn: '2026-03-02',
            plannedDecisionOn: '2026-12-31',
            withdrawn: false,
          },
          expect.objectContaining({ id: b.id, title: '老旧小区改造三年规划', requiredSteps: ['publicParticipation', 'riskAssessment', 'partyCommitteeReport'], withdrawn: true }),
          expect.objectContaining({ id: c.id, withdrawn: false }),
        ],
      });
      expect(shown.items.map((i) => i.id)).not.toContain(pending.id);
      const leaked = keysOf(res.body).filter((k) => FORBIDDEN_KEYS.includes(k));
      expect(leaked).toEqual([]);
    });

    it('filters by year and organ, and refuses a bad query with 400', async () => {
      expect((await t.http.get('/public/catalogs').query({ year: 2025 }).expect(200)).body).toEqual([]);
      expect((await t.http.get('/public/catalogs').query({ organId: d.units.otherGov.id }).expect(200)).body).toEqual([]);
      expect((await t.http.get('/public/catalogs').query({ organId: d.units.gov.id, year: 2026 }).expect(200)).body).toHaveLength(1);
      expectProblem(await t.http.get('/public/catalogs').query({ year: 'x' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.get('/public/catalogs').query({ organId: 'x' }), 400, 'VALIDATION_FAILED');
    });
  });
});

/** The approval members of CATALOG_PUBLISHED, as the fixture's publication sends them. */
const CATALOG_PUBLISHED_PAYLOAD = {
  partyCommitteeApprovedOn: CATALOG_PUBLICATION.partyCommitteeApprovedOn,
  partyCommitteeRef: CATALOG_PUBLICATION.partyCommitteeRef,
  publishedOn: CATALOG_PUBLICATION.publishedOn,
};

describe('test/support/catalog-fixture', () => {
  let t: TestApp;
  let d: District;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
  });
  afterAll(() => t.close());

  it('publishes the 2026 catalog of 前进区人民政府 holding items A and B, both cataloged', async () => {
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemA(d), itemB(d)]);
    expect(catalog).toMatchObject({ organId: d.units.gov.id, year: 2026, status: 'published', revision: 1 });
    expect(catalog.items?.map((i) => [i.id, i.title, i.stage])).toEqual([
      [decisionIds[0], '城区集中供热价格调整方案', 'cataloged'],
      [decisionIds[1], '老旧小区改造三年规划', 'cataloged'],
    ]);
  });

  it('called again, adds the new items to the same catalog and publishes its next revision', async () => {
    const { catalog, decisionIds } = await publishedCatalogWith(t, d, [itemB(d, { title: '城市公园绿地布局规划' })], { proposer: 'department', publishedOn: '2026-03-01' });
    expect(catalog).toMatchObject({ revision: 2 });
    expect(catalog.items?.find((i) => i.id === decisionIds[0])?.stage).toBe('cataloged');
    expect(catalog.items).toHaveLength(3);
  });
});
