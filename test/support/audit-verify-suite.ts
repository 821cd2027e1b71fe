/**
 * The auditor verifies the record: one decision, or every decision of its organs, recomputed from
 * the rows as they are stored now. A row changed, a last row deleted or a stage altered — by an
 * insider with the rights to drop the append-only triggers — is named with its decision and seq.
 */
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, type District } from './district';
import { asInsider } from './insider';
import { createTestApp, expectProblem, type TestApp } from './test-app';

export function auditVerifySuite(postgres: boolean): void {
  describe(`GET /audit/verify and /audit/decisions/:id/verify (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let f: DecisionFixture;
    let a: string;
    let b: string;
    let foreign: string;

    beforeAll(async () => {
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
      f = decisionFixture(t, d);
      a = await f.decision({ title: 'A', through: [...TO_REVIEW] });
      b = await f.decision({ title: 'B', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      foreign = await f.decision({ title: '后进区的决策', organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: ['CATALOG_PUBLISHED'] });
    });
    afterAll(() => t.close());

    const verifyAll = (token: string) => t.http.get('/audit/verify').set(t.bearer(token));
    const verifyOne = (token: string, id: string) => t.http.get(`/audit/decisions/${id}/verify`).set(t.bearer(token));

    it('finds every chain whole, counting decisions and rows; an office counts its own organ only', async () => {
      const all = (await verifyAll(d.tokens.auditor).expect(200)).body as Record<string, unknown>;
      expect(all).toMatchObject({ ok: true, decisions: 3, events: 10 + 3 + 2, broken: [] });
      const own = (await verifyAll(d.tokens.office).expect(200)).body as Record<string, unknown>;
      expect(own).toMatchObject({ ok: true, decisions: 2, events: 13 });
      expect((await verifyOne(d.tokens.auditor, a).expect(200)).body).toMatchObject({ decisionId: a, ok: true, events: 10 });
    });

    it('is the auditor’s and the office’s: 403 for the other roles, 404 for another organ’s decision or none', async () => {
      for (const token of [d.tokens.department, d.tokens.reviewer, d.tokens.admin]) {
        expectProblem(await verifyAll(token), 403, 'FORBIDDEN_ROLE');
        expectProblem(await verifyOne(token, a), 403, 'FORBIDDEN_ROLE');
      }
      expectProblem(await verifyOne(d.tokens.office, foreign), 404, 'NOT_FOUND');
      expectProblem(await verifyOne(d.tokens.auditor, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
      expectProblem(await verifyOne(d.tokens.auditor, 'not-a-uuid'), 404, 'NOT_FOUND');
    });

    it('names a changed row, a deleted last row and an altered stage, each with its decision, seq and a reason', async () => {
      await asInsider(t, async (tx) => {
        await tx.execute("UPDATE procedure_record SET payload = '{\"startedOn\":\"2026-01-01\"}' WHERE decision_id = ? AND seq = 3", [a]);
        await tx.execute('DELETE FROM procedure_record WHERE decision_id = ? AND seq = 3', [b]);
        await tx.execute("UPDATE decision SET stage = 'published' WHERE id = ?", [foreign]);
      });
      const all = (await verifyAll(d.tokens.auditor).expect(200)).body as { ok: boolean; broken: Array<Record<string, unknown>> };
      expect(all.ok).toBe(false);
      expect(all.broken).toEqual(
        expect.arrayContaining([
          { decisionId: a, seq: 3, problem: 'hash', reason: expect.stringContaining('改动') as unknown },
          { decisionId: b, seq: 3, problem: 'tail', reason: expect.stringContaining('删除') as unknown },
          { decisionId: foreign, seq: 2, problem: 'stage', reason: expect.stringContaining('阶段') as unknown },
        ]),
      );
      expect(all.broken).toHaveLength(3);
      expect((await verifyOne(d.tokens.auditor, a).expect(200)).body).toMatchObject({ ok: false, brokenAtSeq: 3, problem: 'hash' });
      const own = (await verifyAll(d.tokens.office).expect(200)).body as { broken: Array<{ decisionId: string }> };
      expect(own.broken.map((x) => x.decisionId).sort()).toEqual([a, b].sort());
    });
  });
}
