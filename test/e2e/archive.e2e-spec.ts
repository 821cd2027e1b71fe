/**
 * The case file of a decision (GET /decisions/:id/archive): a zip of record.json, index.html and
 * materials.csv that holds the record whole, with hashes that recompute and the chain's verdict,
 * names every step and actor for print, and follows the scope of GET /decisions/:id.
 */
import JSZip from 'jszip';
import { eventLabel, stepLabel } from '../../workflows/major-decision/v1/labels';
import { TO_PUBLISHED } from '../../workflows/major-decision/v1/walk';
import { codeLabel } from '../../workflows/labels';
import { recordHash } from '../../src/engine/record-hash';
import { binary } from '../support/catalog-files';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { asInsider } from '../support/insider';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app';

interface RecordJson {
  decision: { id: string; title: string; lastHash: string; lastSeq: number; stage: string; organ: { name: string }; undertakingUnit: { name: string } };
  verification: { ok: boolean; events: number; brokenAtSeq?: number; problem?: string; reason?: string };
  record: Array<{
    seq: number;
    revision: number;
    type: string;
    payload: unknown;
    facts: unknown;
    actor: unknown;
    actorName: string | null;
    recordedAt: string;
    fromStage: string | null;
    toStage: string;
    prevHash: string;
    hash: string;
    step: string | null;
    material: { name: string; ref: string } | null;
  }>;
  violations: Array<{ code: string }>;
}

describe('the case file of a decision (一事一档)', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  /** Published and archived, with one refused skip on the way. */
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    id = await f.decision({ title: '城区集中供热价格调整方案', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
    const skip = await t.http
      .post(`/decisions/${id}/events`)
      .set(t.bearer(d.tokens.office))
      .send({ type: 'RECORD_DISCUSSION', payload: { ...(await f.payload(id, 'RECORD_DISCUSSION')), implementingUnitId: d.units.ndrc.id } });
    expect(skip.status).toBe(422);
    await f.advance(id, [...TO_PUBLISHED.slice(2), 'ARCHIVE']);
  });
  afterAll(async () => t?.close());

  const fetchZip = async (token: string, decisionId = id) => {
    const res = await t.http.get(`/decisions/${decisionId}/archive?format=zip`).set(t.bearer(token)).buffer(true).parse(binary);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: 'application/zip' });
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    return { res, zip, record: JSON.parse(await text('record.json')) as RecordJson, html: await text('index.html'), csv: await text('materials.csv') };
  };

  it('is a zip of record.json, index.html and materials.csv, named after the decision', async () => {
    const { res, zip } = await fetchZip(d.tokens.auditor);
    expect(Object.keys(zip.files).sort()).toEqual(['index.html', 'materials.csv', 'record.json']);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '')).toBe('城区集中供热价格调整方案-决策档案.zip');
  });

  it('record.json holds the record as the history shows it, every hash recomputes from its row, and the chain is whole', async () => {
    const { record } = await fetchZip(d.tokens.office);
    const history = (await t.http.get(`/decisions/${id}/history?pageSize=500`).set(t.bearer(d.tokens.office))).body as Array<{ seq: number; type: string; hash: string; prevHash: string }>;
    expect(record.record.map((r) => [r.seq, r.type, r.hash, r.prevHash])).toEqual(history.map((h) => [h.seq, h.type, h.hash, h.prevHash]));
    for (const r of record.record) {
      const { seq, revision, type, payload, facts, actor, recordedAt, fromStage, toStage, prevHash } = r;
      expect([seq, recordHash({ decisionId: id, seq, revision, type, payload, facts, actor, recordedAt, fromStage, toStage, prevHash })]).toEqual([seq, r.hash]);
    }
    expect(record.record[0].prevHash).toBe('0'.repeat(64));
    expect(record.decision).toMatchObject({ id, lastSeq: record.record.length, lastHash: record.record[record.record.length - 1].hash, organ: { name: '前进区人民政府' }, undertakingUnit: { name: '区发改局' } });
    expect(record.verification).toEqual({ ok: true, events: record.record.length });
    expect(record.violations.map((v) => v.code)).toEqual(['LEGALITY_REVIEW_REQUIRED']);
  });

  it('index.html, ready to print, names every step and every actor, with each row’s hash and the refused skip', async () => {
    const { html, record } = await fetchZip(d.tokens.auditor);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<h1>城区集中供热价格调整方案</h1>');
    expect(html).toContain('完整：');
    for (const r of record.record) {
      expect([r.seq, html.includes(r.hash)]).toEqual([r.seq, true]);
      expect([r.type, html.includes(eventLabel(r.type))]).toEqual([r.type, true]);
      if (r.step) expect([r.type, html.includes(stepLabel(r.step))]).toEqual([r.type, true]);
    }
    for (const actor of ['zfb（决策机关办公室）', 'fgj（决策承办单位）', 'sfj（合法性审查人员）']) expect(html).toContain(actor);
    expect(html).toContain('区司法局');
    expect(html).toContain('《重大行政决策程序暂行条例》第二十五条、第二十六条');
    expect(html).toContain(codeLabel('LEGALITY_REVIEW_REQUIRED'));
    expect(html).not.toMatch(/RECORD_DISCUSSION|LEGALITY_REVIEW_REQUIRED|SC713-|undefined|null/);
  });

  it('materials.csv lists the material each row filed, with its reference and hash', async () => {
    const { csv, record } = await fetchZip(d.tokens.department);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,记录序号,日期,环节,办理事项,材料,文号或说明,经办人,经办单位,记录时间,记录哈希值');
    const filed = record.record.filter((r) => r.material);
    expect(lines).toHaveLength(filed.length + 1);
    const draft = record.record.find((r) => r.type === 'RECORD_DRAFT') as RecordJson['record'][number];
    expect(lines.find((l) => l.includes(draft.hash))).toContain(`,${stepLabel('draft')},${eventLabel('RECORD_DRAFT')},决策草案,${(draft.payload as { draftVersion: string }).draftVersion},fgj,区发改局,`);
    expect(lines.some((l) => l.includes(',集体讨论决定会议纪要,常务会议'))).toBe(true);
  });

  it('shows a chain that no longer holds once a stored row is changed past the append-only triggers', async () => {
    const other = await f.decision({ title: '公交线网优化方案', through: ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT'] });
    await asInsider(t, async (tx) => {
      await tx.execute("UPDATE procedure_record SET payload = REPLACE(payload, '决策草案', '改过的草案') WHERE decision_id = ? AND seq = 4", [other]);
    });
    const { record, html } = await fetchZip(d.tokens.auditor, other);
    expect(record.verification).toMatchObject({ ok: false, brokenAtSeq: 4, problem: 'hash' });
    expect(html).toContain('不完整：自第 4 条起不符');
  });

  it('follows the scope of GET /decisions/:id: 404 outside it, 403 for the administrator, 400 for another format', async () => {
    for (const token of [d.tokens.healthDepartment, d.tokens.otherOffice, d.tokens.otherReviewer]) {
      expectProblem(await t.http.get(`/decisions/${id}/archive`).set(t.bearer(token)), 404, 'NOT_FOUND');
    }
    expectProblem(await t.http.get('/decisions/not-a-uuid/archive').set(t.bearer(d.tokens.auditor)), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`/decisions/${id}/archive`).set(t.bearer(d.tokens.admin)), 403, 'FORBIDDEN_ROLE');
    const problem = expectProblem(await t.http.get(`/decisions/${id}/archive?format=pdf`).set(t.bearer(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toEqual(['format']);
    await t.http.get(`/decisions/${id}/archive`).set(t.bearer(d.tokens.reviewer)).expect(200);
  });
});
