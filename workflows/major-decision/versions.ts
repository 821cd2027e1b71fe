/**
 * Every version of `major-decision` with what the graph-generated tests need of it: its definition,
 * its statechart and its sample events. The tests of version 1's folder run for each of them.
 */
import type { ProcedureDefinition } from '../definition';
import type { ProcedureContext, ProcedureEvent, ProcedureInput } from './v1/context';
import type { EventType } from './v1/events';
import { majorDecisionV1Definition, majorDecisionV1 } from './v1/index';
import { refusedWhateverPayload as v1RefusedWhateverPayload, type Refusal } from './v1/rules';
import { sampleEvent as v1SampleEvent, samplePayload as v1SamplePayload } from './v1/samples';
import { refusedWhateverPayload as v2RefusedWhateverPayload } from './v2/rules';
import { majorDecisionV2Definition, majorDecisionV2 } from './v2/index';
import { samplePayload as v2SamplePayload } from './v2/samples';

export interface MajorDecisionVersion {
  version: number;
  def: ProcedureDefinition<ProcedureContext, ProcedureInput>;
  machine: typeof majorDecisionV1;
  samplePayload: (type: EventType, ctx: ProcedureContext) => Record<string, unknown>;
  sampleEvent: (type: EventType, ctx: ProcedureContext, seq?: number) => ProcedureEvent;
  sampleEvents: (ctx: ProcedureContext, seq?: number) => ProcedureEvent[];
  refusedWhateverPayload: (ctx: ProcedureContext, type: EventType) => Refusal | null;
}

function version(
  version: number,
  def: MajorDecisionVersion['def'],
  machine: MajorDecisionVersion['machine'],
  samplePayload: MajorDecisionVersion['samplePayload'],
  refusedWhateverPayload: MajorDecisionVersion['refusedWhateverPayload'],
): MajorDecisionVersion {
  const sampleEvent = (type: EventType, ctx: ProcedureContext, seq = 1): ProcedureEvent => ({ ...v1SampleEvent(type, ctx, seq), payload: samplePayload(type, ctx) });
  return { version, def, machine, samplePayload, sampleEvent, refusedWhateverPayload, sampleEvents: (ctx, seq = 1) => def.events.map((t) => sampleEvent(t as EventType, ctx, seq)) };
}

export const MAJOR_DECISION_VERSIONS: readonly MajorDecisionVersion[] = [
  version(1, majorDecisionV1Definition, majorDecisionV1, v1SamplePayload, v1RefusedWhateverPayload),
  version(2, majorDecisionV2Definition, majorDecisionV2 as unknown as typeof majorDecisionV1, v2SamplePayload, v2RefusedWhateverPayload),
];
