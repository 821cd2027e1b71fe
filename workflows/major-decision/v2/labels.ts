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
/** What an adjustment of a decision in force is for (SC713-37): a major change, or stopping it. */
export const ADJUSTMENT_PURPOSE_LABELS: Readonly<Record<string, string>> = { amend: '重大调整', terminate: '停止执行' };
/**
 * The meetings that discuss a draft, by the kind of the deciding organ: a government's executive or
 * plenary meeting (SC713-30); a department's or a street's own collective meeting, as SC713-42 applies
 * the decree to them.
 */
export const MEETING_TYPE_LABELS: Readonly<Record<string, string>> = {
  executive: '常务会议',
  plenary: '全体会议',
  department_affairs: '部门办公会议（局务会议、委务会议）',
  street_office: '主任办公会议（街道办事处）',
};
export const MEETINGS_OF_ORGAN: Readonly<Record<string, readonly string[]>> = {
  government: ['executive', 'plenary'],
  department: ['department_affairs'],
  street: ['street_office'],
};
/** SC713-8: whether the approved decision is a matter the people's congress or its standing committee decides, or hears before it is issued. */
export const PEOPLES_CONGRESS_MATTER_LABELS: Readonly<Record<string, string>> = {
  none: '不属于人大及其常委会讨论决定或者出台前报告的事项',
  decide: '属于本级人大及其常委会讨论决定的重大事项',
  report: '出台前应当向本级人大常委会报告',
};
