/**
 * The statechart of version 2: version 1's (`../v1/machine.ts`) with version 2's rules and reducers,
 * the party committee's reply deciding where a reported decision goes (SC713-31), and the
 * publication of a decision to stop one in force ending its implementation (SC713-37).
 */
import { majorDecisionMachine, V1_STAGES } from '../v1/machine';
import { reduce } from './reducers';
import { check } from './rules';

/** SC713-37: an adjustment whose purpose is to stop the decision ends its implementation when it is published. */
const PUBLISH_ENDS_OR_STARTS = [
  {
    target: '#major-decision.published.implementation.terminated',
    guard: { type: 'allowedIfState', params: { c: 'adjustmentPurpose', is: 'terminate' } },
    actions: 'record',
  },
  { target: 'published', guard: 'allowed', actions: 'record' },
] as const;

export const majorDecisionV2 = majorDecisionMachine({
  check,
  reduce,
  stages: {
    decided: {
      on: {
        REPORT_TO_PARTY_COMMITTEE: [
          {
            target: 'reported',
            guard: {
              type: 'allowedWhen',
              params: { p: 'committeeReply', is: 'agreed' },
            },
            actions: 'record',
          },
          // Returned with opinions: back to the draft, to be revised (SC713-31).
          {
            target: 'drafting',
            guard: {
              type: 'allowedWhen',
              params: { p: 'committeeReply', is: 'returned' },
            },
            actions: 'record',
          },
        ],
        // Publication straight after the decision only where a cited rule exempts the report (rules.ts).
        PUBLISH: PUBLISH_ENDS_OR_STARTS,
      },
    },
    reported: { on: { PUBLISH: PUBLISH_ENDS_OR_STARTS } },
    published: {
      ...V1_STAGES.published,
      states: {
        ...V1_STAGES.published.states,
        archive: {
          ...V1_STAGES.published.states.archive,
          states: {
            ...V1_STAGES.published.states.archive.states,
            // SC713-33: material recorded after the archive (reports, suspensions, evaluations, termination) is archived in turn.
            archived: { on: { ARCHIVE: { guard: 'allowed', actions: 'record' } } },
          },
        },
      },
    },
  },
});
