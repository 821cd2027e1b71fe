/**
 * A small declarative schema for event payloads: what each procedure event carries is part of the
 * law in code, so it lives here beside the machine, and the HTTP layer and OpenAPI derive from it.
 */
import { isBusinessDate } from './dates';
import { uncleanText } from './text';

export const MAX_TEXT = 10_000;

export type Field =
  | { kind: 'text'; optional?: boolean }
  | { kind: 'date'; optional?: boolean }
  | { kind: 'bool'; optional?: boolean }
  | { kind: 'count'; optional?: boolean }
  /** `unit`: the id names an organisation unit, which the engine checks against the decision's organ. */
  | { kind: 'uuid'; optional?: boolean; names?: 'unit' }
  /** `labels`: the word of each value, shown beside it when a value is refused. */
  | { kind: 'enum'; values: readonly string[]; labels?: Readonly<Record<string, string>>; optional?: boolean }
  /** `mayBeEmpty`: an empty list is a statement (none), not a missing value. */
  | { kind: 'list'; of: Field; optional?: boolean; mayBeEmpty?: boolean }
  | { kind: 'object'; fields: Shape; optional?: boolean };

export type Shape = Readonly<Record<string, Field>>;

export const text = (): Field => ({ kind: 'text' });
export const date = (): Field => ({ kind: 'date' });
export const bool = (): Field => ({ kind: 'bool' });
export const count = (): Field => ({ kind: 'count' });
export const uuid = (): Field => ({ kind: 'uuid' });
/** The id of an organisation unit (an implementing unit, a party): it must exist, be active and lie under the organ's government. */
export const unitRef = (): Field => ({ kind: 'uuid', names: 'unit' });
export const oneOf = (...values: string[]): Field => ({ kind: 'enum', values });
/** One of the keys of `labels`, each shown with its word when a value is refused. */
export const oneOfLabelled = (labels: Readonly<Record<string, string>>): Field => ({ kind: 'enum', values: Object.keys(labels), labels });
export const list = (of: Field): Field => ({ kind: 'list', of });
/** A list that may hold nothing: `[]` says there is none (e.g. no unit to consult). */
export const listOrNone = (of: Field): Field => ({ kind: 'list', of, mayBeEmpty: true });
export const obj = (fields: Shape): Field => ({ kind: 'object', fields });
export const optional = (f: Field): Field => ({ ...f, optional: true });

export interface FieldError {
  field: string;
  message: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function check(f: Field, v: unknown, path: string, out: FieldError[]): void {
  switch (f.kind) {
    case 'text': {
      if (typeof v !== 'string' || v.trim().length === 0) out.push({ field: path, message: '须为非空的文字' });
      else if (v.length > MAX_TEXT) out.push({ field: path, message: `最多 ${MAX_TEXT} 个字符` });
      else {
        const unclean = uncleanText(v);
        if (unclean) out.push({ field: path, message: unclean.message });
      }
      return;
    }
    case 'date':
      if (!isBusinessDate(v)) out.push({ field: path, message: '必须是 YYYY-MM-DD 格式的有效日期' });
      return;
    case 'bool':
      if (typeof v !== 'boolean') out.push({ field: path, message: '须为 true 或 false' });
      return;
    case 'count':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) out.push({ field: path, message: '须为不小于 0 的整数' });
      return;
    case 'uuid':
      if (typeof v !== 'string' || !UUID_RE.test(v)) out.push({ field: path, message: '须为 UUID 格式的编号' });
      return;
    case 'enum':
      if (typeof v !== 'string' || !f.values.includes(v)) out.push({ field: path, message: `须为以下取值之一：${f.values.map((x) => (f.labels?.[x] ? `「${f.labels[x]}」（${x}）` : x)).join('、')}` });
      return;
    case 'list':
      if (!Array.isArray(v)) out.push({ field: path, message: f.mayBeEmpty ? '须为数组（没有的，为空数组 []）' : '须为至少有一项的数组' });
      else if (v.length === 0 && !f.mayBeEmpty) out.push({ field: path, message: '须为至少有一项的数组' });
      else if (v.length > 1000) out.push({ field: path, message: '最多 1000 项' });
      else v.forEach((item, i) => check(f.of, item, `${path}[${i}]`, out));
      return;
    case 'object':
      validateShape(f.fields, v, path, out);
      return;
  }
}

/**
 * Field errors of `value` against `shape` (unknown fields included); an empty array when it fits.
 * Each message says in Chinese what the field must hold, for the person who fills it in.
 */
export function validateShape(shape: Shape, value: unknown, path = '', out: FieldError[] = []): FieldError[] {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({ field: path || '(body)', message: '须为 JSON 对象' });
    return out;
  }
  const rec = value as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (!Object.prototype.hasOwnProperty.call(shape, k)) out.push({ field: at(k), message: '不允许的字段，请删除' });
  for (const [k, f] of Object.entries(shape)) {
    if (rec[k] === undefined || rec[k] === null) {
      if (!f.optional) out.push({ field: at(k), message: f.kind === 'list' && f.mayBeEmpty ? '必填（没有的，为空数组 []）' : '必填' });
      continue;
    }
    check(f, rec[k], at(k), out);
  }
  return out;
}

/** A payload field that names an organisation unit, with its path (`payload.implementingUnitId`). */
export interface UnitReference {
  field: string;
  unitId: string;
}

/** Every unit a value of `shape` names (see `unitRef`), in field order; call it on a value that passed validateShape. */
export function unitReferences(shape: Shape, value: unknown, path = ''): UnitReference[] {
  const out: UnitReference[] = [];
  const visit = (f: Field, v: unknown, at: string): void => {
    if (v === undefined || v === null) return;
    if (f.kind === 'uuid' && f.names === 'unit' && typeof v === 'string') out.push({ field: at, unitId: v });
    else if (f.kind === 'list' && Array.isArray(v)) v.forEach((item, i) => visit(f.of, item, `${at}[${i}]`));
    else if (f.kind === 'object' && typeof v === 'object') for (const [k, g] of Object.entries(f.fields)) visit(g, (v as Record<string, unknown>)[k], `${at}.${k}`);
  };
  if (typeof value === 'object' && value !== null) {
    for (const [k, f] of Object.entries(shape)) visit(f, (value as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
  }
  return out;
}
