/**
 * What a person reads about `major-decision` version 1 (see `../../docs.ts`), gathered from the
 * definition's own tables: the payload schemas with their field descriptions and
 * examples, the articles, the statechart's stages, and the rules found by running them.
 */
import type { AnyStateNode } from 'xstate';
import type { ProcedureDefinition } from '../../definition';
import type { EventRule, ProcedureDocs } from '../../docs';
import type { ProcedureContext, ProcedureInput } from './context';
import { STAGES } from './context';
import { PLANNING_DATES } from './date-rules';
import { STEP_DEADLINES } from './deadline-docs';
import { EVENT_PAYLOADS, EVENT_TYPES } from './events';
import { EVENT_EXAMPLES } from './examples';
import { EVENT_NOTES, FIELD_DOCS } from './field-docs';
import { majorDecisionV1 } from './machine';
import { findEventRules, type RuleTableParts } from './rule-table';
import { EVENT_BASIS, PRESUPPOSES } from './rules';
import { STEP_BASIS, STEP_GAP } from './steps';

/** The stages (top-level states) whose state nodes, or nodes inside them, take each event. */
function eventStages(machine: typeof majorDecisionV1): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(EVENT_TYPES.map((t) => [t, []]));
  for (const stage of STAGES) {
    const taken = new Set<string>();
    const visit = (node: AnyStateNode): void => {
      for (const e of node.ownEvents) taken.add(e);
      for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
    };
    visit(machine.root.states[stage] as AnyStateNode);
    for (const t of EVENT_TYPES) if (taken.has(t)) out[t].push(stage);
  }
  return out;
}

/** What a later version changes of what is read about it. */
export type DocsOverrides = Partial<Pick<ProcedureDocs, 'law' | 'eventNotes' | 'payloads' | 'fieldDocs' | 'examples' | 'eventBasis'>> & RuleTableParts;

export function majorDecisionV1Docs(def: () => ProcedureDefinition<ProcedureContext, ProcedureInput>, overrides: DocsOverrides = {}): ProcedureDocs {
  let rules: Record<string, EventRule[]> | undefined;
  const { machine = majorDecisionV1, samplePayload, ...rest } = overrides;
  return {
    title: '重大行政决策程序',
    law: '《重大行政决策程序暂行条例》（国务院令第713号）',
    eventNotes: EVENT_NOTES,
    payloads: EVENT_PAYLOADS,
    fieldDocs: FIELD_DOCS,
    examples: EVENT_EXAMPLES,
    stepBasis: STEP_BASIS,
    eventBasis: EVENT_BASIS,
    presupposes: PRESUPPOSES,
    stepGaps: STEP_GAP,
    eventStages: eventStages(machine),
    eventRules: () => (rules ??= findEventRules(def(), { machine, samplePayload })),
    planningDateFields: [...PLANNING_DATES],
    deadlines: STEP_DEADLINES,
    ...rest,
  };
}
