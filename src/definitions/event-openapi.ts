/**
 * The body of `POST /decisions/:id/events` in the OpenAPI document: one schema per event of every
 * registered definition and version, generated from the payload schemas (`workflows/json-schema.ts`)
 * with the Chinese words, field descriptions and examples of each definition's `docs`, joined in a
 * `oneOf` keyed by `type` (discriminator). Nothing here lists an event: a new procedure or version
 * in the registry appears by itself.
 */
import type { ExampleObject, OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import type { ProcedureDefinition } from '../../workflows/definition';
import { shapeToJsonSchema } from '../../workflows/json-schema';
import { ACTOR_UNIT_LABELS, ROLE_LABELS } from '../../workflows/labels';
import { legalBasis } from '../../workflows/legal-basis';

export const EVENTS_PATH = '/decisions/{id}/events';

/** The component name of an event's body in one definition version: `major-decision.v1.START_DRAFTING`. */
export const eventSchemaName = (def: ProcedureDefinition, type: string): string => `${def.id}.v${def.version}.${type}`;
/** The component of an event type sent to decisions of several definition versions: `DecisionEvent.START_DRAFTING`. */
const sharedSchemaName = (type: string): string => `DecisionEvent.${type}`;
const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** `《重大行政决策程序暂行条例》第十条、第十一条；《…》第三条`: the articles, grouped by their text. */
export function articlesText(ids: readonly string[]): string {
  const byLaw = new Map<string, string[]>();
  for (const b of legalBasis(ids)) byLaw.set(b.law, [...(byLaw.get(b.law) ?? []), b.article]);
  return [...byLaw].map(([law, articles]) => `《${law}》${articles.join('、')}`).join('；');
}

/** Who sends an event: `决策机关办公室（office），所在单位为决策机关`. */
export function senderText(def: ProcedureDefinition, type: string): string {
  const actor = def.eventActors[type];
  return `${ROLE_LABELS[actor.role] ?? actor.role}（${actor.role}），所在单位为${ACTOR_UNIT_LABELS[actor.unit] ?? actor.unit}`;
}

/** The event types a client may send to decisions of this definition (not the engine's own). */
export const clientEvents = (def: ProcedureDefinition): string[] => def.events.filter((t) => !def.systemEvents.includes(t));

/** The whole body of one event in one definition version, with its example. */
export function eventBodySchema(def: ProcedureDefinition, type: string): SchemaObject {
  const { docs, labels } = def;
  const label = labels.events[type] ?? type;
  const description = [
    docs.eventNotes[type],
    `发送者：${senderText(def, type)}。`,
    `所在阶段：${(docs.eventStages[type] ?? []).map((s) => `${labels.stages[s] ?? s}（${s}）`).join('、')}。`,
    `依据：${articlesText(docs.eventBasis[type] ?? [])}。`,
    `程序：${docs.title}第 ${def.version} 版（${def.id}）。`,
  ].join('\n\n');
  return {
    title: `${label}（${type}）`,
    description,
    type: 'object',
    properties: {
      type: { type: 'string', enum: [type], description: `事件类型：${label}` },
      payload: { ...(shapeToJsonSchema(docs.payloads[type], docs.fieldDocs[type]) as SchemaObject), description: `${label}的内容` },
      expectedVersion: { type: 'integer', minimum: 1, description: '调用方看到的决策版本（version）；决策已被他人推进的，回答 409' },
    },
    required: ['type', 'payload'],
    additionalProperties: false,
    example: { type, payload: docs.examples[type] },
  };
}

/** The components, the body schema (oneOf with a discriminator on `type`) and the examples of the events route. */
export function eventBodies(definitions: readonly ProcedureDefinition[]): {
  components: Record<string, SchemaObject>;
  body: SchemaObject;
  examples: Record<string, ExampleObject>;
} {
  const components: Record<string, SchemaObject> = {};
  const examples: Record<string, ExampleObject> = {};
  const byType = new Map<string, string[]>();
  for (const def of definitions) {
    for (const type of clientEvents(def)) {
      const name = eventSchemaName(def, type);
      components[name] = eventBodySchema(def, type);
      examples[name] = {
        summary: `${def.labels.events[type] ?? type}（${type}，${def.id} 第 ${def.version} 版）`,
        value: { type, payload: def.docs.examples[type] },
      };
      byType.set(type, [...(byType.get(type) ?? []), name]);
    }
  }
  // A type that several definition versions take: its body is any of theirs (the decision's version decides).
  const mapping: Record<string, string> = {};
  for (const [type, names] of byType) {
    if (names.length === 1) {
      mapping[type] = ref(names[0]).$ref;
      continue;
    }
    components[sharedSchemaName(type)] = {
      title: `${type}（${names.length} 个程序版本）`,
      description: '决策按其启动时的程序版本接收事件，内容以该版本的为准。',
      anyOf: names.map(ref),
    };
    mapping[type] = ref(sharedSchemaName(type)).$ref;
  }
  const body: SchemaObject = {
    description:
      '程序事件：type 选定事件，payload 是该事件的内容（各事件的字段见下列 schema）。记录已发生事项的日期（以 On 结尾）不得晚于今天（北京时间），' +
      '也不得早于其前置环节的日期；startOn、endOn、requestedDueOn 是计划日期，可以是将来的日期。',
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping },
  };
  return { components, body, examples };
}

/** Puts the event schemas into a document made by SwaggerModule.createDocument (returns the same document). */
export function addEventSchemas(document: OpenAPIObject, definitions: readonly ProcedureDefinition[]): OpenAPIObject {
  const operation = document.paths[EVENTS_PATH]?.post;
  if (!operation) throw new Error(`the OpenAPI document has no POST ${EVENTS_PATH}`);
  const { components, body, examples } = eventBodies(definitions);
  const before = JSON.stringify(operation.requestBody ?? {});
  operation.requestBody = { required: true, content: { 'application/json': { schema: body, examples } } };
  // The schema the decorators gave the body (a free `payload`) goes, unless something else still uses it.
  const schemas = { ...document.components?.schemas };
  for (const [, name] of before.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
    if (!JSON.stringify(document).includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  document.components = { ...document.components, schemas: { ...schemas, ...components } };
  return document;
}
