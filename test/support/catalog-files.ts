/**
 * Catalog files as a department makes them, for the import tests and P6: rows in the columns of the
 * template (src/catalogs/catalog-columns.ts), written as XLSX or CSV, and read back.
 *
 *   const file = await xlsxOf([row({ title: '…', unit: '区发改局' })]);
 *   await t.http.post(`/catalogs/${id}/items/import`).set(t.bearer(token)).attach('file', file, 'catalog.xlsx');
 */
import ExcelJS from 'exceljs';
import type { Test } from 'supertest';
import { HEADERS } from '../../src/catalogs/catalog-columns';

/** A row by the fields a test cares about; the others are those of a plain valid item. */
export interface RowSpec {
  no?: string;
  title?: string;
  organ?: string;
  unit?: string;
  legalBasis?: string;
  steps?: string;
  plannedDecisionOn?: string;
  category?: string;
  plannedStartOn?: string;
  affectsMarket?: string;
  reasons?: string;
}

/** The cells of a row, in the order of HEADERS. */
export function row(spec: RowSpec = {}): string[] {
  return [
    spec.no ?? '',
    spec.title ?? '城区集中供热价格调整方案',
    spec.organ ?? '',
    spec.unit ?? '区发改局',
    spec.legalBasis ?? '《中华人民共和国价格法》第二十三条\n《政府制定价格听证办法》',
    spec.steps ?? '公众参与、听证会、专家论证、风险评估、合法性审查、集体讨论决定、向同级党委请示报告',
    spec.plannedDecisionOn ?? '2026-12-31',
    spec.category ?? '重大公共政策和措施',
    spec.plannedStartOn ?? '2026-03-02',
    spec.affectsMarket ?? '否',
    spec.reasons ?? '',
  ];
}

export async function xlsxOf(rows: string[][], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录事项');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvText(rows: string[][], headers: readonly string[] = HEADERS): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [headers as string[], ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it. */
export const csvOf = (rows: string[][], headers: readonly string[] = HEADERS): Buffer => Buffer.from(`\ufeff${csvText(rows, headers)}`, 'utf8');

/** Every sheet of a workbook as rows of text (dates as YYYY-MM-DD). */
export async function readWorkbook(body: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(ws.columnCount, r.cellCount); c++) {
        const v = r.getCell(c).value;
        cells.push(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v));
      }
      rows[n - 1] = cells;
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}

/** supertest's parser of a binary answer: the body as a Buffer, whatever its type (`.buffer(true).parse(binary)`). */
export const binary = ((res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}) as unknown as Parameters<Test['parse']>[0];
