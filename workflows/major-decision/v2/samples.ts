/** Valid sample events of version 2: version 1's (`../v1/samples.ts`) with what version 2 asks besides. */
import { addDays } from '../../dates';
import type { ProcedureContext } from '../v1/context';
import type { EventType } from '../v1/events';
import { samplePayload as v1SamplePayload } from '../v1/samples';

export function samplePayload(type: EventType, ctx: ProcedureContext): Record<string, unknown> {
  const p = v1SamplePayload(type, ctx);
  if (type === 'RECORD_DRAFT') {
    const consulted = { ...p, consultations: [{ unit: '区财政局', agreed: true }] };
    if (!ctx.affectsMarket) return consulted;
    return { ...consulted, fairCompetitionFindings: { initialFinding: 'compliant', regulatorReviewedOn: p.draftedOn, regulatorRef: '区市场监管局审查意见〔2026〕5号', regulatorFinding: 'compliant' } };
  }
  if (type === 'WITHDRAW') return { ...p, organDecisionRef: '区政府常务会议纪要〔2026〕3号' };
  if (type === 'TERMINATE') {
    // A decision stops by itself on the day after its stated term (SC713-37: any other stop is an adjustment).
    const { meetingRef: _m, ...rest } = p;
    return { ...rest, terminatedOn: ctx.validUntil ? addDays(ctx.validUntil, 1) : p.terminatedOn, reason: '有效期届满' };
  }
  if (type === 'RECORD_IMPLEMENTATION_REPORT') return { ...p, problems: ['部分小区居民对施工时段有较大意见'] };
  if (type === 'SUSPEND') return { ...p, urgency: '冬季供暖期施工影响居民取暖', headDecisionRef: '区长批示〔2026〕12号' };
  if (type === 'REPORT_TO_PARTY_COMMITTEE') return { ...p, committeeReply: 'agreed', repliedOn: p.reportedOn };
  // SC713-24: after an assessment that found the risk uncontrollable, the organ's own finding.
  if (type === 'RECORD_DISCUSSION') {
    const meetingType = ctx.organKind === 'department' ? 'department_affairs' : ctx.organKind === 'street' ? 'street_office' : p.meetingType;
    const discussed = { ...p, meetingType, headSpokeLast: true, peopleCongressMatter: 'none' };
    return ctx.risk && !ctx.risk.controllable ? { ...discussed, riskFinding: { controllable: true, measures: ['调整实施步骤'] } } : discussed;
  }
  return p;
}
