/**
 * The OpenAPI document of the running service describes every event a client may send: the body
 * of POST /decisions/:id/events is a oneOf keyed by `type`, one schema per event of every
 * registered definition and version, each with a Chinese title and description, a description
 * of every payload field and an example that the engine itself accepts as a payload. The schemas
 * say what the engine's validation says (a field missing, unknown or of the wrong type is refused
 * by both), and the document stays an OpenAPI 3.0 document: every $ref resolves and every schema
 * uses only the keywords of an OpenAPI 3.0 Schema Object.
 */
import type { ProcedureDefinition } from '../../workflows/definition';
import { DefinitionRegistry } from '../../src/engine/definition-registry';
import { schemaErrors } from '../support/json-schema-check';
import { createTestApp, type TestApp } from '../support/test-app';

type Schema = Record<string, unknown>;
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { required?: boolean; content: Record<string, { schema: Schema; examples: Record<string, { summary: string; value: { type: string; payload: Record<string, unknown> } }> }> } }>>;
  components: { schemas: Record<string, Schema> };
}

const HAN = /\p{Script=Han}/u;

/** The keywords of an OpenAPI 3.0 Schema Object (3.0.3, "Schema Object"), extensions aside. */
const OPENAPI_30_SCHEMA_KEYWORDS = new Set([
  'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'allOf', 'oneOf',
  'anyOf', 'not', 'items', 'properties', 'additionalProperties', 'description', 'format', 'default', 'nullable',
  'discriminator', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'example', 'deprecated', '$ref',
]);
const OPENAPI_30_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/** Every problem of a schema as an OpenAPI 3.0 Schema Object, at `path`. */
function schemaProblems(s: unknown, path: string): string[] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return [`${path}: not an object`];
  const schema = s as Schema;
  const out: string[] = [];
  for (const k of Object.keys(schema)) if (!OPENAPI_30_SCHEMA_KEYWORDS.has(k) && !k.startsWith('x-')) out.push(`${path}: keyword ${k}`);
  if (schema.type !== undefined && !(typeof schema.type === 'string' && OPENAPI_30_TYPES.has(schema.type))) out.push(`${path}: type ${JSON.stringify(schema.type)}`);
  if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.length > 0)) out.push(`${path}: required must be a non-empty list`);
  if (schema.discriminator !== undefined) {
    const d = schema.discriminator as { propertyName?: unknown; mapping?: Record<string, string> };
    if (typeof d.propertyName !== 'string') out.push(`${path}: discriminator without propertyName`);
    const members = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (!members?.every((m) => typeof m.$ref === 'string')) out.push(`${path}: a discriminator's members must be references`);
  }
  for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) out.push(...schemaProblems(v, `${path}.properties.${k}`));
  if (schema.items !== undefined) out.push(...schemaProblems(schema.items, `${path}.items`));
  if (typeof schema.additionalProperties === 'object') out.push(...schemaProblems(schema.additionalProperties, `${path}.additionalProperties`));
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (list !== undefined) (list as unknown[]).forEach((m, i) => out.push(...schemaProblems(m, `${path}.${key}[${i}]`)));
  }
  if (schema.not !== undefined) out.push(...schemaProblems(schema.not, `${path}.not`));
  return out;
}

/** Every `$ref` in the document, with where it stands. */
function refsOf(value: unknown, path = '#', out: Array<{ path: string; ref: string }> = []): Array<{ path: string; ref: string }> {
  if (Array.isArray(value)) value.forEach((v, i) => refsOf(v, `${path}/${i}`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push({ path, ref: v });
      else refsOf(v, `${path}/${k}`, out);
    }
  }
  return out;
}

/** A value of the wrong JSON type for a schema. */
const wrongValue = (s: Schema): unknown => (s.type === 'string' ? 12345 : s.type === 'array' ? '一段文字' : s.type === 'object' ? ['x'] : 'x');

describe('OpenAPI: one schema per procedure event', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let definitions: ProcedureDefinition[];
  let body: Schema;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDoc;
    definitions = t.app.get(DefinitionRegistry).all();
    body = doc.paths['/decisions/{id}/events'].post.requestBody!.content['application/json'].schema;
  });
  afterAll(() => t.close());

  const clientEvents = (def: ProcedureDefinition) => def.events.filter((e) => !def.systemEvents.includes(e));
  const component = (def: ProcedureDefinition, type: string) => doc.components.schemas[`${def.id}.v${def.version}.${type}`];

  it('makes the body a oneOf keyed by type, with one member for each event a client may send, and no free payload', () => {
    const expected = [...new Set(definitions.flatMap(clientEvents))].sort();
    const mapping = (body.discriminator as { propertyName: string; mapping: Record<string, string> }).mapping;
    expect((body.discriminator as { propertyName: string }).propertyName).toBe('type');
    expect(Object.keys(mapping).sort()).toEqual(expected);
    expect((body.oneOf as Schema[]).map((m) => m.$ref).sort()).toEqual(Object.values(mapping).sort());
    expect(expected).toEqual(expect.arrayContaining(['START_DRAFTING', 'SUBMIT_LEGALITY_REVIEW', 'ARCHIVE']));
    expect(expected).not.toContain('CATALOG_PUBLISHED');
    expect(doc.components.schemas.DecisionEventDto).toBeUndefined();
    expect(doc.paths['/decisions/{id}/events'].post.requestBody!.required).toBe(true);
  });

  it('gives each event a Chinese title and description naming its sender and articles, and every payload field a Chinese description', () => {
    for (const def of definitions) {
      for (const type of clientEvents(def)) {
        const s = component(def, type);
        expect(s).toBeDefined();
        expect(s.title).toBe(`${def.labels.events[type]}（${type}）`);
        expect(s.title).toMatch(HAN);
        expect(s.description).toMatch(/发送者：.+（(office|department|legal_reviewer)）/);
        expect(s.description).toMatch(/依据：《.+》第.+条/);
        const payload = (s.properties as Record<string, Schema>).payload;
        const undescribed: string[] = [];
        const visit = (p: Schema, at: string): void => {
          for (const [k, f] of Object.entries((p.properties ?? {}) as Record<string, Schema>)) {
            if (typeof f.description !== 'string' || !HAN.test(f.description)) undescribed.push(`${at}${k}`);
            if (f.type === 'object') visit(f, `${at}${k}.`);
            if (f.type === 'array' && (f.items as Schema).type === 'object') visit(f.items as Schema, `${at}${k}[].`);
          }
        };
        visit(payload, '');
        expect({ type, undescribed }).toEqual({ type, undescribed: [] });
      }
    }
    const archive = component(definitions[0], 'ARCHIVE');
    const step = (((archive.properties as Record<string, Schema>).payload.properties as Record<string, Schema>).materials.items as Schema).properties as Record<string, Schema>;
    expect(step.step.enum).toEqual(expect.arrayContaining(['draft', 'legalityReview', 'publication']));
  });

  it('gives each event an example, in its schema and among the body examples, that the engine accepts and the schemas fit', () => {
    const examples = doc.paths['/decisions/{id}/events'].post.requestBody!.content['application/json'].examples;
    for (const def of definitions) {
      for (const type of clientEvents(def)) {
        const name = `${def.id}.v${def.version}.${type}`;
        const example = examples[name];
        expect(example.summary).toMatch(HAN);
        expect(example.value.type).toBe(type);
        expect(component(def, type).example).toEqual(example.value);
        expect({ type, errors: def.payloadErrors(type, example.value.payload) }).toEqual({ type, errors: [] });
        expect({ type, errors: schemaErrors(example.value, component(def, type), doc.components.schemas) }).toEqual({ type, errors: [] });
        expect({ type, errors: schemaErrors(example.value, body, doc.components.schemas) }).toEqual({ type, errors: [] });
      }
    }
  });

  it('refuses in the schema what the engine refuses: a missing required field, an unknown field, a value of the wrong type', () => {
    for (const def of definitions) {
      for (const type of clientEvents(def)) {
        const s = component(def, type);
        const payloadSchema = (s.properties as Record<string, Schema>).payload;
        const example = def.docs.examples[type];
        const variants: Array<{ what: string; payload: Record<string, unknown> }> = [{ what: 'an unknown field', payload: { ...example, 备注: '多余' } }];
        for (const k of (payloadSchema.required ?? []) as string[]) {
          const rest = { ...example };
          delete rest[k];
          variants.push({ what: `without ${k}`, payload: rest });
        }
        for (const [k, f] of Object.entries(payloadSchema.properties as Record<string, Schema>)) {
          variants.push({ what: `${k} of the wrong type`, payload: { ...example, [k]: wrongValue(f) } });
        }
        for (const v of variants) {
          const verdicts = {
            engine: def.payloadErrors(type, v.payload).length > 0,
            schema: schemaErrors({ type, payload: v.payload }, s, doc.components.schemas).length > 0,
          };
          expect({ type, what: v.what, ...verdicts }).toEqual({ type, what: v.what, engine: true, schema: true });
        }
      }
    }
  });

  it('stays an OpenAPI 3.0 document: every $ref resolves, every schema uses only Schema Object keywords', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    const unresolved = refsOf(doc).filter(({ ref }) => {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      return name === undefined || !Object.hasOwn(doc.components.schemas, name);
    });
    expect(unresolved).toEqual([]);
    for (const name of Object.keys(doc.components.schemas)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    const problems = [
      ...Object.entries(doc.components.schemas).flatMap(([name, s]) => schemaProblems(s, `components.schemas.${name}`)),
      ...schemaProblems(body, 'POST /decisions/{id}/events body'),
    ];
    expect(problems).toEqual([]);
  });
});
