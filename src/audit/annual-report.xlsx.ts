/**
 * The annual report as an XLSX workbook (exceljs): one sheet per table, Chinese sheet names and
 * headers, numbers as numbers (percentages as the JSON's percent figure, blank where it is null).
 */
import ExcelJS from 'exceljs';
import type { AnnualReport } from './annual-report';
import { decisionMakingRows, participationRows, scopeName, STATUS_LABELS } from './annual-report.markdown';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | null;

/** Sheet names in workbook order (at most 31 characters each, as Excel allows). */
export const SHEETS = ['概况', '目录覆盖率', '各机关目录', '决策事项', '合法性审查', '公众参与', '决策程序', '违规类别', '违规尝试', '超期环节'] as const;

export async function renderWorkbook(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '重大行政决策程序系统';
  wb.created = new Date(r.generatedAt);
  const sheet = (name: (typeof SHEETS)[number], headers: string[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[headers[i], ...rows.map((row) => row[i])].map((v) => displayWidth(v)));
      col.width = Math.min(60, Math.max(10, widest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const c = r.catalogs;
  const lr = r.legalityReview;
  const dl = r.deadlines;

  sheet(
    '概况',
    ['项目', '内容'],
    [
      ['年度', r.year],
      ['统计范围', scopeName(r)],
      ['生成时间', r.generatedAt],
      ['纳入统计的机关', c.total.organs],
      ['公布年度目录的机关', c.total.published],
      ['目录覆盖率（%）', c.total.ratePercent],
      ['目录所列决策事项', r.decisions.total],
      ['履行全部法定程序并归档', r.decisions.completedWithAllSteps],
      ['合法性审查事项', lr.decisionsSubmitted],
      ['提出法律意见（条）', lr.opinionsGiven],
      ['采纳法律意见（条）', lr.opinionsAdopted],
      ['法律意见采纳率（%）', lr.adoptionRatePercent],
      ['拒绝的违反程序操作', r.refusals.total],
      ['超期环节', dl.overdueSteps],
    ],
  );
  sheet(
    '目录覆盖率',
    ['层级', '机关数', '已公布目录', '覆盖率（%）'],
    [...c.coverage.map((v) => [v.label, v.organs, v.published, v.ratePercent]), ['合计', c.total.organs, c.total.published, c.total.ratePercent]],
  );
  sheet(
    '各机关目录',
    ['机关', '层级', '目录状态', '公布次数', '首次公布日期', '事项数'],
    c.organs.map((o) => [o.organName, c.coverage.find((v) => v.level === o.kind)?.label ?? o.kind, STATUS_LABELS[o.status], o.publications, o.firstPublishedOn, o.items]),
  );
  sheet(
    '决策事项',
    ['阶段', '件数'],
    r.decisions.byStage.map((s) => [s.label, s.count]),
  );
  sheet(
    '合法性审查',
    ['项目', '数量'],
    [
      ['送审事项（件）', lr.decisionsSubmitted],
      ['送审（次）', lr.submissions],
      ['退回补充材料（次）', lr.returned],
      ['作出审查结论（次）', lr.concluded],
      ...lr.byConclusion.map((x): Cell[] => [`审查结论：${x.label}（次）`, x.count]),
      ['提出法律意见（条）', lr.opinionsGiven],
      ['说明采纳情况的法律意见（条）', lr.opinionsAnswered],
      ['采纳法律意见（条）', lr.opinionsAdopted],
      ['采纳率（%）', lr.adoptionRatePercent],
    ],
  );
  sheet('公众参与', ['程序环节', '次数'], participationRows(r));
  sheet('决策程序', ['程序环节', '次数'], decisionMakingRows(r));
  sheet(
    '违规类别',
    ['类别', '次数'],
    r.refusals.byCategory.map((x) => [x.label, x.count]),
  );
  sheet(
    '违规尝试',
    ['代码', '含义', '类别', '次数'],
    r.refusals.byCode.map((x) => [x.code, x.meaning, r.refusals.byCategory.find((k) => k.category === x.category)?.label ?? x.category, x.count]),
  );
  sheet(
    '超期环节',
    ['环节', '超期', '逾期后完成', '尚未完成'],
    dl.byStep.map((s) => [s.label, s.overdue, s.doneLate, s.notDone]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Columns a value takes: a CJK character counts two. */
function displayWidth(v: Cell | undefined): number {
  if (v === null || v === undefined) return 0;
  let w = 0;
  for (const ch of String(v)) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266, RFC 5987): an ASCII name for old
 * clients, the Chinese one percent-encoded as UTF-8 (every byte outside RFC 5987's attr-char).
 */
export function contentDisposition(asciiName: string, name: string): string {
  const encoded = Array.from(new TextEncoder().encode(name), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** The workbook's file name: the organ, the year and what it holds. */
export function workbookName(r: AnnualReport): { ascii: string; name: string } {
  return { ascii: `major-decisions-${r.year}.xlsx`, name: `${scopeName(r)}${r.year}年度重大行政决策统计.xlsx` };
}
