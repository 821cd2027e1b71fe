/**
 * How each step of a major decision is due, as `deadlines.ts` computes it, for the procedure
 * manual: the rule (a key of `config/deadlines.json`, or the date field that sets the day), its
 * unit, and what it counts from. `deadline-docs.spec.ts` checks it against the deadlines the
 * definition gives along the statechart.
 */
import type { StepDeadlineDoc } from '../../docs';
import type { StepId } from './steps';

export const STEP_DEADLINES: ReadonlyArray<StepDeadlineDoc & { step: StepId }> = [
  { step: 'catalog', rule: 'catalogPublishedBy', unit: 'fixed_date', from: '目录年度当年的该月日' },
  { step: 'start', rule: 'plannedStartOn', unit: 'fixed_date', from: '目录事项的计划启动日期 plannedStartOn（仅第一轮）' },
  { step: 'publicParticipation', rule: 'publicCommentClosedWithinWorkingDays', unit: 'working_days', from: '公开征求意见期的截止日期（endOn）之后' },
  { step: 'legalityReview', rule: 'requestedDueOn', unit: 'fixed_date', from: '送审时请求的审查期限 requestedDueOn' },
  { step: 'collectiveDiscussion', rule: 'plannedDecisionOn', unit: 'fixed_date', from: '目录事项的计划决策日期 plannedDecisionOn（仅第一轮）' },
  { step: 'partyCommitteeReport', rule: 'partyReportWithinWorkingDays', unit: 'working_days', from: '集体讨论作出决定之日（会议日期）之后' },
  { step: 'publication', rule: 'publicationWithinWorkingDays', unit: 'working_days', from: '集体讨论作出决定之日（会议日期）之后' },
  { step: 'archive', rule: 'archiveWithinDays', unit: 'calendar_days', from: '公布、决定不予通过或者撤回之日之后' },
];
