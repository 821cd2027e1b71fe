/**
 * GET /audit/report: the year's figures the way the annual 法治政府建设 report counts them, on a
 * year whose counts are known (test/support/annual-report-fixture.ts), as JSON, as the Markdown
 * section of the report and as a workbook; who may read it, and for which organs.
 */
import type ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { AnnualReportService } from '../../src/audit/annual-report';
import { SHEETS } from '../../src/audit/annual-report.xlsx';
import { APP_CONFIG } from '../../src/config/app-config';
import { CLOCK } from '../../src/engine/engine.module';
import { OrgUnitsService } from '../../src/org-units/org-units.service';
import { ALL_2026, arrangeReportYear, binaryBody, figuresOf, GOV_2026, loadWorkbook, type ReportBody, type ReportYear } from '../support/annual-report-fixture';
import { createDistrict } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

describe('GET /audit/report', () => {
  let t: TestApp;
  let y: ReportYear;
  const get = (token: string, query: Record<string, string | number>) => t.http.get('/audit/report').query(query).set(t.bearer(token));
  const report = async (token: string, query: Record<string, string | number>): Promise<ReportBody> => {
    const res = await get(token, query);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return res.body as ReportBody;
  };
  const withoutTime = (r: ReportBody) => ({ ...r, generatedAt: undefined });

  beforeAll(async () => {
    t = await createTestApp();
    y = await arrangeReportYear(t);
  });
  afterAll(() => t?.close());

  describe('the figures', () => {
    it('counts every organ’s year: coverage per level, stages, reviews and opinions, participation, refusals, overdue steps', async () => {
      const r = await report(y.d.tokens.auditor, { year: 2026 });
      expect(r.year).toBe(2026);
      expect(r.scope).toEqual({ organId: null, organName: null });
      expect(Date.parse(r.generatedAt)).not.toBeNaN();
      expect(figuresOf(r)).toEqual(ALL_2026);
    });

    it('counts one organ’s year, and only the decisions of that year’s catalog', async () => {
      const r = await report(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id });
      expect(r.scope).toEqual({ organId: y.d.units.gov.id, organName: '前进区人民政府' });
      expect(figuresOf(r)).toEqual(GOV_2026);
    });

    it('gives every stage, conclusion and refusal category with its Chinese name, zeros included', async () => {
      const r = await report(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id });
      expect(r.decisions.byStage.map((s) => s.stage)).toEqual([
        'proposed',
        'cataloged',
        'drafting',
        'legality_review',
        'revising',
        'awaiting_discussion',
        'decided',
        'reported',
        'published',
        'rejected',
        'withdrawn',
      ]);
      expect(r.decisions.byStage.find((s) => s.stage === 'legality_review')).toEqual({ stage: 'legality_review', label: '合法性审查中', count: 1 });
      expect(r.legalityReview.byConclusion.find((c) => c.conclusion === 'unlawful')).toEqual({ conclusion: 'unlawful', label: '不合法', count: 1 });
      expect(r.refusals.byCategory.find((c) => c.category === 'content')).toEqual({ category: 'content', label: '缺少法定内容', count: 0 });
      expect(r.refusals.skips).toEqual([
        { code: 'DRAFTING_NOT_STARTED', meaning: '未启动决策程序即开展后续环节', count: 1 },
        { code: 'LEGALITY_REVIEW_REQUIRED', meaning: '未经合法性审查', count: 1 },
      ]);
      expect(r.deadlines.byStep[1]).toEqual({ step: 'legalityReview', label: '合法性审查', overdue: 2, doneLate: 1, notDone: 1 });
    });

    it('counts another year apart: the 2025 decision, its refusal and its overdue archive', async () => {
      const r = figuresOf(await report(y.d.tokens.auditor, { year: 2025, organId: y.d.units.gov.id }));
      expect(r.decisions).toEqual({ total: 1, complete: 0, completedWithAllSteps: 0, byStage: { published: 1 } });
      expect(r.legalityReview).toMatchObject({ decisionsSubmitted: 1, concluded: 1, byConclusion: { lawful: 1 }, opinionsGiven: 1, opinionsAdopted: 0, adoptionRatePercent: 0 });
      expect(r.refusals.byCode).toEqual([['DATE_IN_FUTURE', 'form', 1]]);
      expect(r.deadlines.byStep).toEqual([['archive', 1, 0, 1]]);
      // The 2025 catalog of the fixture was never published.
      expect(r.coverage.government).toEqual([0, 1, 0]);
      expect(r.organs).toEqual([['前进区人民政府', 'government', 'draft', 0, null, 1]]);
    });

    it('gives nothing to divide by as null: a year without decisions or catalogs', async () => {
      const r = await report(y.d.tokens.auditor, { year: 2031 });
      expect(r.decisions.total).toBe(0);
      expect(r.legalityReview.adoptionRatePercent).toBeNull();
      expect(r.catalogs.coverage.map((c) => [c.level, c.published, c.organs, c.ratePercent])).toEqual([
        ['government', 0, 2, 0],
        ['department', 0, 4, 0],
        ['street', 0, 2, 0],
      ]);
    });

    it('adds up the same figures a page of decisions at a time', async () => {
      const service = new AnnualReportService(t.tx, t.app.get(OrgUnitsService), t.app.get(CLOCK), t.app.get(APP_CONFIG), 2);
      const auditor = { userId: y.d.userIds.auditor, username: 'yfzqb', roles: ['auditor' as const], orgUnitId: y.d.units.gov.id };
      expect(figuresOf((await service.report(auditor, 2026)) as unknown as ReportBody)).toEqual(ALL_2026);
      expect(figuresOf((await service.report(auditor, 2026, y.d.units.gov.id)) as unknown as ReportBody)).toEqual(GOV_2026);
    });
  });

  describe('who reads it', () => {
    it('gives an office its own organ’s report, with or without organId', async () => {
      const own = await report(y.d.tokens.office, { year: 2026 });
      expect(own.scope).toEqual({ organId: y.d.units.gov.id, organName: '前进区人民政府' });
      expect(figuresOf(own)).toEqual(GOV_2026);
      expect(withoutTime(await report(y.d.tokens.office, { year: 2026, organId: y.d.units.gov.id }))).toEqual(withoutTime(own));
    });

    it('gives a department’s office its own catalog and decisions, and the neighbour’s office only its own', async () => {
      const ndrc = figuresOf(await report(y.tokens.ndrcOffice, { year: 2026 }));
      expect(ndrc.coverage).toEqual({ government: [0, 0, null], department: [1, 1, 100], street: [0, 0, null] });
      expect(ndrc.organs).toEqual([['区发改局', 'department', 'published', 1, '2026-03-06', 1]]);
      expect(ndrc.decisions).toEqual({ total: 1, complete: 0, completedWithAllSteps: 0, byStage: { cataloged: 1 } });

      const neighbour = figuresOf(await report(y.d.tokens.otherOffice, { year: 2026 }));
      expect(neighbour.coverage.government).toEqual([0, 1, 0]);
      expect(neighbour.decisions).toEqual({ total: 1, complete: 0, completedWithAllSteps: 0, byStage: { legality_review: 1 } });
      expect(neighbour.refusals.byCode).toEqual([['LEGALITY_REVIEW_REQUIRED', 'skip', 1]]);
      expect(neighbour.deadlines.byStep).toEqual([['legalityReview', 1, 0, 1]]);
    });

    it('counts nothing for an office asking for another organ', async () => {
      const r = await report(y.d.tokens.office, { year: 2026, organId: y.d.units.otherGov.id });
      expect(r.scope).toEqual({ organId: y.d.units.otherGov.id, organName: '后进区人民政府' });
      const f = figuresOf(r);
      expect([f.coverageTotal, f.organs, f.decisions.total, f.refusals.total, f.deadlines.overdueSteps, f.legalityReview.submissions]).toEqual([[0, 0, null], [], 0, 0, 0, 0]);
    });

    it.each([
      ['department', 'department'],
      ['legal_reviewer', 'reviewer'],
      ['admin', 'admin'],
    ] as const)('refuses %s (403)', async (_role, key) => {
      for (const format of ['json', 'md', 'xlsx']) expectProblem(await get(y.d.tokens[key], { year: 2026, format }), 403, 'FORBIDDEN_ROLE');
    });

    it('refuses a request without a token (401)', async () => {
      expectProblem(await t.http.get('/audit/report').query({ year: 2026 }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('bad queries (400 naming the field)', () => {
    it.each([
      ['no year', {}, 'year'],
      ['a year that is no number', { year: 'twenty' }, 'year'],
      ['a year that is no integer', { year: '2026.5' }, 'year'],
      ['a year before 2000', { year: 1999 }, 'year'],
      ['a year after 2999', { year: 3000 }, 'year'],
      ['an unknown format', { year: 2026, format: 'pdf' }, 'format'],
      ['an empty format', { year: 2026, format: '' }, 'format'],
      ['an organId that is no UUID', { year: 2026, organId: 'gov' }, 'organId'],
      ['an unknown member', { year: 2026, organ: 'gov' }, 'organ'],
    ])('%s', async (_what, query, field) => {
      const body = expectProblem(await get(y.d.tokens.auditor, query), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(body)).toContain(field);
    });

    it('an organId that names no unit', async () => {
      const body = expectProblem(await get(y.d.tokens.auditor, { year: 2026, organId: '00000000-0000-4000-8000-000000000000' }), 400, 'ORG_UNIT_NOT_FOUND');
      expect(fieldsOf(body)).toEqual(['organId']);
    });
  });

  describe('format=md', () => {
    let md: string;
    let json: ReportBody;
    beforeAll(async () => {
      const res = await get(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id, format: 'md' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      md = res.text;
      json = await report(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id });
    });

    it('is a section of the annual report: its title, and a sentence per part with the JSON’s numbers', () => {
      expect(md.startsWith('## 前进区人民政府2026年度重大行政决策情况\n')).toBe(true);
      for (const sentence of [
        '2026年度，纳入统计的 1 个机关中，1 个公布了年度重大行政决策事项目录，目录覆盖率 100%。其中人民政府 1/1 个（100%），政府工作部门 0/0 个（—），街道办事处 0/0 个（—）。各机关年度目录共列入重大行政决策事项 11 件。',
        '年度目录所列 11 件重大行政决策事项中，已公布 2 件，其中履行全部法定程序并立卷归档 1 件；决定不予通过 0 件，撤回 1 件；已办结（含不予通过、撤回后归档）1 件。',
        '全年共对 7 件重大行政决策事项进行合法性审查，送审 7 次，退回补充材料 1 次；作出审查结论 5 次，其中合法 2 次、修改后合法 1 次、不合法 1 次、探索性改革事项（已提示法律风险） 1 次。提出法律意见 6 条，采纳 1 条，采纳率 16.7%。',
        '全年公开征求意见 7 次（已结束 7 次），通过座谈会、问卷调查等其他方式听取意见 1 次，举行听证会 7 次，组织专家论证 7 次，开展风险评估 7 次；决策草案经政府常务会议或者全体会议集体讨论 2 次，向同级党委请示报告 2 次，公布重大行政决策 2 次，立卷归档 1 件。',
        '全年系统拒绝不符合法定程序的操作 4 次，其中跳过法定环节 2 次、未给足法定期限 1 次、缺少法定内容 0 次、日期或者形式不符 1 次。',
        '全年共有 5 个决策程序环节超过期限，涉及 5 件决策事项；其中逾期后完成 1 个，尚未完成 4 个。',
      ]) {
        expect(md).toContain(sentence);
      }
      expect(md).toContain(`生成时间：`);
      expect(md).toContain(`采纳率 ${json.legalityReview.adoptionRatePercent}%`);
    });

    it('has the tables: coverage per level, catalogs per organ, stages, conclusions, procedure steps, refusals by category and code, overdue steps', () => {
      for (const table of [
        ['| 层级 | 机关数 | 已公布目录 | 覆盖率 |', '| --- | --- | --- | --- |', '| 人民政府 | 1 | 1 | 100% |', '| 政府工作部门 | 0 | 0 | — |', '| 街道办事处 | 0 | 0 | — |', '| 合计 | 1 | 1 | 100% |'],
        ['| 机关 | 层级 | 目录状态 | 公布次数 | 首次公布日期 | 事项数 |', '| --- | --- | --- | --- | --- | --- |', '| 前进区人民政府 | 人民政府 | 已公布 | 1 | 2026-02-15 | 11 |'],
        ['| 阶段 | 件数 |', '| --- | --- |', '| 拟列入目录 | 0 |', '| 已列入目录 | 2 |', '| 决策草案形成中 | 3 |', '| 合法性审查中 | 1 |'],
        ['| 审查结论 | 次数 |', '| --- | --- |', '| 合法 | 2 |', '| 修改后合法 | 1 |', '| 不合法 | 1 |', '| 探索性改革事项（已提示法律风险） | 1 |'],
        ['| 程序环节 | 次数 |', '| --- | --- |', '| 公开征求意见 | 7 |', '| 公开征求意见结束 | 7 |', '| 其他方式听取意见 | 1 |', '| 听证会 | 7 |', '| 专家论证 | 7 |', '| 风险评估 | 7 |', '| 集体讨论 | 2 |'],
        ['| 类别 | 次数 |', '| --- | --- |', '| 跳过法定环节 | 2 |', '| 未给足法定期限 | 1 |', '| 缺少法定内容 | 0 |', '| 日期或者形式不符 | 1 |'],
        [
          '| 代码 | 含义 | 类别 | 次数 |',
          '| --- | --- | --- | --- |',
          '| DRAFTING_NOT_STARTED | 未启动决策程序即开展后续环节 | 跳过法定环节 | 1 |',
          '| LEGALITY_REVIEW_REQUIRED | 未经合法性审查 | 跳过法定环节 | 1 |',
          '| COMMENT_PERIOD_TOO_SHORT | 公开征求意见期限不足30日 | 未给足法定期限 | 1 |',
          '| DATE_IN_FUTURE | 记录日期晚于当日 | 日期或者形式不符 | 1 |',
        ],
        ['| 环节 | 超期 | 逾期后完成 | 尚未完成 |', '| --- | --- | --- | --- |', '| 启动决策程序 | 1 | 0 | 1 |', '| 合法性审查 | 2 | 1 | 1 |', '| 材料归档 | 2 | 0 | 2 |'],
      ]) {
        expect(md).toContain(table.join('\n'));
      }
      expect(md.match(/^### /gm)).toHaveLength(6);
    });

    it('speaks of every organ when no organ is named', async () => {
      const res = await get(y.d.tokens.auditor, { year: 2026, format: 'md' });
      expect(res.text.startsWith('## 全部机关2026年度重大行政决策情况\n')).toBe(true);
      expect(res.text).toContain('2026年度，纳入统计的 8 个机关中，3 个公布了年度重大行政决策事项目录，目录覆盖率 37.5%。其中人民政府 1/2 个（50%），政府工作部门 1/4 个（25%），街道办事处 1/2 个（50%）。');
      expect(res.text).toContain('| 区司法局 | 政府工作部门 | 未编制 | 0 | — | 0 |');
      expect(res.text).toContain('| 后进区人民政府 | 人民政府 | 未公布 | 0 | — | 1 |');
    });
  });

  describe('format=xlsx', () => {
    let res: Response;
    let wb: ExcelJS.Workbook;
    let rows: (sheet: string) => unknown[][];
    beforeAll(async () => {
      res = await binaryBody(get(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id, format: 'xlsx' }));
      ({ wb, rows } = await loadWorkbook(res.body));
    });

    it('is an attachment with a Chinese file name (RFC 5987) and the workbook’s content type', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="major-decisions-2026\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%.\-_]+$/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('前进区人民政府2026年度重大行政决策统计.xlsx');
      expect(Number(res.headers['content-length'])).toBe((res.body as Buffer).length);
    });

    it('has one sheet per table, with Chinese names and headers', () => {
      expect(wb.worksheets.map((ws) => ws.name)).toEqual([...SHEETS]);
      expect(Object.fromEntries(SHEETS.map((name) => [name, rows(name)[0]]))).toEqual({
        概况: ['项目', '内容'],
        目录覆盖率: ['层级', '机关数', '已公布目录', '覆盖率（%）'],
        各机关目录: ['机关', '层级', '目录状态', '公布次数', '首次公布日期', '事项数'],
        决策事项: ['阶段', '件数'],
        合法性审查: ['项目', '数量'],
        公众参与: ['程序环节', '次数'],
        决策程序: ['程序环节', '次数'],
        违规类别: ['类别', '次数'],
        违规尝试: ['代码', '含义', '类别', '次数'],
        超期环节: ['环节', '超期', '逾期后完成', '尚未完成'],
      });
    });

    it('holds the JSON’s numbers as numbers', () => {
      expect(rows('目录覆盖率').slice(1)).toEqual([
        ['人民政府', 1, 1, 100],
        ['政府工作部门', 0, 0],
        ['街道办事处', 0, 0],
        ['合计', 1, 1, 100],
      ]);
      expect(rows('各机关目录').slice(1)).toEqual([['前进区人民政府', '人民政府', '已公布', 1, '2026-02-15', 11]]);
      expect(rows('合法性审查').slice(1)).toEqual([
        ['送审事项（件）', 7],
        ['送审（次）', 7],
        ['退回补充材料（次）', 1],
        ['作出审查结论（次）', 5],
        ['审查结论：合法（次）', 2],
        ['审查结论：修改后合法（次）', 1],
        ['审查结论：不合法（次）', 1],
        ['审查结论：探索性改革事项（已提示法律风险）（次）', 1],
        ['提出法律意见（条）', 6],
        ['说明采纳情况的法律意见（条）', 2],
        ['采纳法律意见（条）', 1],
        ['采纳率（%）', 16.7],
      ]);
      expect(rows('公众参与').slice(1)).toEqual([
        ['公开征求意见', 7],
        ['公开征求意见结束', 7],
        ['其他方式听取意见', 1],
        ['听证会', 7],
        ['专家论证', 7],
        ['风险评估', 7],
      ]);
      expect(rows('决策程序').slice(1)).toEqual([
        ['集体讨论', 2],
        ['向党委请示报告', 2],
        ['决策公布', 2],
        ['立卷归档', 1],
      ]);
      expect(rows('违规类别').slice(1)).toEqual([
        ['跳过法定环节', 2],
        ['未给足法定期限', 1],
        ['缺少法定内容', 0],
        ['日期或者形式不符', 1],
      ]);
      expect(rows('违规尝试').slice(1)).toEqual([
        ['DRAFTING_NOT_STARTED', '未启动决策程序即开展后续环节', '跳过法定环节', 1],
        ['LEGALITY_REVIEW_REQUIRED', '未经合法性审查', '跳过法定环节', 1],
        ['COMMENT_PERIOD_TOO_SHORT', '公开征求意见期限不足30日', '未给足法定期限', 1],
        ['DATE_IN_FUTURE', '记录日期晚于当日', '日期或者形式不符', 1],
      ]);
      expect(rows('超期环节').slice(1)).toEqual([
        ['启动决策程序', 1, 0, 1],
        ['合法性审查', 2, 1, 1],
        ['材料归档', 2, 0, 2],
      ]);
      expect(rows('决策事项').slice(1).find((r) => r[0] === '决策草案形成中')).toEqual(['决策草案形成中', 3]);
      expect(rows('概况').slice(1, 3)).toEqual([
        ['年度', 2026],
        ['统计范围', '前进区人民政府'],
      ]);
    });

    it('names every organ’s workbook after the year alone', async () => {
      const all = await binaryBody(get(y.d.tokens.auditor, { year: 2026, format: 'xlsx' }));
      expect(decodeURIComponent(String(all.headers['content-disposition']).split("UTF-8''")[1])).toBe('全部机关2026年度重大行政决策统计.xlsx');
    });
  });
});

describe('GET /audit/report: refusals on no decision', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('counts a refused catalog publication in the year (business time) it was attempted, for its organ', async () => {
    const d = await createDistrict(t);
    const office = t.bearer(d.tokens.office);
    const catalog = await t.http.post('/catalogs').set(office).send({ organId: d.units.gov.id, year: 2026 });
    expect(catalog.status).toBe(201);
    const refused = await t.http
      .post(`/catalogs/${(catalog.body as { id: string }).id}/publish`)
      .set(office)
      .send({ partyCommitteeApprovedOn: '2026-02-10', partyCommitteeRef: '区委常委会会议纪要〔2026〕3号', publishedOn: '2026-02-15' });
    expectProblem(refused, 422, 'NOTHING_TO_PUBLISH');

    const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const codes = async (year: number, organId?: string) => {
      const res = await t.http
        .get('/audit/report')
        .query({ year, ...(organId ? { organId } : {}) })
        .set(t.bearer(d.tokens.auditor));
      expect(res.status).toBe(200);
      return (res.body as ReportBody).refusals.byCode.map((c) => [c.code, c.category, c.count]);
    };
    expect(await codes(thisYear)).toEqual([['NOTHING_TO_PUBLISH', 'form', 1]]);
    expect(await codes(thisYear, d.units.gov.id)).toEqual([['NOTHING_TO_PUBLISH', 'form', 1]]);
    expect(await codes(thisYear, d.units.otherGov.id)).toEqual([]);
    expect(await codes(thisYear - 1)).toEqual([]);
    expect(await codes(thisYear + 1)).toEqual([]);
  });
});
