/** The words version 2 adds to version 1's (`../v1/labels.ts`). */
import { PARTICIPATION_METHOD_LABELS as V1_METHODS } from '../v1/labels';

/** A fair competition review's finding (《公平竞争审查条例》第八条至第十二条、第十七条). */
export const FAIR_COMPETITION_FINDING_LABELS: Readonly<Record<string, string>> = {
  compliant: '不含限制竞争内容',
  exception_applies: '具有限制竞争效果但符合第十二条情形',
  non_compliant: '违反第八条至第十一条规定',
};
export const PARTY_REPLY_LABELS: Readonly<Record<string, string>> = { agreed: '同意', returned: '退回并提出意见' };
/** SC713-14(2) lists 民意调查 beside the others. */
export const PARTICIPATION_METHOD_LABELS: Readonly<Record<string, string>> = { ...V1_METHODS, opinion_poll: '民意调查' };
