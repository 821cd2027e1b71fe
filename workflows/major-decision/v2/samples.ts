/** Valid sample events of version 2: version 1's (`../v1/samples.ts`), the party committee's reply and the organ's risk finding added. */
import type { ProcedureContext } from '../v1/context';
import type { EventType } from '../v1/events';
import { samplePayload as v1SamplePayload } from '../v1/samples';

export function samplePayload(type: EventType, ctx: ProcedureContext): Record<string, unknown> {
  const p = v1SamplePayload(type, ctx);
  if (type === 'RECORD_DRAFT' && ctx.affectsMarket) {
    return { ...p, fairCompetitionFindings: { initialFinding: 'compliant', regulatorReviewedOn: p.draftedOn, regulatorRef: '区市场监管局审查意见〔2026〕5号', regulatorFinding: 'compliant' } };
  }
  if (type === 'RECORD_IMPLEMENTATION_REPORT') return { ...p, problems: ['部分小区居民对施工时段有较大意见'] };
  if (type === 'SUSPEND') return { ...p, urgency: '冬季供暖期施工影响居民取暖', headDecisionRef: '区长批示〔2026〕12号' };
  if (type === 'REPORT_TO_PARTY_COMMITTEE') return { ...p, committeeReply: 'agreed', repliedOn: p.reportedOn };
  // SC713-24: after an assessment that found the risk uncontrollable, the organ's own finding.
  if (type === 'RECORD_DISCUSSION' && ctx.risk && !ctx.risk.controllable) return { ...p, riskFinding: { controllable: true, measures: ['调整实施步骤'] } };
  return p;
}
