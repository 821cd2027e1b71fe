/**
 * The major-decision procedure, version 1, as an XState statechart. Stages are the top-level
 * states; every transition's guard is the rule table of rules.ts and every action the reducer of
 * reducers.ts, so the machine, the refusals and the diagrams come from one definition.
 */
import { assign, setup } from 'xstate';
import { initialContext, type ProcedureContext, type ProcedureEvent, type ProcedureInput } from './context';
import { reduce as reduceV1 } from './reducers';
import { check as checkV1, type Refusal } from './rules';

type Branch = { p: string; is: string };

const req = { required: true };
const NO_INPUT: ProcedureInput = { requirements: { publicParticipation: req, hearing: req, expertArgumentation: req, riskAssessment: req } };

const archiveRegion = {
  initial: 'pending',
  states: {
    pending: { on: { ARCHIVE: { target: 'archived', guard: 'allowed', actions: 'record' } } },
    archived: {},
  },
} as const;

/** What a version of the procedure puts into the statechart: its rules, its reducers, and the stages it reshapes. */
export interface MachineParts {
  check: (ctx: ProcedureContext, e: ProcedureEvent) => Refusal | null;
  reduce: (ctx: ProcedureContext, e: ProcedureEvent) => ProcedureContext;
  /** Top-level stages replaced whole (a later version's own transitions). */
  stages?: Record<string, unknown>;
}

/** The statechart of the procedure, built from one version's parts (version 1: `majorDecisionV1`). */
export const majorDecisionMachine = ({ check, reduce, stages }: MachineParts) =>
  setup({
  types: {
    context: {} as ProcedureContext,
    events: {} as ProcedureEvent,
    input: {} as ProcedureInput,
  },
  guards: {
    /** Every rule of rules.ts passes for this event in this stage. */
    allowed: ({ context, event }) => check(context, event) === null,
    /** Same, and a payload member selects this branch. */
    allowedWhen: ({ context, event }, b: Branch) =>
      event.payload[b.p] === b.is && check(context, event) === null,
    partyReportNotRequired: ({ context }) => context.requirements.partyCommitteeReport?.required === false,
    /** Same as `allowed`, and a member of the state selects this branch (a later version's branches). */
    allowedIfState: ({ context, event }, b: { c: keyof ProcedureContext; is: string }) => context[b.c] === b.is && check(context, event) === null,
  },
  actions: {
    record: assign(({ context, event }) => reduce(context, event)),
  },
}).createMachine({
  id: 'major-decision',
  // `transition()` builds an inert actor per call, which evaluates this without input: keep that
  // path cheap and non-throwing (the real input always comes through initialTransition).
  context: ({ input }) => initialContext(input ?? NO_INPUT),
  initial: 'proposed',
  states: { ...V1_STAGES, ...(stages as Partial<typeof V1_STAGES>) },
});

/** Version 1's stages, which a later version reshapes one by one. */
export const V1_STAGES = {
    proposed: {
      on: {
        CATALOG_PUBLISHED: { target: 'cataloged', guard: 'allowed', actions: 'record' },
        AMEND_REQUIREMENTS: { guard: 'allowed', actions: 'record' },
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
    },
    cataloged: {
      on: {
        START_DRAFTING: { target: 'drafting', guard: 'allowed', actions: 'record' },
        AMEND_REQUIREMENTS: { guard: 'allowed', actions: 'record' },
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
    },
    drafting: {
      on: {
        RECORD_DRAFT: { guard: 'allowed', actions: 'record' },
        OPEN_PUBLIC_COMMENT: { guard: 'allowed', actions: 'record' },
        CLOSE_PUBLIC_COMMENT: { guard: 'allowed', actions: 'record' },
        RECORD_PUBLIC_PARTICIPATION: { guard: 'allowed', actions: 'record' },
        RECORD_HEARING: { guard: 'allowed', actions: 'record' },
        RECORD_EXPERT_ARGUMENTATION: { guard: 'allowed', actions: 'record' },
        RECORD_RISK_ASSESSMENT: { guard: 'allowed', actions: 'record' },
        AMEND_REQUIREMENTS: { guard: 'allowed', actions: 'record' },
        SUBMIT_LEGALITY_REVIEW: { target: 'legality_review', guard: 'allowed', actions: 'record' },
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
    },
    legality_review: {
      initial: 'submitted',
      on: {
        RETURN_MATERIALS: { target: 'drafting', guard: 'allowed', actions: 'record' },
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
      states: {
        submitted: {
          on: { ACCEPT_REVIEW: { target: 'in_review', guard: 'allowed', actions: 'record' } },
        },
        in_review: {
          on: {
            ADD_LEGAL_OPINION: { guard: 'allowed', actions: 'record' },
            CONCLUDE_REVIEW: [
              { target: '#major-decision.awaiting_discussion', guard: { type: 'allowedWhen', params: { p: 'conclusion', is: 'lawful' } }, actions: 'record' },
              { target: '#major-decision.revising', guard: { type: 'allowedWhen', params: { p: 'conclusion', is: 'lawful_with_revisions' } }, actions: 'record' },
              { target: '#major-decision.drafting', guard: { type: 'allowedWhen', params: { p: 'conclusion', is: 'unlawful' } }, actions: 'record' },
              {
                target: '#major-decision.awaiting_discussion',
                guard: { type: 'allowedWhen', params: { p: 'conclusion', is: 'exploratory_risk_disclosed' } },
                actions: 'record',
              },
            ],
          },
        },
      },
    },
    revising: {
      on: {
        RECORD_REVISIONS: { target: 'awaiting_discussion', guard: 'allowed', actions: 'record' },
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
    },
    awaiting_discussion: {
      on: {
        RECORD_DISCUSSION: [
          { target: 'decided', guard: { type: 'allowedWhen', params: { p: 'headDecision', is: 'approve' } }, actions: 'record' },
          { target: 'rejected', guard: { type: 'allowedWhen', params: { p: 'headDecision', is: 'reject' } }, actions: 'record' },
          { target: 'drafting', guard: { type: 'allowedWhen', params: { p: 'headDecision', is: 'return' } }, actions: 'record' },
        ],
        WITHDRAW: { target: 'withdrawn', guard: 'allowed', actions: 'record' },
      },
    },
    decided: {
      on: {
        REPORT_TO_PARTY_COMMITTEE: { target: 'reported', guard: 'allowed', actions: 'record' },
        // Publication straight after the decision only where no party report is required (rules.ts).
        PUBLISH: { target: 'published', guard: 'allowed', actions: 'record' },
      },
    },
    reported: {
      on: { PUBLISH: { target: 'published', guard: 'allowed', actions: 'record' } },
    },
    published: {
      type: 'parallel',
      states: {
        implementation: {
          initial: 'in_force',
          states: {
            in_force: {
              on: {
                RECORD_IMPLEMENTATION_REPORT: { guard: 'allowed', actions: 'record' },
                RECORD_EVALUATION: { guard: 'allowed', actions: 'record' },
                SUSPEND: { target: 'suspended', guard: 'allowed', actions: 'record' },
                START_ADJUSTMENT: { target: '#major-decision.drafting', guard: 'allowed', actions: 'record' },
                TERMINATE: { target: 'terminated', guard: 'allowed', actions: 'record' },
              },
            },
            suspended: {
              on: {
                RECORD_IMPLEMENTATION_REPORT: { guard: 'allowed', actions: 'record' },
                RECORD_EVALUATION: { guard: 'allowed', actions: 'record' },
                RESUME: { target: 'in_force', guard: 'allowed', actions: 'record' },
                START_ADJUSTMENT: { target: '#major-decision.drafting', guard: 'allowed', actions: 'record' },
                TERMINATE: { target: 'terminated', guard: 'allowed', actions: 'record' },
              },
            },
            terminated: {},
          },
        },
        archive: archiveRegion,
      },
    },
    // Ended procedures still owe their archive (SC713-33).
    rejected: archiveRegion,
    withdrawn: archiveRegion,
} as const;

export const majorDecisionV1 = majorDecisionMachine({ check: checkV1, reduce: reduceV1 });
