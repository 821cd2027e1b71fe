/**
 * GET /catalogs/:id/export and GET /catalogs/template.xlsx: a catalog as the table in which an
 * annual catalog is published, and the empty table a department fills. The columns are those of
 * catalog-columns.ts, which the import reads: an exported catalog imports again as it was.
 */
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { STEP_LABELS } from '../../workflows/major-decision/v1/labels';
import { contentDisposition, XLSX_CONTENT_TYPE } from '../audit/annual-report.xlsx';
import type { AuthUser } from '../auth/auth-user';
import { TransactionRunner } from '../database/transaction-runner';
import { ProcedureEngine } from '../engine/procedure-engine';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ProcedureScope } from '../org-units/procedure-scope';
import { CATALOG_COLUMNS, CATEGORY_WORDS, COL, HEADERS, NO, OPTIONAL_STEPS, YES, categoryWord, listedSteps, reasonLines } from './catalog-columns';
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from './catalog-file';
import { itemDetailsOf } from './catalog-views';
import { CatalogsService } from './catalogs.service';
import { CatalogsRepository } from './catalogs.repository';
import { DECISION_CATEGORIES, EXCLUDED_CATEGORIES } from './categories';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  /** Content-Disposition, with the Chinese name (RFC 6266) and an ASCII fallback. */
  disposition: string;
  /** The Chinese file name. */
  name: string;
}

/** Items read per query while exporting. */
const PAGE = 500;

type Cell = string | number;

@Injectable()
export class CatalogExportService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly catalogs: CatalogsService,
    private readonly repo: CatalogsRepository,
    private readonly engine: ProcedureEngine,
    private readonly scope: ProcedureScope,
    private readonly units: OrgUnitsService,
  ) {}

  /**
   * Every item of the catalog not withdrawn, in the order proposed. An item of a decision outside
   * the caller's scope (another department's) shows what the public catalog shows: its reasons and
   * its market flag stay empty.
   */
  async exportCatalog(user: AuthUser, catalogId: string, format: ExportFormat): Promise<ExportedFile> {
    const { organName, year, rows } = await this.runner.read(async (tx) => {
      const catalog = await this.catalogs.visibleCatalog(user, catalogId, tx);
      const out: Cell[][] = [];
      const unitIds = new Set<string>();
      const pending: Array<{ cells: Cell[]; unitId: string }> = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await this.repo.itemsOf(tx, catalogId, offset, PAGE);
        for (const row of page) {
          const decision = this.engine.snapshotOf(row);
          if (decision.stage === 'withdrawn') continue;
          const details = itemDetailsOf(row, decision);
          const whole = await this.scope.seesDecision(user, decision, tx);
          unitIds.add(decision.undertakingUnitId);
          pending.push({
            unitId: decision.undertakingUnitId,
            cells: [
              pending.length + 1,
              decision.title,
              '',
              '',
              details.legalBasis.join('\n'),
              listedSteps(details.requirements).join('、'),
              details.plannedDecisionOn ?? '',
              categoryWord(decision.category),
              details.plannedStartOn ?? '',
              whole ? (details.affectsMarket ? YES : NO) : '',
              whole ? reasonLines(details.requirements).join('\n') : '',
            ],
          });
        }
        if (page.length < PAGE) break;
      }
      const names = await this.repo.unitNames(tx, [...unitIds, catalog.organ_id]);
      for (const p of pending) {
        p.cells[2] = names.get(catalog.organ_id) ?? '';
        p.cells[3] = names.get(p.unitId) ?? p.unitId;
        out.push(p.cells);
      }
      return { organName: names.get(catalog.organ_id) ?? '', year: catalog.year, rows: out };
    });

    const title = `${organName}${year}年度重大行政决策事项目录`;
    if (format === 'csv') {
      return file(`\ufeff${toCsv([HEADERS as string[], ...rows])}`, CSV_CONTENT_TYPE, `catalog-${year}.csv`, `${title}.csv`);
    }
    const wb = workbook();
    const ws = wb.addWorksheet('年度目录', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = CATALOG_COLUMNS.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, HEADERS.length);
    const heading = ws.getCell(1, 1);
    heading.value = title;
    heading.font = { bold: true, size: 16 };
    heading.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 30;
    addTable(ws, rows);
    ws.pageSetup.printTitlesRow = '2:2';
    return file(Buffer.from(await wb.xlsx.writeBuffer()), XLSX_CONTENT_TYPE, `catalog-${year}.xlsx`, `${title}.xlsx`);
  }

  /**
   * The template: the header and one example row, then a sheet explaining each column, the
   * categories, the steps and the units the caller may name (an office: its organ and the units
   * under it; a department: itself).
   */
  async template(user: AuthUser): Promise<ExportedFile> {
    const units = await this.unitsFor(user);
    const example = units.find((u) => u.kind !== 'government') ?? units[0];
    const wb = workbook();
    const ws = wb.addWorksheet('目录事项', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = CATALOG_COLUMNS.map((c) => ({ width: c.width }));
    addTable(
      ws,
      [
        [
          1,
          '城区集中供热价格调整方案',
          '',
          example?.name ?? '区发改局',
          '《中华人民共和国价格法》第二十三条\n《政府制定价格听证办法》',
          listedSteps({ hearing: { required: false } }).join('、'),
          '2026-12-31',
          categoryWord('public_policy'),
          '2026-03-02',
          NO,
          `${STEP_LABELS.hearing}：不涉及价格等须经听证的事项`,
        ],
      ],
      1,
    );

    const help = wb.addWorksheet('填写说明');
    help.columns = [{ width: 24 }, { width: 10 }, { width: 90 }];
    const line = (values: Cell[], bold = false) => {
      const r = help.addRow(values);
      r.alignment = { wrapText: true, vertical: 'top' };
      if (bold) r.font = { bold: true };
    };
    line(['年度重大行政决策事项目录：导入说明'], true);
    line([`在「目录事项」工作表中每行填写一个决策事项（第一行为表头，不要改动列名），可填写 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行以内，文件不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB；也可以另存为 CSV（UTF-8）导入。整个文件一次导入：任何一行有错，都不导入，并逐行列出错误。`]);
    line([]);
    line(['列名', '必填', '填写要求'], true);
    for (const c of CATALOG_COLUMNS) line([c.header, c.required ? '是' : '', c.help]);
    line([]);
    line(['事项类别', '', '（《重大行政决策程序暂行条例》第三条）'], true);
    for (const c of DECISION_CATEGORIES) line([categoryWord(c)]);
    line([`以下事项不适用重大行政决策程序，不得列入目录：${EXCLUDED_CATEGORIES.map(categoryWord).join('；')}`]);
    line([]);
    line(['程序环节', '', `「${COL.steps}」中可填写的环节；未列出的视为不需要履行`], true);
    for (const s of OPTIONAL_STEPS) line([STEP_LABELS[s], '', s === 'partyCommitteeReport' ? '重大行政决策出台前应当按照规定向同级党委请示报告（第三十一条），一般应当列出' : '']);
    line([STEP_LABELS.legalityReview, '', '每个事项都须履行（第二十五条）']);
    line([STEP_LABELS.collectiveDiscussion, '', '每个事项都须履行（第三十条）']);
    line([]);
    line(['可填写的承办单位', '', units.length ? '填写单位全称' : '请向本机关政府办了解承办单位的全称'], true);
    for (const u of units) line([u.name]);
    line([]);
    line(['可填写的类别名称', '', CATEGORY_WORDS.join('、')]);

    return file(Buffer.from(await wb.xlsx.writeBuffer()), XLSX_CONTENT_TYPE, 'catalog-template.xlsx', '年度重大行政决策事项目录模板.xlsx');
  }

  /** The active units the caller may name as undertaking unit. */
  private async unitsFor(user: AuthUser): Promise<Array<{ name: string; kind: string }>> {
    const own = user.orgUnitId;
    if (!own) return [];
    const ids = user.roles.includes('office') ? await this.units.subtree(own) : user.roles.includes('department') ? [own] : [];
    const out: Array<{ name: string; kind: string }> = [];
    for (const id of ids) {
      const unit = await this.units.current(id);
      if (unit?.active) out.push({ name: unit.name, kind: unit.kind });
    }
    return out;
  }
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '重大行政决策程序系统';
  wb.created = new Date();
  return wb;
}

/** The header at `headerRow` (default 2, under the title) and the rows below it, as text cells that wrap. */
function addTable(ws: ExcelJS.Worksheet, rows: Cell[][], headerRow = 2): void {
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.getRow(headerRow);
  header.values = HEADERS as string[];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => (c.border = border));
  rows.forEach((values, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    r.values = values;
    r.alignment = { vertical: 'top', wrapText: true };
    // Dates and numbers stay text, as typed: a catalog's dates are days, never timestamps.
    r.eachCell((c) => {
      c.border = border;
      if (typeof c.value === 'string') c.numFmt = '@';
    });
  });
}

/** RFC 4180: every cell quoted where it holds a comma, a quote or a line break; lines end with CRLF. */
function toCsv(rows: Cell[][]): string {
  const quote = (v: Cell) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

function file(body: string | Buffer, contentType: string, ascii: string, name: string): ExportedFile {
  return { body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body, contentType, disposition: contentDisposition(ascii, name), name };
}
