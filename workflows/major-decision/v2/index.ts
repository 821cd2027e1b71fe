/**
 * `major-decision` version 2: version 1 (`../v1`) with what a reading of 《重大行政决策程序暂行条例》
 * found it lacked (README, "What version 2 changes"). What did not change is version 1's own code;
 * decisions started on version 1 go on under it.
 */
import type { ProcedureDefinition } from '../../definition';
import { majorDecisionDefinition } from '../v1';
import { CLAIMED_DATES } from '../v1/claimed-dates';
import type { ProcedureContext, ProcedureInput } from '../v1/context';
import { RECORD_TYPE_LABELS, STAGE_LABELS, STEP_LABELS, STEP_STATUS_LABELS } from '../v1/labels';
import { majorDecisionV2Docs } from './docs';
import { payloadErrors } from './events';
import { majorDecisionV2 } from './machine';
import { check, refusedWhateverPayload, wrongStage } from './rules';

export { EVENT_PAYLOADS } from './events';
export { majorDecisionV2 } from './machine';

export const majorDecisionV2Definition: ProcedureDefinition<ProcedureContext, ProcedureInput> = majorDecisionDefinition({
  version: 2,
  machine: majorDecisionV2,
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
  docs: majorDecisionV2Docs,
});
