/**
 * What each refusal tells the person at the desk: the words of stages, steps and events in place
 * of their codes, and, where a field mends it, the field and what would pass (README, "The procedure").
 */
import type { ProcedureRefusal } from '../../definition';
import { addDays } from '../../dates';
import type { TimeLimit } from './rules';
import { ALL_REQUIRED } from './samples';
import { MAJOR_DECISION_VERSIONS } from '../versions';
import { TO_PUBLISHED, TO_REVIEW, Walk } from './walk';

function refusal(d: ReturnType<Walk['send']>): ProcedureRefusal {
  if (d.accepted) throw new Error('expected a refusal');
  return d.refusal;
}

describe.each(MAJOR_DECISION_VERSIONS)('version $version', (v) => {
  const walkOf = (input: ConstructorParameters<typeof Walk>[0]) => new Walk(input, v.def, v.samplePayload);
  const drafting = (input: Partial<ConstructorParameters<typeof Walk>[0]> = {}) => walkOf({ requirements: ALL_REQUIRED, ...input }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
  describe('refusals name the words of the procedure, not its codes', () => {
    it('a step skipped: the missing steps by their words, legal basis and missing kept', () => {
      const r = refusal(drafting().send('RECORD_DISCUSSION'));
      expect(r.code).toBe('LEGALITY_REVIEW_REQUIRED');
      expect(r.detail).toContain('尚未完成的必经环节：「拟订决策草案」、「公众参与」、「听证会」、「专家论证」、「风险评估」、「合法性审查」');
      expect(r.detail).not.toMatch(/publicParticipation|legalityReview|RECORD_DISCUSSION/);
      expect(r.missing.map((m) => m.step)).toEqual(['draft', 'publicParticipation', 'hearing', 'expertArgumentation', 'riskAssessment', 'legalityReview']);
      expect(r.legalBasis).toEqual(['SC713-25']);
    });

    it('a submission before the pre-review steps lists them by their words', () => {
      const w = drafting();
      w.send('RECORD_DRAFT');
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW'));
      expect(r.code).toBe('PUBLIC_PARTICIPATION_INCOMPLETE');
      expect(r.detail).toContain('「公众参与」、「听证会」、「专家论证」、「风险评估」');
    });

    it('an event the stage does not take: the stage by its word and what the stage takes now', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED);
      const r = refusal(w.send('RESUME'));
      expect(r.code).toBe('EVENT_NOT_ALLOWED_IN_STAGE');
      expect(r.detail).toMatch(/^决策事项处于「已公布」阶段，不能办理「恢复执行」（RESUME）。当前阶段可办理：/);
      expect(r.detail).toContain('「中止执行」（SUSPEND）');
      expect(r.detail).not.toContain('published');
    });

    it('CONCLUDE_REVIEW before ACCEPT_REVIEW: accept first (先受理)', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW);
      for (const type of ['CONCLUDE_REVIEW', 'ADD_LEGAL_OPINION'] as const) {
        const r = refusal(w.send(type));
        expect(r.code).toBe('EVENT_NOT_ALLOWED_IN_STAGE');
        expect(r.detail).toContain('请先办理「受理合法性审查」（ACCEPT_REVIEW）');
        expect(r.extra).toEqual({ requiredFirst: [{ type: 'ACCEPT_REVIEW', label: '受理合法性审查' }] });
      }
    });
  });

  describe('refusals a field mends name the field and what would pass', () => {
    it('FAIR_COMPETITION_REVIEW_REQUIRED names the field that records the review (version 2: the structured findings)', () => {
      const field = v.version === 1 ? 'fairCompetitionReview' : 'fairCompetitionFindings';
      const r = refusal(drafting({ affectsMarket: true }).send('RECORD_DRAFT', { fairCompetitionReview: undefined, fairCompetitionFindings: undefined }));
      expect(r.code).toBe('FAIR_COMPETITION_REVIEW_REQUIRED');
      expect(r.errors).toEqual([{ field: `payload.${field}`, message: expect.stringContaining('市场') as unknown }]);
      expect(r.detail).toContain(field);
    });

    it('COMMENT_PERIOD_TOO_SHORT: the 30 days, the earliest end date and the reason that allows a shorter period', () => {
      const w = drafting();
      const startOn = '2026-03-02';
      const r = refusal(w.send('OPEN_PUBLIC_COMMENT', { startOn, endOn: '2026-03-22' }));
      expect(r.code).toBe('COMMENT_PERIOD_TOO_SHORT');
      expect(r.detail).toContain('一般不少于30日');
      expect(r.detail).toContain('endOn 最早为 2026-04-01，现为 2026-03-22，只有 20 日');
      expect(r.detail).toContain('shortenedReason');
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.endOn', 'payload.shortenedReason']);
      expect(r.errors?.[0].message).toContain('2026-04-01');
      expect(r.extra?.timeLimit).toEqual<TimeLimit>({
        field: 'payload.endOn',
        days: 30,
        unit: 'calendar_days',
        from: startOn,
        given: 20,
        earliestOn: addDays(startOn, 30),
        reasonField: 'payload.shortenedReason',
      });
      expect(w.send('OPEN_PUBLIC_COMMENT', { startOn, endOn: '2026-04-01' }).accepted).toBe(true);
    });

    it('HEARING_NOTICE_TOO_SHORT: the latest delivery, the earliest hearing, and no reason that shortens it', () => {
      const r = refusal(drafting().send('RECORD_HEARING', { materialsDeliveredOn: '2026-03-10', heldOn: '2026-03-13' }));
      expect(r.code).toBe('HEARING_NOTICE_TOO_SHORT');
      expect(r.detail).toContain('材料最迟应于 2026-03-06 送达');
      expect(r.errors).toEqual([
        { field: 'payload.materialsDeliveredOn', message: expect.stringContaining('2026-03-06') as unknown },
        { field: 'payload.heldOn', message: expect.stringContaining('2026-03-17') as unknown },
      ]);
      expect(r.extra?.timeLimit).toMatchObject({ days: 7, unit: 'calendar_days', earliestOn: '2026-03-17' });
      expect((r.extra?.timeLimit as TimeLimit).reasonField).toBeUndefined();
    });

    it('EXPERT_CONFLICT_OF_INTEREST names the expert and the entry', () => {
      const experts = [
        { name: '王教授', affiliation: '某大学', directInterest: false },
        { name: '赵工程师', affiliation: '城投供热公司', directInterest: true },
      ];
      const r = refusal(drafting().send('RECORD_EXPERT_ARGUMENTATION', { experts }));
      expect(r.code).toBe('EXPERT_CONFLICT_OF_INTEREST');
      expect(r.detail).toContain('「赵工程师」（城投供热公司）与决策事项有直接利害关系');
      expect(r.detail).not.toContain('王教授');
      expect(r.errors).toEqual([{ field: 'payload.experts[1].directInterest', message: expect.stringContaining('赵工程师') as unknown }]);
      expect(r.extra?.conflictedExperts).toEqual([{ index: 1, name: '赵工程师', affiliation: '城投供热公司' }]);
    });

    it('REVIEW_TIME_TOO_SHORT: the 7 working days, the earliest due date, and shortenedReason', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.filter((t) => t !== 'SUBMIT_LEGALITY_REVIEW'));
      const submittedOn = w.state.context.lastDate as string;
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW', { requestedDueOn: addDays(submittedOn, 2) }));
      expect(r.code).toBe('REVIEW_TIME_TOO_SHORT');
      const limit = r.extra?.timeLimit as TimeLimit;
      expect(limit).toMatchObject({ field: 'payload.requestedDueOn', days: 7, unit: 'working_days', from: submittedOn, reasonField: 'payload.shortenedReason' });
      expect(r.detail).toContain(`requestedDueOn 最早为 ${limit.earliestOn}`);
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.requestedDueOn', 'payload.shortenedReason']);
    });

    it('REVIEW_MATERIALS_INCOMPLETE names each material missing and the recorded draft versions', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.filter((t) => t !== 'SUBMIT_LEGALITY_REVIEW'));
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW', { materials: { draftVersion: 'v9' } }));
      expect(r.code).toBe('REVIEW_MATERIALS_INCOMPLETE');
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.materials.draftVersion', 'payload.materials.legalBasis', 'payload.materials.procedureStatement']);
      expect(r.errors?.[0].message).toContain('「r1-v1」');
      expect(r.detail).toContain('有关法律、法规、规章等依据、履行决策法定程序的说明');
    });

    it('a date in the future names the field and today', () => {
      const r = refusal(drafting().send('RECORD_DRAFT', { draftedOn: '2099-01-01' }));
      expect(r.code).toBe('DATE_IN_FUTURE');
      expect(r.errors).toEqual([{ field: 'payload.draftedOn', message: '不得晚于今天（2026-11-28）' }]);
      expect(r.detail).toContain('「登记决策草案」（RECORD_DRAFT）的 draftedOn');
    });

    it('HEAD_REASON_REQUIRED names headReason and the positions by their words', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED.slice(0, TO_PUBLISHED.indexOf('RECORD_DISCUSSION')));
      const r = refusal(w.send('RECORD_DISCUSSION', { memberOpinions: [{ member: '副区长', position: 'disagree' }] }));
      expect(r.code).toBe('HEAD_REASON_REQUIRED');
      expect(r.detail).toContain('多数意见为「不同意」，行政首长的决定为「通过」');
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.headReason']);
    });
  });
});
