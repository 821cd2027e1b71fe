/**
 * The statechart of version 2: version 1's (`../v1/machine.ts`) with version 2's rules and reducers,
 * and the party committee's reply deciding where a reported decision goes (SC713-31).
 */
import { majorDecisionMachine, V1_STAGES } from '../v1/machine';
import { reduce } from './reducers';
import { check } from './rules';

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
        PUBLISH: { target: 'published', guard: 'allowed', actions: 'record' },
      },
    },
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
