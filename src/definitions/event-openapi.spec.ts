/**
 * The events body with several definition versions registered: an event type that two versions
 * take maps to the bodies of both, so that an example of either fits exactly one member of the
 * oneOf; a type only one version takes maps to that version's body.
 */
import type { ProcedureDefinition } from '../../workflows/definition';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import { schemaErrors } from '../../test/support/json-schema-check';
import { articlesText, eventBodies, senderText } from './event-openapi';

const v1 = majorDecisionV1Definition as ProcedureDefinition;
const v2: ProcedureDefinition = { ...v1, version: 2, events: v1.events.filter((e) => e !== 'WITHDRAW') };

describe('eventBodies', () => {
  const { components, body, examples } = eventBodies([v1, v2]);
  const mapping = (body.discriminator as { mapping: Record<string, string> }).mapping;

  it('maps a type of both versions to both bodies, and a type of one version to its own', () => {
    expect(mapping.START_DRAFTING).toBe('#/components/schemas/DecisionEvent.START_DRAFTING');
    expect(components['DecisionEvent.START_DRAFTING'].anyOf).toEqual([
      { $ref: '#/components/schemas/major-decision.v1.START_DRAFTING' },
      { $ref: '#/components/schemas/major-decision.v2.START_DRAFTING' },
    ]);
    expect(mapping.WITHDRAW).toBe('#/components/schemas/major-decision.v1.WITHDRAW');
    expect(components['major-decision.v2.WITHDRAW']).toBeUndefined();
    expect(mapping.CATALOG_PUBLISHED).toBeUndefined();
  });

  it('has each example fit exactly one member of the body', () => {
    for (const [name, example] of Object.entries(examples)) {
      expect({ name, errors: schemaErrors(example.value, body as Record<string, unknown>, components as Record<string, Record<string, unknown>>) }).toEqual({ name, errors: [] });
    }
    expect(Object.keys(examples)).toContain('major-decision.v2.ARCHIVE');
  });

  it('says who sends an event and the articles it rests on, in Chinese', () => {
    expect(senderText(v1, 'CONCLUDE_REVIEW')).toMatch(/^.+（legal_reviewer），所在单位为.+司法局/);
    expect(articlesText(['SC713-3', 'HLJ-3', 'SC713-10'])).toBe('《重大行政决策程序暂行条例》第三条、第十条；《黑龙江省重大行政决策程序暂行规定》第三条');
  });
});
