/** Runs sample events through the definition, as the engine would, for tests and benchmarks. */
import type { FactEnv, ProcedureDefinition, ProcedureState } from '../../definition';
import { addDays } from '../../dates';
import type { ProcedureContext, ProcedureInput } from './context';
import type { EventType } from './events';
import { majorDecisionV1Definition as def } from './index';
import { SAMPLE_TODAY, samplePayload } from './samples';

export const sampleEnv = (): FactEnv => ({
  today: SAMPLE_TODAY,
  calendar: {
    dataVersion: 'calendar-days-approximation',
    addWorkingDays: (d, n) => addDays(d, Math.ceil((n * 7) / 5)),
    workingDaysBetween: (a, b) => Math.floor((Date.parse(b) - Date.parse(a)) / 86_400_000 / 7) * 5,
  },
});

export class Walk {
  state: ProcedureState<ProcedureContext>;
  seq = 1;

  /** `definition` and `payloadFor`: another version of the procedure and its sample payloads (default: version 1's). */
  constructor(
    input: ProcedureInput,
    private readonly definition: ProcedureDefinition<ProcedureContext, ProcedureInput> = def,
    private readonly payloadFor: (type: EventType, ctx: ProcedureContext) => Record<string, unknown> = samplePayload,
  ) {
    this.state = definition.initial(input);
  }

  get stage(): string {
    return this.definition.stageOf(this.state);
  }

  /** Sends `type` with a valid sample payload (overridden by `patch`); returns the decision. */
  send(type: EventType, patch: Record<string, unknown> = {}) {
    const payload = { ...this.payloadFor(type, this.state.context), ...patch };
    const d = this.definition.decide(this.state, { type, payload, seq: this.seq + 1 }, sampleEnv);
    if (d.accepted) {
      this.state = d.next;
      this.seq += 1;
    }
    return d;
  }

  /** Sends each type and throws on the first refusal. */
  through(...types: EventType[]): this {
    for (const t of types) {
      const d = this.send(t);
      if (!d.accepted) throw new Error(`${t} refused in ${d.stage}: ${d.refusal.code} ${d.refusal.detail}`);
    }
    return this;
  }
}

export const TO_REVIEW: EventType[] = [
  'CATALOG_PUBLISHED',
  'START_DRAFTING',
  'RECORD_DRAFT',
  'OPEN_PUBLIC_COMMENT',
  'CLOSE_PUBLIC_COMMENT',
  'RECORD_HEARING',
  'RECORD_EXPERT_ARGUMENTATION',
  'RECORD_RISK_ASSESSMENT',
  'SUBMIT_LEGALITY_REVIEW',
];
export const TO_PUBLISHED: EventType[] = [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH'];
