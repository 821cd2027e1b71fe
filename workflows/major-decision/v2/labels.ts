/** The words version 2 adds to version 1's (`../v1/labels.ts`). */
import { PARTICIPATION_METHOD_LABELS as V1_METHODS } from '../v1/labels';

export const PARTY_REPLY_LABELS: Readonly<Record<string, string>> = { agreed: '同意', returned: '退回并提出意见' };
/** SC713-14(2) lists 民意调查 beside the others. */
export const PARTICIPATION_METHOD_LABELS: Readonly<Record<string, string>> = { ...V1_METHODS, opinion_poll: '民意调查' };
