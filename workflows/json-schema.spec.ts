import { fieldPaths, fieldTypeName, MAX_LIST_ENTRIES, shapeToJsonSchema } from './json-schema';
import { bool, count, date, list, MAX_TEXT, obj, oneOf, oneOfLabelled, optional, text, unitRef, uuid, validateShape, type Shape } from './schema';

const SHAPE: Shape = {
  heldOn: date(),
  summary: text(),
  recordSigned: bool(),
  commentsReceived: optional(count()),
  catalogId: uuid(),
  implementingUnitId: optional(unitRef()),
  method: oneOf('forum', 'questionnaire'),
  channels: list(text()),
  experts: list(obj({ name: text(), directInterest: bool(), remarks: optional(text()) })),
  materials: obj({ draftVersion: optional(text()) }),
};

describe('shapeToJsonSchema', () => {
  const schema = shapeToJsonSchema(SHAPE, {
    heldOn: '举行日期',
    channels: '渠道',
    'experts[].name': '专家姓名',
    'materials.draftVersion': '草案版本号',
  });

  it('gives an object that allows no other field and requires the fields that are not optional, in field order', () => {
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(schema.required).toEqual(['heldOn', 'summary', 'recordSigned', 'catalogId', 'method', 'channels', 'experts', 'materials']);
    expect(Object.keys(schema.properties ?? {})).toEqual(Object.keys(SHAPE));
  });

  it('maps each kind of field to its JSON Schema type, with the limits the validation applies', () => {
    const p = schema.properties ?? {};
    expect(p.heldOn).toEqual({ type: 'string', format: 'date', description: '举行日期' });
    expect(p.summary).toEqual({ type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: '\\S' });
    expect(p.recordSigned).toEqual({ type: 'boolean' });
    expect(p.commentsReceived).toEqual({ type: 'integer', minimum: 0 });
    expect(p.catalogId).toEqual({ type: 'string', format: 'uuid' });
    // A unit's id is marked for a form to offer the units (an OpenAPI specification extension).
    expect(p.implementingUnitId).toEqual({ type: 'string', format: 'uuid', 'x-org-unit': true });
    expect(p.method).toEqual({ type: 'string', enum: ['forum', 'questionnaire'] });
    expect(p.channels).toEqual({
      type: 'array',
      description: '渠道',
      minItems: 1,
      maxItems: MAX_LIST_ENTRIES,
      items: { type: 'string', minLength: 1, maxLength: MAX_TEXT, pattern: '\\S' },
    });
  });

  it('adds the word of each value to the description of an enum declared with its words', () => {
    const labelled = shapeToJsonSchema({ riskLevel: oneOfLabelled({ low: '低', high: '高' }) }, { riskLevel: '风险等级' });
    expect(labelled.properties?.riskLevel).toEqual({ type: 'string', enum: ['low', 'high'], description: '风险等级。取值：low（低）、high（高）', 'x-enum-labels': { low: '低', high: '高' } });
    expect(fieldTypeName(oneOfLabelled({ low: '低', high: '高' }))).toBe('enum: low（低） | high（高）');
  });

  it('describes the fields of a list of objects and of an object by their paths', () => {
    const p = schema.properties ?? {};
    expect(p.experts.items).toMatchObject({ type: 'object', required: ['name', 'directInterest'], additionalProperties: false });
    expect(p.experts.items?.properties?.name.description).toBe('专家姓名');
    expect(p.materials).toMatchObject({ type: 'object', additionalProperties: false });
    expect(p.materials.required).toBeUndefined();
    expect(p.materials.properties?.draftVersion.description).toBe('草案版本号');
  });

  it('uses no keyword outside the subset that OpenAPI 3.0 and 3.1 read alike', () => {
    const allowed = new Set(['type', 'description', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'enum', 'format', 'minLength', 'maxLength', 'pattern', 'minimum']);
    const used = new Set<string>();
    const visit = (s: unknown): void => {
      if (typeof s !== 'object' || s === null) return;
      for (const [k, v] of Object.entries(s)) {
        // `x-…`: OpenAPI specification extensions, read alike by 3.0 and 3.1 (annotations for forms).
        if (!k.startsWith('x-')) used.add(k);
        if (k === 'properties') Object.values(v as object).forEach(visit);
        else if (k === 'items') visit(v);
      }
    };
    visit(schema);
    expect([...used].filter((k) => !allowed.has(k))).toEqual([]);
    expect(typeof schema.type).toBe('string');
  });

  it('states the list limit that validateShape applies', () => {
    const shape: Shape = { channels: list(text()) };
    expect(validateShape(shape, { channels: Array(MAX_LIST_ENTRIES).fill('网站') })).toEqual([]);
    expect(validateShape(shape, { channels: Array(MAX_LIST_ENTRIES + 1).fill('网站') })).toHaveLength(1);
    expect(validateShape({ s: text() }, { s: 'x'.repeat(MAX_TEXT + 1) })).toHaveLength(1);
  });
});

describe('fieldPaths and fieldTypeName', () => {
  it('list every field, the fields of objects inside, and the fields of list entries with []', () => {
    expect(fieldPaths(SHAPE)).toEqual([
      'heldOn',
      'summary',
      'recordSigned',
      'commentsReceived',
      'catalogId',
      'implementingUnitId',
      'method',
      'channels',
      'experts',
      'experts[].name',
      'experts[].directInterest',
      'experts[].remarks',
      'materials',
      'materials.draftVersion',
    ]);
  });

  it('name each kind as the manual shows it', () => {
    expect(fieldTypeName(date())).toBe('string (date)');
    expect(fieldTypeName(unitRef())).toBe('string (uuid, 单位)');
    expect(fieldTypeName(oneOf('a', 'b'))).toBe('enum: a | b');
    expect(fieldTypeName(list(count()))).toBe('array of integer ≥ 0');
    expect(fieldTypeName(list(obj({})))).toBe('array of object');
  });
});
