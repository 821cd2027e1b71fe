/**
 * `major-decision` version 1: the procedure of 《重大行政决策程序暂行条例》 as a definition the
 * engine can run. Everything here is pure: the engine supplies today's date and the calendar.
 */
import { createActor, getStateNodes, initialTransition, type AnyActorScope, type AnyStateNode } from 'xstate';
import type { Decision, DefinitionLabels, FactEnv, IncomingEvent, ProcedureDefinition, ProcedureState, ProgressEntry } from '../../definition';
import type { ProcedureDocs } from '../../docs';
import type { FieldError } from '../../schema';
import { toMermaid } from '../../mermaid';
import { EVENT_ACTORS } from './actors';
import { CLAIMED_DATES } from './claimed-dates';
import { deadlinesOf, doneStepsOf } from './deadlines';
import { majorDecisionV1Docs } from './docs';
import { isComplete, progressOf, STAGES, type Facts, type ProcedureContext, type ProcedureEvent, type ProcedureInput, type Stage } from './context';
import { EVENT_TYPES, isEventType, payloadErrors, payloadUnits, SYSTEM_EVENTS, type EventType } from './events';
import { RECORD_TYPE_LABELS, STAGE_LABELS, STEP_LABELS, STEP_STATUS_LABELS } from './labels';
import { majorDecisionV1 } from './machine';
import { opinionReferenceErrors } from './opinions';
import { check, refusedWhateverPayload, wrongStage } from './rules';
import { STEP_BASIS, STEPS } from './steps';

export type { ProcedureContext, ProcedureInput } from './context';
export type { EventType } from './events';
export { EVENT_PAYLOADS, requirementsErrors } from './events';
export { EVENT_ACTORS } from './actors';
export { CLAIMED_DATES } from './claimed-dates';
export { majorDecisionV1 } from './machine';

type State = ProcedureState<ProcedureContext>;

const stageOf = (s: State): Stage => (typeof s.value === 'string' ? s.value : Object.keys(s.value as object)[0]) as Stage;

/** What differs between versions of the procedure; everything else of the definition is shared. */
export interface MajorDecisionParts {
  version: number;
  machine: typeof majorDecisionV1;
  check: typeof check;
  wrongStage: typeof wrongStage;
  refusedWhateverPayload: typeof refusedWhateverPayload;
  payloadErrors: (type: EventType, payload: unknown) => FieldError[];
  labels: DefinitionLabels;
  claimedDates: ProcedureDefinition['claimedDates'];
  docs: (def: () => ProcedureDefinition<ProcedureContext, ProcedureInput>) => ProcedureDocs;
}

/** A version of `major-decision` from its parts (version 1: `majorDecisionV1Definition`). */
export function majorDecisionDefinition(parts: MajorDecisionParts): ProcedureDefinition<ProcedureContext, ProcedureInput> {
  const machine = parts.machine;
  /**
   * The server-side pattern (restore, transition, save) without a live actor. XState's `transition()`
   * builds a fresh inert actor, and with it the machine's initial snapshot, on every call; this
   * machine has no invoked or spawned actors and no actions beyond `assign`, so one inert scope
   * serves every step.
   */
  let scope: AnyActorScope | undefined;
  function inertScope(): AnyActorScope {
    if (!scope) {
      const self = createActor(machine, {} as never);
      scope = {
        self,
        id: '',
        sessionId: '',
        system: self.system,
        logger: () => {},
        defer: () => {},
        emit: () => {},
        stopChild: () => {},
        actionExecutor: () => {},
      } as unknown as AnyActorScope;
    }
    return scope;
  }

  const acceptedCache = new Map<string, EventType[]>();
  function acceptedEvents(s: State): EventType[] {
    const key = JSON.stringify(s.value);
    let out = acceptedCache.get(key);
    if (!out) {
      const nodes = getStateNodes(machine.root, s.value as never) as AnyStateNode[];
      const types = new Set<string>();
      for (const n of nodes) for (const t of n.ownEvents) types.add(t);
      out = EVENT_TYPES.filter((t) => types.has(t));
      acceptedCache.set(key, out);
    }
    return out;
  }

  const def: ProcedureDefinition<ProcedureContext, ProcedureInput> = {
    id: 'major-decision',
    version: parts.version,
    stages: STAGES,
    events: EVENT_TYPES,
    systemEvents: SYSTEM_EVENTS,
    steps: STEPS,
    labels: parts.labels,
    isEventType,
    eventActors: EVENT_ACTORS,
    payloadErrors: (type, payload) => (isEventType(type) ? parts.payloadErrors(type, payload) : [{ field: 'type', message: '不是本程序的事件类型' }]),
    payloadUnits: (type, payload) => (isEventType(type) ? payloadUnits(type, payload) : []),

    referenceProblem(state, event, decisionId) {
      if (event.type !== 'RECORD_REVISIONS') return null;
      const errors = opinionReferenceErrors(state.context, event.payload, decisionId);
      return errors.length
        ? {
            code: 'OPINION_NOT_FOUND',
            detail: '所答复的法律意见不是本决策本轮合法性审查中的意见：请使用审查台或者决策详情中本轮法律意见的 opinionId',
            errors,
          }
        : null;
    },

    initial(input) {
      const [snap] = initialTransition(machine, input);
      return { value: snap.value, context: snap.context };
    },

    stageOf,
    acceptedEvents,
    openEvents: (s) => acceptedEvents(s).filter((t) => parts.refusedWhateverPayload(s.context, t) === null),

    decide(state, incoming: IncomingEvent, env: () => FactEnv): Decision<ProcedureContext> {
      const type = incoming.type as EventType;
      const stage = stageOf(state);
      if (!acceptedEvents(state).includes(type)) {
        return {
          accepted: false,
          refusal: parts.wrongStage(state.context, stage, type, acceptedEvents(state)),
          stage,
          facts: {},
        };
      }
      const facts = factsFor(type, incoming.payload, env());
      const event: ProcedureEvent = {
        type,
        payload: incoming.payload,
        facts,
        seq: incoming.seq,
      };
      const refusal = parts.check(state.context, event);
      if (refusal) return { accepted: false, refusal, stage, facts: { ...facts } };
      const snapshot = machine.resolveState({
        value: state.value as never,
        context: state.context,
      });
      const next = machine.transition(snapshot, event, inertScope());
      const nextState = { value: next.value, context: next.context };
      return {
        accepted: true,
        next: nextState,
        fromStage: stage,
        toStage: stageOf(nextState),
        facts: { ...facts },
      };
    },

    progress: (s): ProgressEntry[] =>
      progressOf(s.context).map((p) => ({
        ...p,
        legalBasis: STEP_BASIS[p.step],
      })),
    deadlines: (s, rules, calendar) => deadlinesOf(s.context, STEPS, rules, calendar),
    doneSteps: (s, rules, calendar) => doneStepsOf(s.context, STEPS, rules, calendar),
    claimedDates: parts.claimedDates,
    isComplete: (s) => isComplete(s.context),
    flags: (s) => s.context.flags,
    revision: (s) => s.context.revision,
    implementingUnitId: (s) => s.context.discussion?.implementingUnitId,
    inForce: (s) => s.context.inForce,
    toMermaid: () => toMermaid(machine),
    docs: parts.docs(() => def),
  };
  return def;
}

function factsFor(type: EventType, payload: Record<string, unknown>, env: FactEnv): Facts {
  const facts: Facts = { today: env.today };
  if (type === 'SUBMIT_LEGALITY_REVIEW') {
    // SC713-26: at least 7 working days on the official calendar, counted from the day after submission.
    const submittedOn = payload.submittedOn as string;
    facts.reviewMinDueOn = env.calendar.addWorkingDays(submittedOn, 7);
    facts.reviewWorkingDaysGiven = env.calendar.workingDaysBetween(submittedOn, payload.requestedDueOn as string);
    facts.calendarDataVersion = env.calendar.dataVersion;
  }
  return facts;
}

export const majorDecisionV1Definition: ProcedureDefinition<ProcedureContext, ProcedureInput> = majorDecisionDefinition({
  version: 1,
  machine: majorDecisionV1,
  check,
  wrongStage,
  refusedWhateverPayload,
  payloadErrors,
  labels: {
    stages: STAGE_LABELS,
    steps: STEP_LABELS,
    events: RECORD_TYPE_LABELS,
    statuses: STEP_STATUS_LABELS,
  },
  claimedDates: CLAIMED_DATES,
  docs: majorDecisionV1Docs,
});
