/**
 * A payload `Shape` (`schema.ts`) as JSON Schema, for the OpenAPI document and the procedure
 * manual (`docs/`). Only the keywords that JSON Schema 2020-12, OpenAPI 3.1 and OpenAPI 3.0 read
 * alike: `type` (one name, never a list), `properties`, `required`, `additionalProperties: false`,
 * `items`, `enum`, `format` (`date`, `uuid`), `minLength`/`maxLength`/`pattern`, `minItems`/
 * `maxItems`, `minimum`, `title`, `description`. No `$schema`, `const`, `nullable` or conditionals:
 * a requirement that depends on another field's value (e.g. `implementingUnitId` when the head
 * decision is `approve`) is said in the field's description, and the engine checks it (400).
 *
 * Field descriptions are keyed by path: `draftVersion`, `materials.legalBasis`, and `[]` for the
 * entries of a list: `experts[].name`.
 */
import { MAX_TEXT, type Field, type Shape } from './schema';

/** The entries `validateShape` accepts in a list at most. */
export const MAX_LIST_ENTRIES = 1000;

export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: string[];
  format?: 'date' | 'uuid';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  example?: unknown;
}

/** Chinese description of each field of a payload, by path (see above). */
export type FieldDocs = Readonly<Record<string, string>>;

/** Every path of a shape that a description belongs to, in field order: each field, and the fields of objects inside. */
export function fieldPaths(shape: Shape): string[] {
  return fieldsOf(shape).map((f) => f.path);
}

type EnumField = Field & { kind: 'enum' };

/** A value with its word where it has one (`oneOfLabelled` in `schema.ts`): `forum（座谈会）`. */
const valueNamed = (f: EnumField, v: string): string => (f.labels?.[v] ? `${v}（${f.labels[v]}）` : v);

/** The words of an enum's values, as a description adds them: `取值：forum（座谈会）、questionnaire（问卷调查）`. */
export function enumValuesText(f: EnumField): string {
  return `取值：${f.values.map((v) => valueNamed(f, v)).join('、')}`;
}

function fieldSchema(f: Field, path: string, docs: FieldDocs): JsonSchema {
  const doc = docs[path];
  const description = f.kind === 'enum' && f.labels ? [doc, enumValuesText(f)].filter(Boolean).join('。') : doc;
  const described = (s: JsonSchema): JsonSchema => (description === undefined ? s : { ...s, description });
  switch (f.kind) {
    case 'text':
      // Non-empty after trimming: at least one character that is not white space.
      return described({ type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: '\\S' });
    case 'date':
      return described({ type: 'string', format: 'date' });
    case 'bool':
      return described({ type: 'boolean' });
    case 'count':
      return described({ type: 'integer', minimum: 0 });
    case 'uuid':
      // `x-org-unit`: the id names an organisation unit (a form offers the units to pick from).
      return described({ type: 'string', format: 'uuid', ...(f.names === 'unit' ? { 'x-org-unit': true } : {}) });
    case 'enum':
      // `x-enum-labels`: the word of each value, for a form to show.
      return described({ type: 'string', enum: [...f.values], ...(f.labels ? { 'x-enum-labels': { ...f.labels } } : {}) });
    case 'list': {
      // The entries of a list of objects are described field by field; a list of values by the list's own description.
      const items = f.of.kind === 'object' ? objectSchema(f.of.fields, `${path}[]`, docs) : fieldSchema(f.of, `${path}[]`, docs);
      return described({ type: 'array', items, minItems: f.mayBeEmpty ? 0 : 1, maxItems: MAX_LIST_ENTRIES });
    }
    case 'object':
      return described(objectSchema(f.fields, path, docs));
  }
}

function objectSchema(shape: Shape, path: string, docs: FieldDocs): JsonSchema {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [k, f] of Object.entries(shape)) {
    properties[k] = fieldSchema(f, at(k), docs);
    if (!f.optional) required.push(k);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** The JSON Schema of a value of `shape`, each field with its description from `docs` (where it has one). */
export function shapeToJsonSchema(shape: Shape, docs: FieldDocs = {}): JsonSchema {
  return objectSchema(shape, '', docs);
}

/** The JSON Schema name of a field's kind, as the manual's field table shows it (`string (date)`, `array of object`…). */
export function fieldTypeName(f: Field): string {
  switch (f.kind) {
    case 'text':
      return 'string';
    case 'date':
      return 'string (date)';
    case 'bool':
      return 'boolean';
    case 'count':
      return 'integer ≥ 0';
    case 'uuid':
      return f.names === 'unit' ? 'string (uuid, 单位)' : 'string (uuid)';
    case 'enum':
      return `enum: ${f.values.map((v) => valueNamed(f, v)).join(' | ')}`;
    case 'list':
      return `array of ${fieldTypeName(f.of)}`;
    case 'object':
      return 'object';
  }
}

/** Each field of a shape with its path, in field order (as `fieldPaths`), for tables. */
export function fieldsOf(shape: Shape, prefix = ''): Array<{ path: string; field: Field }> {
  const out: Array<{ path: string; field: Field }> = [];
  const visit = (f: Field, path: string): void => {
    out.push({ path, field: f });
    if (f.kind === 'object') for (const [k, g] of Object.entries(f.fields)) visit(g, `${path}.${k}`);
    else if (f.kind === 'list' && f.of.kind === 'object') for (const [k, g] of Object.entries(f.of.fields)) visit(g, `${path}[].${k}`);
  };
  for (const [k, f] of Object.entries(shape)) visit(f, prefix ? `${prefix}.${k}` : k);
  return out;
}
