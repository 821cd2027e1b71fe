/** `/workflows`: the procedure definitions and their statecharts as Mermaid, for any signed-in user. */
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

describe('workflows', () => {
  let t: TestApp;
  let d: District;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
  });
  afterAll(() => t.close());

  describe('GET /workflows', () => {
    it('lists every definition with its stages, events, steps and who sends each event', async () => {
      const stages = ['proposed', 'cataloged', 'drafting', 'legality_review', 'revising', 'awaiting_discussion', 'decided', 'reported', 'published', 'rejected', 'withdrawn'];
      for (const token of [d.tokens.department, d.tokens.auditor, d.tokens.admin]) {
        const res = await t.http.get('/workflows').set(t.bearer(token)).expect(200);
        // Both versions of major-decision: cases started on version 1 go on under it.
        expect(res.body).toEqual([
          expect.objectContaining({ id: 'major-decision', version: 1, stages, systemEvents: ['CATALOG_PUBLISHED'] }),
          expect.objectContaining({ id: 'major-decision', version: 2, stages, systemEvents: ['CATALOG_PUBLISHED'] }),
        ]);
      }
      const [wf] = (await t.http.get('/workflows').set(t.bearer(d.tokens.office)).expect(200)).body as Array<{
        events: string[];
        steps: string[];
        actors: Record<string, { role: string; unit: string }>;
      }>;
      expect(wf.events).toEqual(expect.arrayContaining(['START_DRAFTING', 'SUBMIT_LEGALITY_REVIEW', 'CONCLUDE_REVIEW', 'PUBLISH', 'ARCHIVE', 'WITHDRAW']));
      expect(wf.steps[0]).toBe('catalog');
      expect(wf.steps.at(-1)).toBe('archive');
      expect(Object.keys(wf.actors).sort()).toEqual([...wf.events].sort());
      expect(wf.actors.START_DRAFTING).toEqual({ role: 'office', unit: 'organ' });
      expect(wf.actors.CONCLUDE_REVIEW).toEqual({ role: 'legal_reviewer', unit: 'reviewing_government' });
      expect(wf.actors.RECORD_IMPLEMENTATION_REPORT).toEqual({ role: 'department', unit: 'implementing' });
    });

    it('needs a token', async () => {
      expectProblem(await t.http.get('/workflows'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.get('/workflows/major-decision/1/diagram'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /workflows/:id/:version/diagram', () => {
    it('answers the statechart as Mermaid stateDiagram-v2 text', async () => {
      for (const query of ['?format=mermaid', '']) {
        const res = await t.http.get(`/workflows/major-decision/1/diagram${query}`).set(t.bearer(d.tokens.reviewer)).expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        expect(res.text.split('\n')[0]).toBe('stateDiagram-v2');
        for (const stage of ['proposed', 'legality_review', 'awaiting_discussion', 'published']) expect(res.text).toContain(stage);
        expect(res.text).toContain('SUBMIT_LEGALITY_REVIEW');
      }
    });

    it('answers each version its own diagram: in version 2 a report the party committee returns goes back to drafting (SC713-31)', async () => {
      const v1 = (await t.http.get('/workflows/major-decision/1/diagram').set(t.bearer(d.tokens.office)).expect(200)).text;
      const v2 = (await t.http.get('/workflows/major-decision/2/diagram').set(t.bearer(d.tokens.office)).expect(200)).text;
      expect(v2.split('\n')[0]).toBe('stateDiagram-v2');
      expect(v2).toContain('decided --> drafting: REPORT_TO_PARTY_COMMITTEE');
      expect(v1).not.toContain('decided --> drafting: REPORT_TO_PARTY_COMMITTEE');
    });

    it('404 for an unknown definition or version, before a bad format', async () => {
      for (const path of ['/workflows/minor-decision/1/diagram', '/workflows/major-decision/3/diagram', '/workflows/major-decision/one/diagram', '/workflows/major-decision/01/diagram']) {
        expectProblem(await t.http.get(path).set(t.bearer(d.tokens.office)), 404, 'NOT_FOUND');
        expectProblem(await t.http.get(`${path}?format=svg`).set(t.bearer(d.tokens.office)), 404, 'NOT_FOUND');
      }
    });

    it('400 naming format for any format but mermaid', async () => {
      for (const query of ['?format=svg', '?format=', '?format=mermaid&format=mermaid', '?format=MERMAID']) {
        const res = await t.http.get(`/workflows/major-decision/1/diagram${query}`).set(t.bearer(d.tokens.office));
        expect(fieldsOf(expectProblem(res, 400, 'VALIDATION_FAILED'))).toEqual(['format']);
      }
    });
  });
});
