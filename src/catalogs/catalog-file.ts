/**
 * Reading an uploaded catalog file (XLSX or CSV) into rows of text cells, with the bounds an
 * upload is held to. What the cells mean is catalog-import.ts's business; here only what the file
 * holds: which row is the header, and each later row's cells by header, as text.
 */
import { Readable } from 'node:stream';
import { HttpException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DomainError } from '../common/errors/domain-error';
import { COL, HEADERS, REQUIRED_HEADERS } from './catalog-columns';

/** The largest upload taken: a catalog of 10,000 items is about 1 MB as XLSX and 3 MB as CSV. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** The most items one file may hold. */
export const MAX_IMPORT_ROWS = 10_000;
/** An XLSX is a zip: what it may unpack to, at most (a small file must not unpack into gigabytes). */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
/** The header is looked for in the first rows (an exported catalog has its title above it). */
const HEADER_SEARCH_ROWS = 10;

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** One data row: its number in the sheet (as a spreadsheet shows it) and its cells by header. */
export interface SheetRow {
  row: number;
  cells: Map<string, string>;
}

export interface SheetTable {
  format: 'xlsx' | 'csv';
  headerRow: number;
  rows: SheetRow[];
}

/** One problem of a file, where a person finds it. */
export interface ImportError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
  /** The rule broken, where it has a code of its own (UNIT_OUTSIDE_ORGAN, DUPLICATE_ITEM…). */
  code?: string;
}

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** 413 with a code and a Chinese detail (DomainError has no 413: the problem filter keeps an HttpException's own code and detail). */
export function tooLarge(code: string, detail: string): HttpException {
  return new HttpException({ code, detail }, 413);
}

export const fileTooLarge = () =>
  tooLarge('IMPORT_FILE_TOO_LARGE', `上传的文件超过 ${MB(MAX_UPLOAD_BYTES)}：一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 个目录事项，请分成几个文件导入`);

const unreadable = (detail: string) => new DomainError(400, 'IMPORT_FILE_UNREADABLE', detail, { errors: [{ field: 'file', message: detail }] });

/** A 400 about the file as a whole, with its errors. */
export const fileProblem = (code: string, detail: string, errors: ImportError[]) => new DomainError(400, code, detail, { errors });

/**
 * The rows of the first sheet holding the header, as text. XLSX is recognised by its content (a
 * zip), CSV by its name or type; anything else, an old `.xls` included, is refused with what to do.
 * A CSV is read as UTF-8 (with or without BOM) and otherwise as GB 18030, the encoding Excel uses
 * on a Chinese Windows when it saves CSV.
 */
export async function readSheet(file: UploadedFile): Promise<SheetTable> {
  const b = file.buffer;
  if (b.length === 0) throw fileProblem('IMPORT_FILE_EMPTY', '上传的文件是空的：请选择填好的目录文件', [{ row: 1, column: null, field: 'file', message: '文件是空的' }]);
  const isZip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const isOle = b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  const name = file.originalname.toLowerCase();
  if (isZip) return table('xlsx', await xlsxRows(b));
  if (isOle || name.endsWith('.xls')) throw unreadable('这是旧版 Excel（.xls）文件，请在 Excel 中「另存为」.xlsx 格式后再导入');
  if (name.endsWith('.csv') || (!/\.[a-z0-9]+$/.test(name) && /^text\/csv/.test(file.mimetype))) return table('csv', await csvRows(b));
  throw unreadable('只能导入 Excel 工作簿（.xlsx）或者 CSV 文件（.csv）：请使用目录模板（GET /catalogs/template.xlsx）填写');
}

/** Text of a sheet: rows (1-based, as the sheet numbers them) of cells (1-based columns). */
type RawRows = Array<{ row: number; values: string[] }>;

async function xlsxRows(buffer: Buffer): Promise<RawRows> {
  await checkUnpackedSize(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw unreadable('文件无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏，或者不是 Excel 文件');
  }
  const sheets = wb.worksheets;
  if (!sheets.length) throw unreadable('文件中没有工作表，不是可以导入的 Excel 工作簿（.xlsx）');
  const rowsOf = (ws: ExcelJS.Worksheet): RawRows => {
    const out: RawRows = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => (values[col] = cellText(cell.value)));
      out.push({ row: rowNumber, values });
    });
    return out;
  };
  // The first sheet whose first rows hold the header (an export's second sheet, or a template's, explains).
  for (const ws of sheets) {
    const rows = rowsOf(ws);
    if (findHeader(rows) !== undefined) return rows;
  }
  return rowsOf(sheets[0]);
}

/**
 * Unpacks every entry of the zip, counting, and stops past MAX_UNPACKED_BYTES: a few MB of zip can
 * declare and hold gigabytes of XML, which the workbook reader would hold in memory whole.
 */
async function checkUnpackedSize(buffer: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    throw unreadable('文件无法作为 Excel 工作簿（.xlsx）读取：文件可能已损坏，或者不是 Excel 文件');
  }
  let total = 0;
  const refuse = () => tooLarge('IMPORT_FILE_TOO_LARGE', `工作簿解压后超过 ${MB(MAX_UNPACKED_BYTES)}：请删去无关的工作表、图片和格式后再导入`);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > MAX_UNPACKED_BYTES) {
          stream.pause();
          reject(refuse());
        }
      });
      stream.on('error', () => reject(unreadable('文件无法作为 Excel 工作簿（.xlsx）读取：压缩内容已损坏')));
      stream.on('end', () => resolve());
    });
  }
}

async function csvRows(buffer: Buffer): Promise<RawRows> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) throw unreadable('文件不是文本格式的 CSV 文件：请上传 .xlsx 工作簿，或者在 Excel 中另存为「CSV UTF-8（逗号分隔）」');
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  try {
    // Every cell as the text it is: no guessing of numbers and dates.
    ws = await wb.csv.read(Readable.from([text]), { map: (datum: unknown) => datum, parserOptions: { ignoreEmpty: false } });
  } catch {
    throw unreadable('CSV 文件格式有误（例如引号不成对），无法读取');
  }
  const out: RawRows = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => (values[col] = cellText(cell.value)));
    out.push({ row: rowNumber, values });
  });
  return out;
}

/** A cell's value as text: dates as YYYY-MM-DD, rich text and formulas by what they show. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  // Excel keeps a date without its zone; the workbook reader gives it as that day's midnight UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return '';
}

const isBlank = (values: string[]) => values.every((v) => v === undefined || v.trim() === '');

function findHeader(rows: RawRows): number | undefined {
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.values.some((v) => v?.trim() === COL.title));
  return at < 0 ? undefined : at;
}

/** The header and the rows below it; every problem of the header row at once. */
function table(format: 'xlsx' | 'csv', rows: RawRows): SheetTable {
  const at = findHeader(rows);
  if (at === undefined) {
    throw fileProblem('IMPORT_HEADERS_INVALID', `没有找到表头：第一行应当是「${HEADERS.join('、')}」等列名（可下载目录模板对照）`, [
      { row: rows[0]?.row ?? 1, column: null, field: null, message: `没有找到「${COL.title}」列：请使用目录模板的表头` },
    ]);
  }
  const header = rows[at];
  const columns = new Map<number, string>();
  const errors: ImportError[] = [];
  header.values.forEach((raw, col) => {
    const name = raw?.trim() ?? '';
    if (!name) return;
    if (!HEADERS.includes(name)) errors.push({ row: header.row, column: name, field: null, message: `不认识的列「${name}」：列名须与目录模板一致（${HEADERS.join('、')}）` });
    else if ([...columns.values()].includes(name)) errors.push({ row: header.row, column: name, field: null, message: `「${name}」列出现了两次` });
    else columns.set(col, name);
  });
  const present = new Set(columns.values());
  for (const required of REQUIRED_HEADERS) {
    if (!present.has(required)) errors.push({ row: header.row, column: required, field: null, message: `缺少「${required}」列` });
  }
  if (errors.length) throw fileProblem('IMPORT_HEADERS_INVALID', `表头有 ${errors.length} 处错误，没有导入任何事项：请使用目录模板的列名`, errors);

  const data: SheetRow[] = [];
  for (const r of rows.slice(at + 1)) {
    if (isBlank(r.values)) continue;
    if (data.length >= MAX_IMPORT_ROWS) {
      throw tooLarge('IMPORT_TOO_MANY_ROWS', `文件中的目录事项超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 个：请分成几个文件导入`);
    }
    const cells = new Map<string, string>();
    for (const [col, name] of columns) cells.set(name, (r.values[col] ?? '').trim());
    data.push({ row: r.row, cells });
  }
  if (!data.length) {
    throw fileProblem('IMPORT_FILE_EMPTY', '文件中没有目录事项：请在表头下方逐行填写', [{ row: header.row + 1, column: null, field: null, message: '表头下方没有内容' }]);
  }
  return { format, headerRow: header.row, rows: data };
}
