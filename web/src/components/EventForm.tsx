/**
 * The form of one event, drawn from the event's JSON Schema in the service's OpenAPI document (the
 * same schema the service validates against), so every event of every procedure version has a form.
 * Each field is labelled with its description's first clause, the rest shown as help; a list of
 * words is one entry per line; a unit is picked from the units; enum values show their words.
 */
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';

export interface JsonSchema {
  type?: string;
  format?: string;
  description?: string;
  enum?: string[];
  'x-enum-labels'?: Record<string, string>;
  'x-org-unit'?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
}

export interface UnitOption {
  id: string;
  name: string;
}

type Path = Array<string | number>;

const labelOf = (name: string, s: JsonSchema): string => (s.description ? s.description.split(/[；。（]/)[0] : name);

function Field({ name, path, schema, required, units }: { name: string; path: Path; schema: JsonSchema; required: boolean; units: UnitOption[] }) {
  const label = (
    <span>
      {labelOf(name, schema)} <Typography.Text type="secondary">{name}</Typography.Text>
    </span>
  );
  const rules = required ? [{ required: true, message: `请填写：${labelOf(name, schema)}` }] : [];
  const help = schema.description && schema.description !== labelOf(name, schema) ? schema.description : undefined;
  const item = { name: path, label, rules, extra: help, htmlFor: path.join('_') };
  if (schema.type === 'object' && schema.properties) {
    return (
      <Card size="small" title={label} style={{ marginBottom: 16 }}>
        {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
        <Fields schema={schema} path={path} units={units} optional={!required} />
      </Card>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    const itemSchema = schema.items;
    return (
      <Card size="small" title={label} style={{ marginBottom: 16 }}>
        {help && <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
        <Form.List name={path}>
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Card key={row.key} size="small" type="inner" title={`第 ${row.name + 1} 项`} extra={<Button onClick={() => remove(row.name)}>删除</Button>} style={{ marginBottom: 8 }}>
                  <Fields schema={itemSchema} path={[row.name]} units={units} />
                </Card>
              ))}
              <Button onClick={() => add({})}>添加一项</Button>
            </>
          )}
        </Form.List>
      </Card>
    );
  }
  if (schema.type === 'array') {
    return (
      <Form.Item {...item} extra={`${help ?? ''}${help ? '；' : ''}每行一项`}>
        <Input.TextArea id={path.join('_')} autoSize={{ minRows: 2 }} />
      </Form.Item>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <Form.Item {...item}>
        <Radio.Group id={path.join('_')} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
      </Form.Item>
    );
  }
  if (schema.type === 'integer') {
    return (
      <Form.Item {...item}>
        <InputNumber id={path.join('_')} min={0} style={{ width: 200 }} />
      </Form.Item>
    );
  }
  if (schema.enum) {
    const words = schema['x-enum-labels'] ?? {};
    return (
      <Form.Item {...item}>
        <Select id={path.join('_')} allowClear options={schema.enum.map((v) => ({ value: v, label: words[v] ? `${words[v]}（${v}）` : v }))} />
      </Form.Item>
    );
  }
  if (schema['x-org-unit']) {
    return (
      <Form.Item {...item}>
        <Select id={path.join('_')} allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
    );
  }
  return (
    <Form.Item {...item}>
      <Input id={path.join('_')} type={schema.format === 'date' ? 'date' : 'text'} />
    </Form.Item>
  );
}

/** The fields of an object; inside an optional object none is required here (the service says what it needs once one is filled). */
function Fields({ schema, path, units, optional = false }: { schema: JsonSchema; path: Path; units: UnitOption[]; optional?: boolean }) {
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, s]) => (
        <Field key={name} name={name} path={[...path, name]} schema={s} required={!optional && (schema.required ?? []).includes(name)} units={units} />
      ))}
    </>
  );
}

/** The form's values as the payload: lines split into lists, blanks and empty optional members left out. */
export function toPayload(schema: JsonSchema, value: unknown): unknown {
  if (schema.type === 'object' && schema.properties) {
    const v = (value ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema.properties)) {
      const x = toPayload(s, v[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (schema.type === 'array') {
    if (schema.items?.type === 'object') {
      const rows = ((value as unknown[] | undefined) ?? []).map((r) => toPayload(schema.items as JsonSchema, r) ?? {});
      // A list that may be empty says "none" with [] (e.g. no unit to consult).
      return rows.length ? rows : schema.minItems === 0 ? [] : undefined;
    }
    if (typeof value !== 'string') return undefined;
    const lines = value.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.length ? lines : undefined;
  }
  if (value === '' || value === null) return undefined;
  return value;
}

/** `payload.experts[0].name` → `['experts', 0, 'name']`: where the service's field error belongs in the form. */
export function formPath(field: string): Path | null {
  if (!field.startsWith('payload.')) return null;
  return field
    .slice('payload.'.length)
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function EventForm({ form, schema, units, onSubmit, busy }: { form: FormInstance; schema: JsonSchema; units: UnitOption[]; onSubmit: (payload: unknown) => void; busy: boolean }) {
  return (
    <Form form={form} layout="vertical" onFinish={(values) => onSubmit(toPayload(schema, values) ?? {})}>
      <Fields schema={schema} path={[]} units={units} />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交
        </Button>
      </Space>
    </Form>
  );
}
