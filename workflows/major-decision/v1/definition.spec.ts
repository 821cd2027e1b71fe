import { LEGAL_BASIS } from '../../legal-basis';
import { ALL_REQUIRED } from './samples';
import { MAJOR_DECISION_VERSIONS } from '../versions';
import { TO_PUBLISHED, TO_REVIEW, Walk } from './walk';

const B_REQUIREMENTS = {
  publicParticipation: { required: true },
  hearing: { required: false, reason: '不直接涉及群众切身利益' },
  expertArgumentation: { required: false, reason: '专业性不强' },
  riskAssessment: { required: true },
};

function refusal(d: ReturnType<Walk['send']>) {
  if (d.accepted) throw new Error('expected a refusal');
  return d.refusal;
}

describe.each(MAJOR_DECISION_VERSIONS)('version $version', (v) => {
  const def = v.def;
  const walkOf = (input: ConstructorParameters<typeof Walk>[0]) => new Walk(input, v.def, v.samplePayload);
  describe('major-decision', () => {
    it('takes decision A through every step to published and archived', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED, 'ARCHIVE');
      expect(w.state.value).toEqual({ published: { implementation: 'in_force', archive: 'archived' } });
      expect(def.isComplete(w.state)).toBe(true);
      expect(def.progress(w.state).every((p) => p.status === 'done' || p.status === 'not_required')).toBe(true);
    });

    it('refuses a discussion while drafting, naming every skipped step', () => {
      const w = walkOf({ requirements: B_REQUIREMENTS }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
      const r = refusal(w.send('RECORD_DISCUSSION'));
      expect(r.code).toBe('LEGALITY_REVIEW_REQUIRED');
      expect(r.legalBasis).toEqual(['SC713-25']);
      expect(r.missing.map((m) => m.step)).toEqual(['draft', 'publicParticipation', 'riskAssessment', 'legalityReview']);
      expect(w.stage).toBe('drafting');
    });

    it('refuses START_DRAFTING before the catalog is published', () => {
      const r = refusal(walkOf({ requirements: ALL_REQUIRED }).send('START_DRAFTING'));
      expect(r.code).toBe('CATALOG_NOT_PUBLISHED');
      expect(r.legalBasis).toEqual(['SC713-3', 'HLJ-3']);
    });

    it('refuses a review with too little time unless a reason is given, then flags it', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.slice(0, -1));
      const short = { requestedDueOn: w.state.context.lastDate };
      expect(refusal(w.send('SUBMIT_LEGALITY_REVIEW', short)).code).toBe('REVIEW_TIME_TOO_SHORT');
      expect(w.send('SUBMIT_LEGALITY_REVIEW', { ...short, shortenedReason: '上级要求限期出台' }).accepted).toBe(true);
      expect(def.flags(w.state)).toContain('REVIEW_TIME_SHORTENED');
    });

    it('lists every missing pre-review step on submission', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW'));
      expect(r.code).toBe('PUBLIC_PARTICIPATION_INCOMPLETE');
      expect(r.missing.map((m) => m.code)).toEqual(['PUBLIC_PARTICIPATION_INCOMPLETE', 'HEARING_INCOMPLETE', 'EXPERT_ARGUMENTATION_INCOMPLETE', 'RISK_ASSESSMENT_INCOMPLETE']);
    });

    it('keeps the risk step open after an uncontrollable assessment until a later one finds it controllable (version 2: the review proceeds, SC713-24)', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW.slice(0, -2));
      w.send('RECORD_RISK_ASSESSMENT', { controllable: false, riskLevel: 'high' });
      if (v.version === 1) {
        expect(refusal(w.send('SUBMIT_LEGALITY_REVIEW')).code).toBe('RISK_UNCONTROLLABLE');
        w.through('RECORD_RISK_ASSESSMENT');
      }
      w.through('SUBMIT_LEGALITY_REVIEW');
      expect(w.stage).toBe('legality_review');
    });

    it.each([
      ['RECORD_HEARING', { recordSigned: false }, 'HEARING_RECORD_UNSIGNED', 'SC713-17'],
      ['RECORD_HEARING', { materialsDeliveredOn: '2026-01-10', heldOn: '2026-01-16' }, 'HEARING_NOTICE_TOO_SHORT', 'SC713-16'],
      ['RECORD_EXPERT_ARGUMENTATION', { experts: [{ name: '甲', affiliation: '供热公司', directInterest: true }] }, 'EXPERT_CONFLICT_OF_INTEREST', 'SC713-20'],
      ['RECORD_EXPERT_ARGUMENTATION', { opinionsSignedAndSealed: false }, 'EXPERT_OPINION_UNSIGNED', 'SC713-19'],
      ['OPEN_PUBLIC_COMMENT', { startOn: '2026-01-07', endOn: '2026-02-05' }, 'COMMENT_PERIOD_TOO_SHORT', 'SC713-15'],
      ['RECORD_DRAFT', { draftedOn: '2027-01-01' }, 'DATE_IN_FUTURE', 'SC713-33'],
      ['RECORD_DRAFT', { draftedOn: '2025-12-31' }, 'DATE_OUT_OF_ORDER', 'SC713-33'],
    ] as const)('refuses %s with %o as %s', (type, patch, code, basis) => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
      const r = refusal(w.send(type, patch));
      expect(r.code).toBe(code);
      expect(r.legalBasis).toContain(basis);
      expect(w.seq).toBe(3);
    });

    it('allows exactly 30 days of comment, the start day not counted', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
      expect(w.send('OPEN_PUBLIC_COMMENT', { startOn: '2026-01-07', endOn: '2026-02-06' }).accepted).toBe(true);
      expect(refusal(w.send('CLOSE_PUBLIC_COMMENT', { closedOn: '2026-02-05' })).code).toBe('COMMENT_PERIOD_NOT_ENDED');
    });

    it('needs a legal adviser or public lawyer opinion before concluding, and every opinion answered in revisions', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW, 'ACCEPT_REVIEW');
      w.send('ADD_LEGAL_OPINION', { authorKind: 'reviewer' });
      expect(refusal(w.send('CONCLUDE_REVIEW')).code).toBe('LEGAL_OPINION_REQUIRED');
      w.through('ADD_LEGAL_OPINION');
      expect(w.send('CONCLUDE_REVIEW', { conclusion: 'lawful_with_revisions' }).accepted).toBe(true);
      expect(w.stage).toBe('revising');
      const first = w.state.context.review.opinions[0].seq;
      const partial = refusal(w.send('RECORD_REVISIONS', { opinionAdoption: [{ opinionSeq: first, adopted: true, note: '采纳' }] }));
      expect(partial.code).toBe('OPINION_ADOPTION_INCOMPLETE');
      w.through('RECORD_REVISIONS');
      expect(w.stage).toBe('awaiting_discussion');
    });

    it('sends an unlawful draft back and needs a newer draft version to resubmit', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION');
      w.send('CONCLUDE_REVIEW', { conclusion: 'unlawful' });
      expect(w.stage).toBe('drafting');
      expect(refusal(w.send('SUBMIT_LEGALITY_REVIEW')).code).toBe('DRAFT_NOT_REVISED');
      w.through('RECORD_DRAFT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW');
      // The opinion rule counts the new round only.
      expect(refusal(w.send('CONCLUDE_REVIEW')).code).toBe('LEGAL_OPINION_REQUIRED');
    });

    it('needs a reason when the head decides against the majority, then flags it', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED.slice(0, -3));
      const against = { memberOpinions: [{ member: '甲', position: 'disagree' }, { member: '乙', position: 'disagree' }, { member: '丙', position: 'agree' }] };
      expect(refusal(w.send('RECORD_DISCUSSION', against)).code).toBe('HEAD_REASON_REQUIRED');
      expect(w.send('RECORD_DISCUSSION', { ...against, headReason: '上级统一部署' }).accepted).toBe(true);
      expect(def.flags(w.state)).toContain('HEAD_OVERRODE_MAJORITY');
    });

    it('refuses publication before the party report and before a decision', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED.slice(0, -2));
      expect(refusal(w.send('PUBLISH')).code).toBe('PARTY_REPORT_REQUIRED');
      const early = walkOf({ requirements: ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING');
      expect(refusal(early.send('PUBLISH')).code).toBe('DECISION_REQUIRED');
    });

    it('refuses an archive without a material for every done step', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED);
      const r = refusal(w.send('ARCHIVE', { materials: [{ step: 'catalog', ref: 'x' }] }));
      expect(r.code).toBe('ARCHIVE_INCOMPLETE');
      expect(r.missing.map((m) => m.step)).toContain('legalityReview');
    });

    it('adjusts a published decision as revision 2 while revision 1 stays in force', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED, 'START_ADJUSTMENT');
      expect(w.stage).toBe('drafting');
      expect(def.revision(w.state)).toBe(2);
      expect(w.state.context.inForce).toEqual({ revision: 1, status: 'in_force' });
      w.through(...TO_PUBLISHED.slice(2));
      expect(w.state.context.inForce).toBeUndefined();
    });

    it('refuses a late withdrawal and an evaluator that did the pre-decision work', () => {
      const w = walkOf({ requirements: ALL_REQUIRED }).through(...TO_PUBLISHED);
      expect(refusal(w.send('WITHDRAW')).code).toBe('EVENT_NOT_ALLOWED_IN_STAGE');
      expect(refusal(w.send('RECORD_EVALUATION', { evaluator: '某大学' })).code).toBe('EVALUATOR_NOT_INDEPENDENT');
    });

    it('cites only known legal bases and has one for every id the spec names', () => {
      for (const id of ['SC713-3', 'SC713-10', 'SC713-11', 'SC713-12', 'SC713-14', 'SC713-15', 'SC713-16', 'SC713-17', 'SC713-18', 'SC713-19', 'SC713-20', 'SC713-22', 'SC713-23', 'SC713-24', 'SC713-25', 'SC713-26', 'SC713-27', 'SC713-28', 'SC713-29', 'SC713-30', 'SC713-31', 'SC713-32', 'SC713-33', 'SC713-34', 'SC713-35', 'SC713-36', 'SC713-37', 'SC713-39', 'SC713-42', 'HLJ-3', 'FCR-13']) {
        expect(LEGAL_BASIS[id]?.summary).toMatch(/。$/);
      }
    });

    it('draws the statechart as Mermaid', () => {
      const m = def.toMermaid();
      expect(m.startsWith('stateDiagram-v2')).toBe(true);
      expect(m).toContain('legality_review_in_review --> awaiting_discussion: CONCLUDE_REVIEW');
    });
  });
});
