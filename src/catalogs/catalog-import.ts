/**
 * POST /catalogs/:id/items/import: the items of a file (XLSX or CSV, one row per item, the columns
 * of catalog-columns.ts), proposed to a catalog all at once or not at all.
 *
 * Each row becomes the body of POST /catalogs/:id/items and goes through the same checks
 * (CatalogsService: the caller's scope and role, the item's fields and requirements, its
 * undertaking unit, an excluded category), in the same order: 404 → 403 → 400 → 422. What is
 * the file's own business is checked here: the header, the cells that cannot be read as what their
 * column holds (a date, a category, a unit by name), and the same item twice (in the file, or
 * already in the catalog). Every problem of every row is reported in one answer, with its row
 * number and column; nothing is written unless every row passes, and then every row is written in
 * one unit of work.
 */
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isBusinessDate } from '../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, type FieldError } from '../common/errors/domain-error';
import { TransactionRunner, type Tx } from '../database/transaction-runner';
import { ProcedureViolationError } from '../engine/engine-errors';
import { ProcedureEngine } from '../engine/procedure-engine';
import { OrgUnitsService } from '../org-units/org-units.service';
import { ProcedureScope } from '../org-units/procedure-scope';
import type { AddCatalogItemDto } from './catalog.dto';
import { CATEGORY_WORDS, COL, NO, OPTIONAL_STEPS, YES, categoryOfCell, columnOfField, stepOfLabel, type OptionalStep } from './catalog-columns';
import { readSheet, type ImportError, type SheetRow, type UploadedFile } from './catalog-file';
import { isExcludedCategory } from './categories';
import { CatalogsService, itemOf, OUT_OF_SCOPE, type ItemRole } from './catalogs.service';
import { STEP_LABELS } from '../../workflows/major-decision/v1/labels';

/** An answer names at most this many problems (errorCount says how many there are). */
export const MAX_REPORTED_ERRORS = 1000;
/** The ids of the items made are listed while they are at most this many (GET /catalogs/:id pages through them all). */
export const IMPORT_IDS_SHOWN = 500;

export interface ImportResult {
  catalogId: string;
  format: 'xlsx' | 'csv';
  imported: number;
  /** Each item made, with its row in the file, while they are at most IMPORT_IDS_SHOWN. */
  items?: Array<{ row: number; id: string; title: string }>;
}

interface ParsedRow {
  row: number;
  body: Record<string, unknown>;
  /** The unit's cell, as written (for the messages). */
  unitCell: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dates as people type them: 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日. */
const DATE_TYPED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

@Injectable()
export class CatalogImportService {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly catalogs: CatalogsService,
    private readonly engine: ProcedureEngine,
    private readonly scope: ProcedureScope,
    private readonly units: OrgUnitsService,
  ) {}

  async importItems(user: AuthUser, catalogId: string, file: UploadedFile | undefined): Promise<ImportResult> {
    const { catalog, role, organName } = await this.runner.read(async (tx) => {
      const found = await this.catalogs.visibleCatalog(user, catalogId, tx);
      const proposer = await this.catalogs.proposerRole(user, found.organ_id, tx);
      return { catalog: found, role: proposer, organName: (await this.units.find(found.organ_id, tx))?.name ?? '' };
    });
    if (!file) {
      throw new DomainError(400, 'VALIDATION_FAILED', '请上传要导入的目录文件（表单字段 file，.xlsx 或者 .csv）', {
        errors: [{ row: null, column: null, field: 'file', message: '没有收到文件：请以 multipart/form-data 上传，字段名为 file' }],
      });
    }
    const sheet = await readSheet(file);
    const names = [...new Set(sheet.rows.map((r) => r.cells.get(COL.unit) ?? '').filter((c) => c && !UUID.test(c)))];
    const unitIds = await this.runner.read((tx) => this.unitsByName(tx, catalog.organ_id, names));
    const errors: ImportError[] = [];
    const parsed = sheet.rows.map((r) => this.parseRow(r, organName, unitIds, errors));
    const valid: Array<{ row: number; dto: AddCatalogItemDto; unitCell: string }> = [];
    for (const p of parsed) {
      if (!p) continue;
      const checked = await this.catalogs.itemErrors(p.body);
      if (checked.value) valid.push({ row: p.row, dto: checked.value, unitCell: p.unitCell });
      else errors.push(...checked.errors.map((e) => fieldError(p.row, e)));
    }
    const actor = this.scope.actor(user, role);

    type Outcome = { errors: ImportError[] } | { outside: typeof valid } | { items: Array<{ row: number; id: string; title: string }> };
    const outcome = await this.runner.write(async (tx): Promise<Outcome> => {
      await this.checkUnits(tx, user, role, catalog.organ_id, valid, errors);
      await this.checkDuplicates(tx, catalog.id, sheet.rows, errors);
      if (errors.length) return { errors };
      const outside = valid.filter((v) => isExcludedCategory(v.dto.category));
      if (outside.length) return { outside };
      const items: Array<{ row: number; id: string; title: string }> = [];
      const ids = orderedIds(valid.length);
      const organKind = await this.catalogs.organKindOf(catalog, tx);
      for (const [i, v] of valid.entries()) {
        const { decision } = await this.catalogs.proposeWithin(tx, catalog, v.dto, actor, ids[i], organKind);
        items.push({ row: v.row, id: decision.id, title: decision.title });
      }
      return { items };
    });

    if ('errors' in outcome) throw rowsRefused(outcome.errors);
    if ('outside' in outcome) {
      // A refusal of the procedure, stored as one refused attempt with every row it concerns (as POST /catalogs/:id/items stores one per item).
      const rows = outcome.outside.map((v) => ({ row: v.row, item: itemOf(v.dto) }));
      try {
        await this.engine.recordViolation({ ...OUT_OF_SCOPE, organId: catalog.organ_id, event: 'ITEM_PROPOSED', payload: { file: file.originalname, rows }, actor });
      } catch (err) {
        if (!(err instanceof ProcedureViolationError)) throw err;
        throw new DomainError(422, err.code, `${rows.length} 个事项不属于重大行政决策事项范围，没有导入任何事项：${OUT_OF_SCOPE.detail}`, {
          ...err.extra,
          errors: outcome.outside.map((v) => ({ row: v.row, column: COL.category, field: 'category', code: OUT_OF_SCOPE.code, message: `「${v.dto.title}」的事项类别不适用重大行政决策程序，不得列入目录` })),
        });
      }
    }
    const items = 'items' in outcome ? outcome.items : [];
    return { catalogId: catalog.id, format: sheet.format, imported: items.length, ...(items.length <= IMPORT_IDS_SHOWN ? { items } : {}) };
  }

  /**
   * A row as the body of POST /catalogs/:id/items, or undefined when a cell cannot be read as what
   * its column holds (each such cell is an error; the body's own rules are the item's checks).
   */
  private parseRow(r: SheetRow, organName: string, unitIds: Map<string, string>, errors: ImportError[]): ParsedRow | undefined {
    const cell = (column: string) => r.cells.get(column) ?? '';
    const before = errors.length;
    const err = (column: string, field: string | null, message: string, code?: string) => errors.push({ row: r.row, column, field, message, ...(code ? { code } : {}) });

    const organ = cell(COL.organ);
    if (organ && organ !== organName) err(COL.organ, null, `本目录的决策机关是「${organName}」，不是「${organ}」`);

    const categoryText = cell(COL.category);
    const category = categoryOfCell(categoryText);
    if (!categoryText) err(COL.category, 'category', '请填写事项类别');
    else if (!category) err(COL.category, 'category', `「${categoryText}」不是事项类别：可填写 ${CATEGORY_WORDS.join('、')}`);

    const unitCell = cell(COL.unit);
    const unitId = UUID.test(unitCell) ? unitCell.toLowerCase() : unitIds.get(unitCell);
    if (!unitCell) err(COL.unit, 'undertakingUnitId', '请填写承办单位');
    else if (!unitId) err(COL.unit, 'undertakingUnitId', `没有名为「${unitCell}」的单位：请填写单位全称（见目录模板的「填写说明」）`, 'ORG_UNIT_NOT_FOUND');

    const date = (column: string, field: string): string | undefined => {
      const text = cell(column);
      if (!text) return undefined;
      const m = DATE_TYPED.exec(text);
      const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
      if (!isBusinessDate(iso)) {
        err(column, field, `「${text}」不是有效的日期：请填写 2026-12-31 这样的日期`);
        return undefined;
      }
      return iso;
    };
    const plannedStartOn = date(COL.plannedStartOn, 'plannedStartOn');
    const plannedDecisionOn = date(COL.plannedDecisionOn, 'plannedDecisionOn');

    const market = cell(COL.affectsMarket);
    if (market && market !== YES && market !== NO) err(COL.affectsMarket, 'affectsMarket', `请填写「${YES}」或者「${NO}」，不能填写「${market}」`);

    const requirements = this.requirementsOf(cell(COL.steps), cell(COL.reasons), (column, message) => err(column, 'requirements', message));

    if (errors.length > before) return undefined;
    const body: Record<string, unknown> = {
      title: cell(COL.title),
      category,
      undertakingUnitId: unitId,
      legalBasis: splitLines(cell(COL.legalBasis)),
      affectsMarket: market === YES,
      requirements,
    };
    if (plannedStartOn) body.plannedStartOn = plannedStartOn;
    if (plannedDecisionOn) body.plannedDecisionOn = plannedDecisionOn;
    return { row: r.row, body, unitCell };
  }

  /**
   * `requirements` from 需履行的程序 (the steps to go through, by their words) and 不履行程序的理由
   * (`环节：理由` per line): a listed optional step is required, an unlisted one is not, with its
   * reason. Whether a reason is needed is the item's own rule (requirementsErrors).
   */
  private requirementsOf(stepsText: string, reasonsText: string, err: (column: string, message: string) => void): Record<OptionalStep, { required: boolean; reason?: string }> {
    const listed = new Set<string>();
    for (const word of stepsText.split(/[、，,；;\s]+/).filter(Boolean)) {
      const step = stepOfLabel(word);
      if (step) listed.add(step);
      else err(COL.steps, `「${word}」不是程序环节：可填写 ${OPTIONAL_STEPS.map((s) => STEP_LABELS[s]).join('、')}、${STEP_LABELS.legalityReview}、${STEP_LABELS.collectiveDiscussion}`);
    }
    const reasons = new Map<string, string>();
    let current: string | undefined;
    for (const line of reasonsText.split(/\r?\n/)) {
      const m = /^\s*([^：:]+?)\s*[：:]\s*(.*)$/.exec(line);
      const step = m ? stepOfLabel(m[1]) : undefined;
      if (m && step) {
        if (!(OPTIONAL_STEPS as readonly string[]).includes(step)) err(COL.reasons, `「${m[1]}」是每个事项都须履行的环节，不能不履行`);
        else if (listed.has(step)) err(COL.reasons, `「${m[1]}」已列入需履行的程序，不应再说明不履行的理由`);
        else if (reasons.has(step)) err(COL.reasons, `「${m[1]}」的理由写了两次`);
        reasons.set(step, m[2].trim());
        current = step;
      } else if (current && line.trim()) {
        // A reason that runs over several lines.
        reasons.set(current, `${reasons.get(current) as string}\n${line.trim()}`);
      } else if (line.trim()) {
        err(COL.reasons, `每行须写作「环节：理由」，例如「${STEP_LABELS.hearing}：不涉及价格等须经听证的事项」`);
      }
    }
    return Object.fromEntries(
      OPTIONAL_STEPS.map((s) => [s, listed.has(s) ? { required: true } : { required: false, ...(reasons.get(s) ? { reason: reasons.get(s) } : {}) }]),
    ) as Record<OptionalStep, { required: boolean; reason?: string }>;
  }

  /**
   * Each row's undertaking unit, named by its full name (or id), as its proposer may name it: the
   * same check as for one item (CatalogsService.checkItemUnit), once per distinct unit.
   */
  private async checkUnits(tx: Tx, user: AuthUser, role: ItemRole, organId: string, rows: Array<{ row: number; dto: AddCatalogItemDto; unitCell: string }>, errors: ImportError[]): Promise<void> {
    const verdicts = new Map<string, DomainError | null>();
    for (const r of rows) {
      const id = r.dto.undertakingUnitId;
      if (!verdicts.has(id)) {
        try {
          await this.catalogs.checkItemUnit(user, role, id, organId, tx);
          verdicts.set(id, null);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          verdicts.set(id, err);
        }
      }
      const refused = verdicts.get(id);
      if (refused) errors.push({ row: r.row, column: COL.unit, field: 'undertakingUnitId', code: refused.code, message: `「${r.unitCell}」：${refused.detail}` });
    }
  }

  /**
   * Unit names → ids. A name is looked up among the organ and the units under it first (two
   * governments may each have a 区发改局); a name found only elsewhere gives that unit, which the
   * unit check then refuses as outside the organ.
   */
  private async unitsByName(tx: Tx, organId: string, names: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!names.length) return out;
    const inOrgan = new Set(await this.units.subtree(organId, tx));
    const rows: Array<{ id: string; name: string }> = [];
    for (let i = 0; i < names.length; i += 500) {
      const chunk = names.slice(i, i + 500);
      rows.push(...(await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE name IN (${chunk.map(() => '?').join(', ')}) ORDER BY created_at, id`, chunk)));
    }
    for (const r of rows) {
      const known = out.get(r.name);
      if (!known || (!inOrgan.has(known) && inOrgan.has(r.id))) out.set(r.name, r.id);
    }
    return out;
  }

  /** The same item twice: two rows of the file, or a row and an item already in the catalog (not withdrawn), by title. */
  private async checkDuplicates(tx: Tx, catalogId: string, rows: SheetRow[], errors: ImportError[]): Promise<void> {
    const existing = new Set((await tx.query<{ title: string }>("SELECT title FROM decision WHERE catalog_id = ? AND stage <> 'withdrawn'", [catalogId])).map((r) => r.title.trim()));
    const seen = new Map<string, number>();
    for (const r of rows) {
      const title = r.cells.get(COL.title) ?? '';
      if (!title) continue;
      const first = seen.get(title);
      if (first !== undefined) errors.push({ row: r.row, column: COL.title, field: 'title', code: 'DUPLICATE_ITEM', message: `与第 ${first} 行的决策事项重复：「${title}」` });
      else if (existing.has(title)) errors.push({ row: r.row, column: COL.title, field: 'title', code: 'DUPLICATE_ITEM', message: `目录中已有决策事项「${title}」` });
      if (first === undefined) seen.set(title, r.row);
    }
  }
}

/** A field error of the item's own checks, placed in its row and column. */
function fieldError(row: number, e: FieldError): ImportError {
  const column = columnOfField(e.field);
  return { row, column, field: e.field, message: `${column}：${e.message}` };
}

/** The 400 of a file with bad rows: every problem, in row order, at most MAX_REPORTED_ERRORS of them. */
function rowsRefused(errors: ImportError[]): DomainError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((e) => e.row)).size;
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  return new DomainError(400, 'VALIDATION_FAILED', `文件中有 ${rows} 行共 ${errors.length} 处错误，没有导入任何事项：请按 errors 所列行号和列逐一改正后重新导入`, {
    errors: shown,
    errorCount: errors.length,
    ...(shown.length < errors.length ? { errorsTruncated: true } : {}),
  });
}

/**
 * Ids in the order of the rows: a catalog lists its items by the time they were proposed and then by
 * id, and the rows of one file are proposed within the same milliseconds. UUIDv7 (RFC 9562): the
 * time of the import, then a counter of the row in place of the random bits that would follow it,
 * then random bits.
 */
export function orderedIds(count: number, now = Date.now()): string[] {
  const ts = now.toString(16).padStart(12, '0');
  return Array.from({ length: count }, (_, i) => {
    const c = i.toString(16).padStart(6, '0');
    return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${randomBytes(6).toString('hex')}`;
  });
}

/** A multi-line cell as its lines (决策依据: one citation a line). */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
