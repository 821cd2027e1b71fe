/**
 * Which refusals each event can get in a stage that takes it, found by running the rules rather
 * than written out a second time: every reachable state of the statechart (for the requirement
 * sets of `samples.ts`, and an item affecting the market) is sent every event its stage takes,
 * with the sample payload and with payloads that break one rule each. The date rules
 * (DATE_IN_FUTURE, DATE_OUT_OF_ORDER), which every event with a date has, are left to the manual's
 * general part. `rule-table.spec.ts` checks that every code written in `rules.ts` is found.
 */
import { getShortestPaths } from 'xstate/graph';
import { addDays } from '../../dates';
import type { FactEnv, ProcedureDefinition } from '../../definition';
import type { EventRule } from '../../docs';
import { REFUSAL_CATEGORIES } from '../../refusal-categories';
import type { ProcedureContext, ProcedureInput } from './context';
import type { EventType } from './events';
import { majorDecisionV1 } from './machine';
import { EVENT_TYPES } from './events';
import { REQUIREMENT_SETS, SAMPLE_TODAY, sampleEvent as v1SampleEvent, samplePayload as v1SamplePayload } from './samples';

/** What a version of the procedure runs its rules on: its statechart and its sample payloads (default: version 1's). */
export interface RuleTableParts {
  machine?: typeof majorDecisionV1;
  samplePayload?: (type: EventType, ctx: ProcedureContext) => Record<string, unknown>;
}

export const DATE_RULE_CODES: readonly string[] = ['DATE_IN_FUTURE', 'DATE_OUT_OF_ORDER'];

/** The working-day calendar approximated by calendar days: the rules need a calendar, not the official one. */
const env = (): FactEnv => ({
  today: SAMPLE_TODAY,
  calendar: {
    dataVersion: 'calendar-days-approximation',
    addWorkingDays: (d, n) => addDays(d, Math.ceil((n * 7) / 5)),
    workingDaysBetween: (a, b) => Math.floor((Date.parse(b) - Date.parse(a)) / 86_400_000 / 7) * 5,
  },
});

/** Payload changes that break one rule of `type` each (applied one at a time over the sample payload). */
export function ruleBreakers(type: EventType, ctx: ProcedureContext, payload: Record<string, unknown>): Array<Record<string, unknown>> {
  switch (type) {
    case 'RECORD_DRAFT':
      // Version 1's free-text account, version 2's structured findings (FCR-14).
      return [{ fairCompetitionReview: undefined, fairCompetitionFindings: undefined }];
    case 'OPEN_PUBLIC_COMMENT':
      return [{ endOn: addDays(payload.startOn as string, 10) }];
    case 'CLOSE_PUBLIC_COMMENT':
      return ctx.comment ? [{ closedOn: ctx.comment.startOn }] : [];
    case 'RECORD_HEARING':
      return [{ heldOn: addDays(payload.materialsDeliveredOn as string, 3) }, { recordSigned: false }];
    case 'RECORD_EXPERT_ARGUMENTATION':
      return [{ experts: [{ name: '赵专家', affiliation: '某公司', directInterest: true }] }, { opinionsSignedAndSealed: false }];
    case 'SUBMIT_LEGALITY_REVIEW':
      return [{ materials: { draftVersion: 'unknown' } }, { requestedDueOn: payload.submittedOn }];
    case 'RECORD_REVISIONS':
      return [{ opinionAdoption: [{ opinionSeq: 999, adopted: true, note: '无' }] }];
    case 'RECORD_DISCUSSION':
      // Version 2 also asks for the organ's own meeting and the head speaking last (SC713-30, 42).
      return [{ memberOpinions: [{ member: '副区长', position: 'disagree' }] }, { meetingType: 'street_office' }, { headSpokeLast: false }];
    case 'PUBLISH':
      return [{ adoptionExplanation: undefined }];
    case 'RECORD_EVALUATION':
      return [{ evaluatorIndependent: false }];
    case 'ARCHIVE':
      return [{ materials: [] }];
    default:
      return [];
  }
}

const patched = (p: Record<string, unknown>, patch: Record<string, unknown>) => {
  const out = { ...p, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete out[k];
  return out;
};

const INPUTS: ProcedureInput[] = [
  ...Object.values(REQUIREMENT_SETS).map((requirements) => ({ requirements })),
  { requirements: REQUIREMENT_SETS['every step required'], affectsMarket: true },
];

const CODE_ORDER = Object.keys(REFUSAL_CATEGORIES);
const codeRank = (code: string) => (CODE_ORDER.includes(code) ? CODE_ORDER.indexOf(code) : CODE_ORDER.length);

/** Per event type, the refusals it can get in a stage that takes it, in the order of the refusal categories table. */
export function findEventRules(def: ProcedureDefinition<ProcedureContext, ProcedureInput>, parts: RuleTableParts = {}): Record<string, EventRule[]> {
  const { machine = majorDecisionV1, samplePayload = v1SamplePayload } = parts;
  const sampleEvent = (type: EventType, ctx: ProcedureContext) => ({ ...v1SampleEvent(type, ctx), payload: samplePayload(type, ctx) });
  const found = new Map<string, Map<string, Set<string>>>();
  for (const type of def.events) found.set(type, new Map());
  for (const input of INPUTS) {
    const paths = getShortestPaths(machine, {
      input,
      events: (snap) => [
        ...EVENT_TYPES.map((t) => sampleEvent(t, snap.context)),
        // Version 2: a matter the people's congress decides (SC713-8).
        (() => {
          const e = sampleEvent('RECORD_DISCUSSION', snap.context);
          return { ...e, payload: { ...e.payload, peopleCongressMatter: 'decide' } };
        })(),
        ...(['unlawful', 'lawful_with_revisions'] as const).map((conclusion) => {
          const e = sampleEvent('CONCLUDE_REVIEW', snap.context);
          return { ...e, payload: { ...e.payload, conclusion } };
        }),
        ...(['reject', 'return'] as const).map((headDecision) => {
          const e = sampleEvent('RECORD_DISCUSSION', snap.context);
          return { ...e, payload: { ...e.payload, headDecision } };
        }),
        (() => {
          const e = sampleEvent('RECORD_RISK_ASSESSMENT', snap.context);
          return { ...e, payload: { ...e.payload, controllable: false } };
        })(),
      ],
      serializeState: (snap) =>
        JSON.stringify([
          snap.value,
          Object.keys(snap.context.done).sort(),
          snap.context.comment !== undefined,
          snap.context.review.opinions.length > 0,
          snap.context.review.round > 0,
          snap.context.risk?.controllable,
          snap.context.staleDraftVersions.length,
          snap.context.peopleCongressMatter ?? null,
        ]) as never,
    });
    for (const path of paths) {
      const state = { value: path.state.value, context: path.state.context };
      for (const type of def.acceptedEvents(state) as EventType[]) {
        const base = sampleEvent(type, state.context).payload;
        for (const payload of [base, ...ruleBreakers(type, state.context, base).map((p) => patched(base, p))]) {
          const d = def.decide(state, { type, payload, seq: 99 }, env);
          if (d.accepted || DATE_RULE_CODES.includes(d.refusal.code)) continue;
          const byCode = found.get(type) as Map<string, Set<string>>;
          const basis = byCode.get(d.refusal.code) ?? new Set<string>();
          for (const id of d.refusal.legalBasis) basis.add(id);
          byCode.set(d.refusal.code, basis);
        }
      }
    }
  }
  const out: Record<string, EventRule[]> = {};
  for (const [type, byCode] of found) {
    out[type] = [...byCode]
      .sort(([a], [b]) => codeRank(a) - codeRank(b) || a.localeCompare(b))
      .map(([code, basis]) => ({ code, legalBasis: [...basis].sort(compareBasis) }));
  }
  return out;
}

/** SC713-9 before SC713-10, then other texts by id. */
function compareBasis(a: string, b: string): number {
  const [la, na] = a.split('-');
  const [lb, nb] = b.split('-');
  return la === lb ? Number(na) - Number(nb) : la.localeCompare(lb);
}
