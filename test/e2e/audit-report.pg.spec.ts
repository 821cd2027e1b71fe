/**
 * GET /audit/report on PostgreSQL: the same known year as the SQLite suite gives the same figures
 * (its JSON members are read with PostgreSQL's JSON operators), page by page too; an office's
 * scope; the Markdown and the workbook.
 */
import { AnnualReportService } from '../../src/audit/annual-report';
import { SHEETS } from '../../src/audit/annual-report.xlsx';
import { APP_CONFIG } from '../../src/config/app-config';
import { CLOCK } from '../../src/engine/engine.module';
import { OrgUnitsService } from '../../src/org-units/org-units.service';
import { ALL_2026, arrangeReportYear, binaryBody, figuresOf, GOV_2026, loadWorkbook, type ReportBody, type ReportYear } from '../support/annual-report-fixture';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app';

describe('GET /audit/report (PostgreSQL)', () => {
  let t: TestApp;
  let y: ReportYear;
  const get = (token: string, query: Record<string, string | number>) => t.http.get('/audit/report').query(query).set(t.bearer(token));

  beforeAll(async () => {
    t = await createTestApp({ postgres: true });
    y = await arrangeReportYear(t);
  });
  afterAll(() => t?.close());

  it('counts every organ’s year and one organ’s year as on SQLite', async () => {
    const all = await get(y.d.tokens.auditor, { year: 2026 });
    expect(all.status).toBe(200);
    expect(figuresOf(all.body as ReportBody)).toEqual(ALL_2026);
    const gov = await get(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id });
    expect(figuresOf(gov.body as ReportBody)).toEqual(GOV_2026);
  });

  it('adds up the same figures a page of decisions at a time', async () => {
    const service = new AnnualReportService(t.tx, t.app.get(OrgUnitsService), t.app.get(CLOCK), t.app.get(APP_CONFIG), 3);
    const auditor = { userId: y.d.userIds.auditor, username: 'yfzqb', roles: ['auditor' as const], orgUnitId: y.d.units.gov.id };
    expect(figuresOf((await service.report(auditor, 2026)) as unknown as ReportBody)).toEqual(ALL_2026);
  });

  it('gives an office its own organ, and refuses a department', async () => {
    const own = await get(y.d.tokens.office, { year: 2026 });
    expect((own.body as ReportBody).scope).toEqual({ organId: y.d.units.gov.id, organName: '前进区人民政府' });
    expect(figuresOf(own.body as ReportBody)).toEqual(GOV_2026);
    expectProblem(await get(y.d.tokens.department, { year: 2026 }), 403, 'FORBIDDEN_ROLE');
  });

  it('writes the Markdown section and the workbook from the same figures', async () => {
    const md = await get(y.d.tokens.auditor, { year: 2026, organId: y.d.units.gov.id, format: 'md' });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('全年共对 7 件重大行政决策事项进行合法性审查，送审 7 次，退回补充材料 1 次；作出审查结论 5 次，其中合法 2 次、修改后合法 1 次、不合法 1 次、探索性改革事项（已提示法律风险） 1 次。提出法律意见 6 条，采纳 1 条，采纳率 16.7%。');
    expect(md.text).toContain('| 前进区人民政府 | 人民政府 | 已公布 | 1 | 2026-02-15 | 11 |');

    const xlsx = await binaryBody(get(y.d.tokens.auditor, { year: 2026, format: 'xlsx' }));
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { wb, rows } = await loadWorkbook(xlsx.body);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...SHEETS]);
    expect(rows('目录覆盖率')).toEqual([
      ['层级', '机关数', '已公布目录', '覆盖率（%）'],
      ['人民政府', 2, 1, 50],
      ['政府工作部门', 4, 1, 25],
      ['街道办事处', 2, 1, 50],
      ['合计', 8, 3, 37.5],
    ]);
  });
});
