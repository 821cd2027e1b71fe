/** The pure parts of the annual report: percentages, the business year, file names, words. */
import { STAGES } from '../../workflows/major-decision/v1/context';
import { REFUSAL_CATEGORIES } from '../../workflows/refusal-categories';
import { percent, yearStartsAt } from './annual-report';
import { markdownTable, pct } from './annual-report.markdown';
import { contentDisposition } from './annual-report.xlsx';
import { CODE_LABELS, codeLabel, STAGE_LABELS } from './report-labels';

describe('annual report helpers', () => {
  it('gives percentages with one decimal, and null when there is nothing to divide by', () => {
    expect([percent(1, 6), percent(2, 3), percent(3, 8), percent(1, 1), percent(0, 4), percent(0, 0)]).toEqual([16.7, 66.7, 37.5, 100, 0, null]);
    expect([pct(16.7), pct(100), pct(null)]).toEqual(['16.7%', '100%', '—']);
  });

  it('starts a year at midnight of 1 January in business time', () => {
    expect(yearStartsAt(2026, 'Asia/Shanghai')).toBe('2025-12-31T16:00:00.000Z');
    expect(yearStartsAt(2027, 'Asia/Shanghai')).toBe('2026-12-31T16:00:00.000Z');
    expect(yearStartsAt(2026, 'UTC')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('names a file in RFC 5987 form, every byte outside attr-char percent-encoded', () => {
    expect(contentDisposition('report-2026.xlsx', "区(试点)2026年 '报表'*.xlsx")).toBe(
      "attachment; filename=\"report-2026.xlsx\"; filename*=UTF-8''%E5%8C%BA%28%E8%AF%95%E7%82%B9%292026%E5%B9%B4%20%27%E6%8A%A5%E8%A1%A8%27%2A.xlsx",
    );
    expect(decodeURIComponent(contentDisposition('a.xlsx', '前进区人民政府2026年度重大行政决策统计.xlsx').split("UTF-8''")[1])).toBe('前进区人民政府2026年度重大行政决策统计.xlsx');
    expect(contentDisposition('a "b".xlsx', 'x')).toBe(`attachment; filename="a _b_.xlsx"; filename*=UTF-8''x`);
  });

  it('keeps a Markdown table one line per row, whatever a name holds', () => {
    expect(markdownTable(['机关', '数'], [['甲|乙\n丙', 1], ['丁', null]])).toBe('| 机关 | 数 |\n| --- | --- |\n| 甲\\|乙 丙 | 1 |\n| 丁 | — |');
  });

  it('has a Chinese meaning for every stored refusal code, and a name for every stage', () => {
    expect(Object.keys(REFUSAL_CATEGORIES).filter((code) => !Object.hasOwn(CODE_LABELS, code))).toEqual([]);
    expect(Object.keys(CODE_LABELS).filter((code) => !Object.hasOwn(REFUSAL_CATEGORIES, code))).toEqual([]);
    expect(codeLabel('SOME_OLD_CODE')).toBe('SOME_OLD_CODE');
    expect(STAGES.filter((s) => !STAGE_LABELS[s])).toEqual([]);
  });
});
