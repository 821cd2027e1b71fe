/** Valid sample events of version 2: version 1's (`../v1/samples.ts`), the party committee's reply added. */
import type { ProcedureContext } from '../v1/context';
import type { EventType } from '../v1/events';
import { samplePayload as v1SamplePayload } from '../v1/samples';

export function samplePayload(type: EventType, ctx: ProcedureContext): Record<string, unknown> {
  const p = v1SamplePayload(type, ctx);
  return type === 'REPORT_TO_PARTY_COMMITTEE' ? { ...p, committeeReply: 'agreed', repliedOn: p.reportedOn } : p;
}
