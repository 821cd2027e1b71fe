/**
 * A JSON Schema checker for the keywords the OpenAPI document uses (type, properties, required,
 * additionalProperties, items, minItems/maxItems, enum, format date/uuid, minLength/maxLength,
 * pattern, minimum, oneOf, anyOf, $ref to `#/components/schemas/…`), written from the JSON Schema
 * text, independently of the generator, so that a test can ask whether a value fits a generated
 * schema. It refuses a keyword it does not know rather than ignoring it.
 */

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  'type',
  'title',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'enum',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'oneOf',
  'anyOf',
  'discriminator',
  '$ref',
  'example',
]);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Where `value` does not fit `schema`: a list of `path: problem`, empty when it fits. */
export function schemaErrors(value: unknown, schema: Schema, components: Record<string, Schema> = {}, path = '$'): string[] {
  const out: string[] = [];
  // `x-…` members are annotations (OpenAPI specification extensions), not constraints.
  for (const k of Object.keys(schema)) if (!KNOWN.has(k) && !k.startsWith('x-')) out.push(`${path}: the checker does not know the keyword ${k}`);
  if (typeof schema.$ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : components[name];
    if (!target) return [...out, `${path}: unresolved $ref ${schema.$ref}`];
    return [...out, ...schemaErrors(value, target, components, path)];
  }
  if (Array.isArray(schema.oneOf)) {
    const fits = (schema.oneOf as Schema[]).filter((s) => schemaErrors(value, s, components, path).length === 0).length;
    if (fits !== 1) out.push(`${path}: fits ${fits} of the oneOf schemas, not exactly one`);
  }
  if (Array.isArray(schema.anyOf)) {
    if (!(schema.anyOf as Schema[]).some((s) => schemaErrors(value, s, components, path).length === 0)) out.push(`${path}: fits none of the anyOf schemas`);
  }
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const ok = schema.type === t || (schema.type === 'number' && t === 'integer');
    if (!ok) return [...out, `${path}: is ${t}, not ${String(schema.type)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) out.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) out.push(`${path}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: does not match ${schema.pattern}`);
    if (schema.format === 'date' && !isDate(value)) out.push(`${path}: not a date`);
    if (schema.format === 'uuid' && !UUID_RE.test(value)) out.push(`${path}: not a uuid`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${path}: fewer than ${schema.minItems} entries`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) out.push(`${path}: more than ${schema.maxItems} entries`);
    if (schema.items) value.forEach((v, i) => out.push(...schemaErrors(v, schema.items as Schema, components, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const rec = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const k of (schema.required ?? []) as string[]) if (!Object.hasOwn(rec, k)) out.push(`${path}.${k}: is required`);
    for (const [k, v] of Object.entries(rec)) {
      if (Object.hasOwn(props, k)) out.push(...schemaErrors(v, props[k], components, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: is not allowed`);
    }
  }
  return out;
}
