import { majorDecisionV1Definition as v1 } from '../v1';
import { ALL_REQUIRED, REQUIREMENT_SETS } from '../v1/samples';
import { TO_PUBLISHED, TO_REVIEW, Walk } from '../v1/walk';
import { addDays } from '../../dates';
import { codeLabel, FLAG_LABELS } from '../../labels';
import { REFUSAL_CATEGORIES } from '../../refusal-categories';
import { validateShape } from '../../schema';
import { majorDecisionV2Definition as v2 } from './index';
import { EVENT_EXAMPLES } from './docs';
import { EVENT_PAYLOADS } from './events';
import { samplePayload } from './samples';
import type { Requirements } from '../v1/context';

const walk = (requirements: Requirements = ALL_REQUIRED) => new Walk({ requirements }, v2, samplePayload);
const v1Walk = (requirements: Requirements = ALL_REQUIRED) => new Walk({ requirements });
const TO_DECIDED = TO_PUBLISHED.slice(0, TO_PUBLISHED.indexOf('REPORT_TO_PARTY_COMMITTEE'));
const refusal = (d: ReturnType<Walk['send']>) => {
  if (d.accepted) throw new Error('accepted');
  return d.refusal;
};

describe('major-decision version 2', () => {
  it('is version 2 of the same procedure, with the same stages, steps and events as version 1', () => {
    expect([v2.id, v2.version]).toEqual(['major-decision', 2]);
    expect(v2.stages).toEqual(v1.stages);
    expect(v2.events).toEqual(v1.events);
    expect(v2.steps).toEqual(v1.steps);
  });

  it('gives every refusal code new in version 2 a category and a Chinese word', () => {
    for (const code of [
      'NOTHING_TO_ARCHIVE',
      'FAIR_COMPETITION_REVIEW_NEGATIVE',
      'SUSPENSION_WITHOUT_PROBLEM_REPORT',
      'PUBLIC_COMMENT_NOT_CLOSED',
      'PARTY_REPORT_EXEMPTION_UNCITED',
      'REVIEW_DUE_BEFORE_SUBMISSION',
      'COMMENT_PERIOD_ENDS_BEFORE_START',
      'TERMINATION_WITHOUT_PROCEDURE',
      'HEAD_DID_NOT_SPEAK_LAST',
      'MEETING_NOT_OF_ORGAN',
      'PEOPLES_CONGRESS_REQUIRED',
    ]) {
      expect([code, REFUSAL_CATEGORIES[code]]).toEqual([code, expect.any(String)]);
      expect(codeLabel(code)).not.toBe(code);
    }
    for (const f of ['PARTY_REPORT_EXEMPTED', 'PARTY_COMMITTEE_RETURNED', 'RISK_FOUND_CONTROLLABLE_BY_ORGAN', 'ARCHIVE_SUPPLEMENT_DUE', 'CONSULTATION_DISPUTED', 'TERMINATED_BY_ADJUSTMENT']) {
      expect(FLAG_LABELS[f]).toBeDefined();
    }
  });

  it('has an example of every event that passes its version-2 schema', () => {
    for (const [type, example] of Object.entries(EVENT_EXAMPLES)) {
      expect([type, validateShape(EVENT_PAYLOADS[type as keyof typeof EVENT_PAYLOADS], example, 'payload')]).toEqual([type, []]);
      expect([type, v2.payloadErrors(type, example)]).toEqual([type, []]);
    }
  });

  describe('SC713-31: the report to the party committee and its reply', () => {
    it('asks for the committee reply with the report (a 400 naming committeeReply and repliedOn)', () => {
      const w = walk().through(...TO_DECIDED);
      const fields = v2.payloadErrors('REPORT_TO_PARTY_COMMITTEE', { reportedOn: '2026-10-01', reference: '请示〔2026〕1号' }).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['payload.committeeReply', 'payload.repliedOn']));
      expect(w.stage).toBe('decided');
      // Version 1 takes the report alone.
      expect(v1.payloadErrors('REPORT_TO_PARTY_COMMITTEE', { reportedOn: '2026-10-01', reference: '请示〔2026〕1号' })).toEqual([]);
    });

    it('asks for the committee opinions when it returned the draft', () => {
      expect(v2.payloadErrors('REPORT_TO_PARTY_COMMITTEE', { reportedOn: '2026-10-01', reference: 'r', committeeReply: 'returned', repliedOn: '2026-10-02' })).toEqual([
        { field: 'payload.replyOpinions', message: expect.stringContaining('党委') },
      ]);
    });

    it('publishes after the committee agreed', () => {
      const w = walk().through(...TO_DECIDED, 'REPORT_TO_PARTY_COMMITTEE');
      expect(w.stage).toBe('reported');
      expect(w.send('PUBLISH').accepted).toBe(true);
      expect(w.stage).toBe('published');
    });

    it('sends a returned draft back to drafting, to be revised, reviewed and discussed again; publication is refused meanwhile', () => {
      const w = walk().through(...TO_DECIDED);
      const d = w.send('REPORT_TO_PARTY_COMMITTEE', { committeeReply: 'returned', replyOpinions: ['补充对小微企业的过渡安排'] });
      expect(d.accepted).toBe(true);
      expect(w.stage).toBe('drafting');
      expect(w.state.context.flags).toContain('PARTY_COMMITTEE_RETURNED');
      expect(w.state.context.done.collectiveDiscussion).toBeUndefined();
      expect(refusal(w.send('PUBLISH')).code).toBe('DECISION_REQUIRED');
      // The revised draft goes through review and discussion again, then to the committee.
      w.through('RECORD_DRAFT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH');
      expect(w.stage).toBe('published');
    });

    it('refuses a reply dated before the report, naming repliedOn', () => {
      const w = walk().through(...TO_DECIDED);
      const reportedOn = w.state.context.lastDate as string;
      const r = refusal(w.send('REPORT_TO_PARTY_COMMITTEE', { reportedOn, repliedOn: '2026-01-01' }));
      expect(r.code).toBe('DATE_OUT_OF_ORDER');
      expect(r.errors).toEqual([{ field: 'payload.repliedOn', message: `不得早于 reportedOn（${reportedOn}）` }]);
    });

    it('publishes without a report only where a cited rule exempts the matter, and flags it', () => {
      const exempt = REQUIREMENT_SETS['hearing and experts waived, no party report'];
      const w = walk(exempt).through(...TO_DECIDED.filter((t) => t !== 'RECORD_HEARING' && t !== 'RECORD_EXPERT_ARGUMENTATION'), 'PUBLISH');
      expect(w.stage).toBe('published');
      expect(w.state.context.flags).toContain('PARTY_REPORT_EXEMPTED');

      const uncited = walk({ ...exempt, partyCommitteeReport: { required: false } }).through(...TO_DECIDED.filter((t) => t !== 'RECORD_HEARING' && t !== 'RECORD_EXPERT_ARGUMENTATION'));
      const r = refusal(uncited.send('PUBLISH'));
      expect(r.code).toBe('PARTY_REPORT_EXEMPTION_UNCITED');
      expect(r.legalBasis).toEqual(['SC713-31']);
      expect(r.errors).toEqual([{ field: 'requirements.partyCommitteeReport.reason', message: expect.stringContaining('依据') }]);
      expect(r.detail).toContain('「向同级党委请示报告」');
      expect(v2.openEvents(uncited.state)).not.toContain('PUBLISH');
      // Version 1 lets it pass.
      const onV1 = v1Walk({ ...exempt, partyCommitteeReport: { required: false } }).through(...TO_DECIDED.filter((t) => t !== 'RECORD_HEARING' && t !== 'RECORD_EXPERT_ARGUMENTATION'), 'PUBLISH');
      expect(onV1.stage).toBe('published');
    });

    it('asks for the rule when requirements are amended to exempt the report', () => {
      expect(v2.payloadErrors('AMEND_REQUIREMENTS', { amendedOn: '2026-02-01', reason: '重新核定', requirements: { ...ALL_REQUIRED, partyCommitteeReport: { required: false } } })).toEqual([
        { field: 'payload.requirements.partyCommitteeReport.reason', message: expect.stringContaining('依据') },
      ]);
    });
  });

  describe('SC713-15, SC713-26: impossible dates are refused whatever the reason', () => {
    it('refuses a comment period ending before it starts, even with a reason for shortening it', () => {
      const w = walk().through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
      const startOn = addDays(w.state.context.lastDate as string, 10);
      const endOn = addDays(startOn, -5);
      const r = refusal(w.send('OPEN_PUBLIC_COMMENT', { startOn, endOn, shortenedReason: '情况紧急' }));
      expect(r.code).toBe('COMMENT_PERIOD_ENDS_BEFORE_START');
      expect(r.legalBasis).toEqual(['SC713-15']);
      expect(r.errors).toEqual([{ field: 'payload.endOn', message: `不得早于 startOn（${startOn}）` }]);
      // Version 1 took it with the reason.
      const onV1 = v1Walk().through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');
      expect(onV1.send('OPEN_PUBLIC_COMMENT', { startOn, endOn, shortenedReason: '情况紧急' }).accepted).toBe(true);
    });

    it('refuses a review due before its submission, even with a reason for shortening it', () => {
      const w = walk().through(...TO_REVIEW.slice(0, -1));
      const submittedOn = w.state.context.lastDate as string;
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW', { submittedOn, requestedDueOn: '2026-01-01', shortenedReason: '情况紧急' }));
      expect(r.code).toBe('REVIEW_DUE_BEFORE_SUBMISSION');
      expect(r.legalBasis).toEqual(['SC713-26']);
      expect(r.errors).toEqual([{ field: 'payload.requestedDueOn', message: `不得早于 submittedOn（${submittedOn}）` }]);
      // A shortened review that ends after the submission still passes with its reason.
      expect(w.send('SUBMIT_LEGALITY_REVIEW', { submittedOn, requestedDueOn: submittedOn, shortenedReason: '情况紧急' }).accepted).toBe(true);
      expect(w.state.context.flags).toContain('REVIEW_TIME_SHORTENED');
    });
  });

  describe('SC713-15, SC713-18: no legality review while an announced comment period is open', () => {
    const opened = () =>
      walk().through(
        'CATALOG_PUBLISHED',
        'START_DRAFTING',
        'RECORD_DRAFT',
        'OPEN_PUBLIC_COMMENT',
        'RECORD_PUBLIC_PARTICIPATION',
        'RECORD_HEARING',
        'RECORD_EXPERT_ARGUMENTATION',
        'RECORD_RISK_ASSESSMENT',
      );

    it('refuses the submission even when participation was also done another way, and takes it once the comment is closed', () => {
      const w = opened();
      expect(w.state.context.done.publicParticipation).toBeDefined();
      expect(v2.openEvents(w.state)).not.toContain('SUBMIT_LEGALITY_REVIEW');
      const r = refusal(w.send('SUBMIT_LEGALITY_REVIEW'));
      expect(r.code).toBe('PUBLIC_COMMENT_NOT_CLOSED');
      expect(r.legalBasis).toEqual(['SC713-15', 'SC713-18']);
      expect(r.detail).toContain('「结束公开征求意见」');
      w.through('CLOSE_PUBLIC_COMMENT', 'SUBMIT_LEGALITY_REVIEW');
      expect(w.stage).toBe('legality_review');
    });

    it('leaves version 1 as it was: participation done another way lets the submission pass', () => {
      const w = v1Walk().through(
        'CATALOG_PUBLISHED',
        'START_DRAFTING',
        'RECORD_DRAFT',
        'OPEN_PUBLIC_COMMENT',
        'RECORD_PUBLIC_PARTICIPATION',
        'RECORD_HEARING',
        'RECORD_EXPERT_ARGUMENTATION',
        'RECORD_RISK_ASSESSMENT',
      );
      expect(w.send('SUBMIT_LEGALITY_REVIEW').accepted).toBe(true);
    });
  });

  describe('SC713-24: the risk gate is the organ\'s finding at the discussion, not the assessor\'s', () => {
    const uncontrollable = () => walk().through(...TO_REVIEW.slice(0, TO_REVIEW.indexOf('RECORD_RISK_ASSESSMENT')));
    const toDiscussion = ['SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW'] as const;

    it('lets the legality review proceed after an assessment that found the risk uncontrollable', () => {
      const w = uncontrollable();
      expect(w.send('RECORD_RISK_ASSESSMENT', { controllable: false }).accepted).toBe(true);
      w.through(...toDiscussion);
      expect(w.stage).toBe('awaiting_discussion');
      // Version 1 holds even the review.
      const onV1 = v1Walk().through(...TO_REVIEW.slice(0, TO_REVIEW.indexOf('RECORD_RISK_ASSESSMENT')));
      onV1.send('RECORD_RISK_ASSESSMENT', { controllable: false });
      expect(refusal(onV1.send('SUBMIT_LEGALITY_REVIEW')).missing.map((m) => m.code)).toContain('RISK_UNCONTROLLABLE');
    });

    it('refuses approval without the organ\'s finding that the risk is controllable and the measures, naming riskFinding; takes it with them, flagged', () => {
      const w = uncontrollable();
      w.send('RECORD_RISK_ASSESSMENT', { controllable: false });
      w.through(...toDiscussion);
      expect(v2.openEvents(w.state)).toContain('RECORD_DISCUSSION');
      const r = refusal(w.send('RECORD_DISCUSSION', { riskFinding: undefined }));
      expect(r.code).toBe('RISK_UNCONTROLLABLE');
      expect(r.legalBasis).toEqual(['SC713-24']);
      expect(r.errors).toEqual([{ field: 'payload.riskFinding', message: expect.stringContaining('measures') }]);
      expect(refusal(w.send('RECORD_DISCUSSION', { riskFinding: { controllable: true, measures: [] } })).code).toBe('RISK_UNCONTROLLABLE');
      expect(refusal(w.send('RECORD_DISCUSSION', { riskFinding: { controllable: false, measures: ['分步实施'] } })).code).toBe('RISK_UNCONTROLLABLE');
      expect(w.send('RECORD_DISCUSSION', { riskFinding: { controllable: true, measures: ['分三年分步实施', '设立过渡期补贴'] } }).accepted).toBe(true);
      expect(w.stage).toBe('decided');
      expect(w.state.context.flags).toContain('RISK_FOUND_CONTROLLABLE_BY_ORGAN');
    });

    it('needs no finding to return the draft', () => {
      const w = uncontrollable();
      w.send('RECORD_RISK_ASSESSMENT', { controllable: false });
      w.through(...toDiscussion);
      expect(w.send('RECORD_DISCUSSION', { headDecision: 'return', headReason: '风险防范措施不足' }).accepted).toBe(true);
      expect(w.stage).toBe('drafting');
    });
  });

  describe('SC713-14, SC713-19: what version 1 asked too strictly', () => {
    const started = () => walk({ ...ALL_REQUIRED }).through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT');

    it('counts a hearing as public participation (SC713-14(2))', () => {
      const w = started().through('RECORD_HEARING');
      expect(w.state.context.done.publicParticipation).toBe(w.state.context.done.hearing);
      w.through('RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW');
      expect(w.stage).toBe('legality_review');
      const onV1 = v1Walk().through('CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT', 'RECORD_HEARING');
      expect(onV1.state.context.done.publicParticipation).toBeUndefined();
    });

    it('takes 民意调查 as a way of hearing the public (SC713-14(2))', () => {
      const w = started();
      expect(w.send('RECORD_PUBLIC_PARTICIPATION', { method: 'opinion_poll' }).accepted).toBe(true);
      expect(w.state.context.done.publicParticipation).toBeDefined();
      expect(v1.payloadErrors('RECORD_PUBLIC_PARTICIPATION', { method: 'opinion_poll', heldOn: '2026-02-01', summary: 's', adoptionSummary: 'a' }).map((e) => e.field)).toEqual(['payload.method']);
    });

    it('asks for signed and sealed opinions only where written opinions were given (SC713-19)', () => {
      const w = started();
      expect(refusal(w.send('RECORD_EXPERT_ARGUMENTATION', { opinionsSignedAndSealed: false })).code).toBe('EXPERT_OPINION_UNSIGNED');
      expect(refusal(w.send('RECORD_EXPERT_ARGUMENTATION', { writtenOpinions: true, opinionsSignedAndSealed: false })).code).toBe('EXPERT_OPINION_UNSIGNED');
      expect(w.send('RECORD_EXPERT_ARGUMENTATION', { writtenOpinions: false, opinionsSignedAndSealed: undefined }).accepted).toBe(true);
      expect(w.state.context.done.expertArgumentation).toBeDefined();
      const given = { heldOn: '2026-02-01', method: '论证会', experts: [{ name: '赵', affiliation: '大学', directInterest: false }], conclusion: 'c', adoptionSummary: 'a' };
      expect(v2.payloadErrors('RECORD_EXPERT_ARGUMENTATION', given)).toEqual([{ field: 'payload.opinionsSignedAndSealed', message: expect.stringContaining('署名、盖章') }]);
      expect(v2.payloadErrors('RECORD_EXPERT_ARGUMENTATION', { ...given, writtenOpinions: false })).toEqual([]);
    });
  });

  describe('SC713-37, SC713-35: an urgent suspension is the head\'s decision on a reported problem, stating the urgency', () => {
    const published = () => walk().through(...TO_PUBLISHED);

    it('refuses a suspension before a problem of the implementation is reported, then takes the head\'s decision', () => {
      const w = published();
      expect(v2.openEvents(w.state)).not.toContain('SUSPEND');
      const r = refusal(w.send('SUSPEND'));
      expect(r.code).toBe('SUSPENSION_WITHOUT_PROBLEM_REPORT');
      expect(r.legalBasis).toEqual(['SC713-37', 'SC713-35']);
      expect(r.detail).toContain('「报告决策执行情况」');
      // A report without problems does not open it; one with problems does.
      w.through('RECORD_IMPLEMENTATION_REPORT');
      expect(w.state.context.problemReportedOn).toBeDefined();
      expect(v2.openEvents(w.state)).toContain('SUSPEND');
      expect(w.send('SUSPEND').accepted).toBe(true);
      expect(w.state.value).toEqual({ published: { implementation: 'suspended', archive: 'pending' } });
      // Version 1 suspends on any reason.
      expect(v1Walk().through(...TO_PUBLISHED).send('SUSPEND', { reason: '.' }).accepted).toBe(true);
    });

    it('does not count an implementation report without problems', () => {
      const w = published();
      w.send('RECORD_IMPLEMENTATION_REPORT', { problems: undefined });
      expect(refusal(w.send('SUSPEND')).code).toBe('SUSPENSION_WITHOUT_PROBLEM_REPORT');
    });

    it('asks for the urgency in words and the head\'s decision (400 naming the fields)', () => {
      const base = { on: '2027-03-01', reason: '问题' };
      expect(v2.payloadErrors('SUSPEND', base).map((e) => e.field).sort()).toEqual(['payload.headDecisionRef', 'payload.urgency']);
      for (const urgency of ['.', '紧急', '!!!!!!']) {
        expect(v2.payloadErrors('SUSPEND', { ...base, urgency, headDecisionRef: '区长批示〔2027〕1号' })).toEqual([{ field: 'payload.urgency', message: expect.stringContaining('至少4个文字') }]);
      }
      expect(v2.payloadErrors('SUSPEND', { ...base, urgency: '管网中断须立即停工', headDecisionRef: '区长批示〔2027〕1号' })).toEqual([]);
    });
  });

  it('cites SC713-25 and 27 for requirements locked once the draft went to review (version 1 keeps its citation of 26, same code)', () => {
    const w = walk().through(...TO_REVIEW, 'RETURN_MATERIALS');
    expect(w.stage).toBe('drafting');
    const r = refusal(w.send('AMEND_REQUIREMENTS'));
    expect([r.code, r.legalBasis]).toEqual(['REQUIREMENTS_LOCKED', ['SC713-25', 'SC713-27']]);
    const onV1 = refusal(v1Walk().through(...TO_REVIEW, 'RETURN_MATERIALS').send('AMEND_REQUIREMENTS'));
    expect([onV1.code, onV1.legalBasis]).toEqual(['REQUIREMENTS_LOCKED', ['SC713-26']]);
  });

  describe('FCR-14, FCR-18 (SC713-29): the fair competition review of a government decision', () => {
    const market = () => new Walk({ requirements: ALL_REQUIRED, affectsMarket: true }, v2, samplePayload).through('CATALOG_PUBLISHED', 'START_DRAFTING');
    const findings = (regulatorFinding: string) => ({ initialFinding: 'compliant', regulatorReviewedOn: '2026-01-05', regulatorRef: '区市场监管局审查意见〔2026〕5号', regulatorFinding });

    it('asks for the drafting unit\'s first review and the market regulator\'s finding, citing FCR-14 (version 1 cites FCR-13)', () => {
      const w = market();
      const r = refusal(w.send('RECORD_DRAFT', { fairCompetitionFindings: undefined }));
      expect([r.code, r.legalBasis]).toEqual(['FAIR_COMPETITION_REVIEW_REQUIRED', ['FCR-14', 'SC713-29']]);
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.fairCompetitionFindings']);
      const onV1 = refusal(new Walk({ requirements: ALL_REQUIRED, affectsMarket: true }).through('CATALOG_PUBLISHED', 'START_DRAFTING').send('RECORD_DRAFT', { fairCompetitionReview: undefined }));
      expect([onV1.code, onV1.legalBasis]).toEqual(['FAIR_COMPETITION_REVIEW_REQUIRED', ['FCR-13', 'SC713-29']]);
    });

    it('takes the structured findings without version 1\'s free-text account of the review', () => {
      const w = market();
      const { fairCompetitionReview: _t, ...p } = samplePayload('RECORD_DRAFT', w.state.context);
      expect(v2.payloadErrors('RECORD_DRAFT', p)).toEqual([]);
      expect(w.send('RECORD_DRAFT', { fairCompetitionReview: undefined, fairCompetitionFindings: findings('compliant') }).accepted).toBe(true);
    });

    it('asks for the explanation of an exception (FCR-17)', () => {
      const base = { draftedOn: '2026-01-05', draftVersion: 'v1', summary: 's', lawsReviewed: ['l'], fairCompetitionReview: '已审查', consultations: [] };
      expect(v2.payloadErrors('RECORD_DRAFT', { ...base, fairCompetitionFindings: findings('exception_applies') }).map((e) => e.field)).toEqual(['payload.fairCompetitionFindings.exceptionExplanation']);
      expect(v2.payloadErrors('RECORD_DRAFT', { ...base, fairCompetitionFindings: { ...findings('exception_applies'), exceptionExplanation: '为实现节约能源，设三年实施期限' } })).toEqual([]);
    });

    it('refuses to approve a draft the market regulator found restrictive, naming headDecision; a return passes; a new compliant draft may be approved', () => {
      const w = market();
      w.send('RECORD_DRAFT', { fairCompetitionFindings: findings('non_compliant') });
      expect(w.state.context.fairCompetitionFinding).toBe('non_compliant');
      w.through('OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_HEARING', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW');
      const r = refusal(w.send('RECORD_DISCUSSION'));
      expect([r.code, r.legalBasis]).toEqual(['FAIR_COMPETITION_REVIEW_NEGATIVE', ['FCR-18', 'SC713-29']]);
      expect(r.errors?.map((e) => e.field)).toEqual(['payload.headDecision']);
      expect(w.send('RECORD_DISCUSSION', { headDecision: 'return', headReason: '按公平竞争审查意见修改' }).accepted).toBe(true);
      w.through('RECORD_DRAFT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION');
      expect(w.stage).toBe('decided');
    });
  });

  describe('SC713-33: the archive is supplemented as the case goes on', () => {
    it('owes the archive what is recorded after it (flagged) until a supplement takes it; a supplement with nothing new is refused', () => {
      const w = walk().through(...TO_PUBLISHED, 'ARCHIVE');
      expect(v2.openEvents(w.state)).not.toContain('ARCHIVE');
      expect(refusal(w.send('ARCHIVE')).code).toBe('NOTHING_TO_ARCHIVE');
      w.through('RECORD_IMPLEMENTATION_REPORT', 'SUSPEND', 'RECORD_EVALUATION');
      expect(w.state.context.unarchived).toEqual([expect.stringMatching(/^RECORD_IMPLEMENTATION_REPORT \d+$/), expect.stringMatching(/^SUSPEND \d+$/), expect.stringMatching(/^RECORD_EVALUATION \d+$/)]);
      expect(v2.flags(w.state)).toContain('ARCHIVE_SUPPLEMENT_DUE');
      expect(v2.isComplete(w.state)).toBe(true);
      expect(v2.openEvents(w.state)).toContain('ARCHIVE');
      w.through('ARCHIVE');
      expect(w.state.context.unarchived).toEqual([]);
      expect(v2.flags(w.state)).not.toContain('ARCHIVE_SUPPLEMENT_DUE');
      // A termination after the archive (the decision's term has run) is owed to it as well.
      const t = walk().through(...TO_PUBLISHED.slice(0, -1));
      t.send('PUBLISH', { validUntil: samplePayload('PUBLISH', t.state.context).publishedOn });
      t.through('ARCHIVE', 'TERMINATE');
      expect(v2.flags(t.state)).toContain('ARCHIVE_SUPPLEMENT_DUE');
      t.through('ARCHIVE');
      expect(t.state.value).toEqual({ published: { implementation: 'terminated', archive: 'archived' } });
      // Version 1 takes no supplement.
      const onV1 = v1Walk().through(...TO_PUBLISHED, 'ARCHIVE', 'RECORD_IMPLEMENTATION_REPORT');
      expect(refusal(onV1.send('ARCHIVE')).code).toBe('EVENT_NOT_ALLOWED_IN_STAGE');
      expect(v1.flags(onV1.state)).not.toContain('ARCHIVE_SUPPLEMENT_DUE');
    });
  });

  describe('SC713-37: a decision in force is stopped through the adjustment procedure, never directly', () => {
    const TO_RE_REVIEW = ['RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'CLOSE_PUBLIC_COMMENT', 'RECORD_HEARING', 'RECORD_EXPERT_ARGUMENTATION', 'RECORD_RISK_ASSESSMENT', 'SUBMIT_LEGALITY_REVIEW'] as const;

    it('refuses a direct stop, naming the adjustment that would pass; version 1 takes it', () => {
      const w = walk().through(...TO_PUBLISHED);
      const r = refusal(w.send('TERMINATE'));
      expect([r.code, r.legalBasis]).toEqual(['TERMINATION_WITHOUT_PROCEDURE', ['SC713-37']]);
      expect(r.detail).toContain('START_ADJUSTMENT');
      expect(r.detail).toContain('purpose 为 terminate');
      expect(v2.openEvents(w.state)).not.toContain('TERMINATE');
      expect(v1Walk().through(...TO_PUBLISHED).send('TERMINATE').accepted).toBe(true);
    });

    it('stops the decision when the decision to stop, reviewed and discussed, is published; the old one stays in force meanwhile', () => {
      const w = walk().through(...TO_PUBLISHED);
      expect(w.send('START_ADJUSTMENT', { purpose: 'terminate', reason: '上级政策调整，不再实施' }).accepted).toBe(true);
      expect([w.stage, w.state.context.inForce, v2.revision(w.state)]).toEqual(['drafting', { revision: 1, status: 'in_force' }, 2]);
      // The decision to stop cannot skip its own review and discussion.
      expect(refusal(w.send('RECORD_DISCUSSION')).code).toBe('LEGALITY_REVIEW_REQUIRED');
      w.through(...TO_RE_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH');
      expect(w.state.value).toEqual({ published: { implementation: 'terminated', archive: 'pending' } });
      expect(w.state.context.implementation?.status).toBe('terminated');
      expect(w.state.context.inForce).toBeUndefined();
      expect(v2.flags(w.state)).toContain('TERMINATED_BY_ADJUSTMENT');
      // Closed: nothing but the archive.
      expect(v2.openEvents(w.state)).toEqual(['ARCHIVE']);
      // An adjustment that changes the decision publishes it in force as before.
      const a = walk().through(...TO_PUBLISHED, 'START_ADJUSTMENT', ...TO_RE_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH');
      expect(a.state.value).toEqual({ published: { implementation: 'in_force', archive: 'pending' } });
    });

    it('records the end of a decision whose stated term has run, and only then, naming terminatedOn', () => {
      const w = walk().through(...TO_PUBLISHED.slice(0, -1));
      const publishedOn = samplePayload('PUBLISH', w.state.context).publishedOn as string;
      expect(refusal(w.send('PUBLISH', { validUntil: addDays(publishedOn, -1) })).errors?.map((e) => e.field)).toEqual(['payload.validUntil']);
      w.send('PUBLISH', { validUntil: publishedOn });
      const early = refusal(w.send('TERMINATE', { terminatedOn: publishedOn }));
      expect([early.code, early.errors]).toEqual(['TERMINATION_WITHOUT_PROCEDURE', [{ field: 'payload.terminatedOn', message: expect.stringContaining(addDays(publishedOn, 1)) }]]);
      expect(w.send('TERMINATE').accepted).toBe(true);
      expect(w.state.value).toEqual({ published: { implementation: 'terminated', archive: 'pending' } });
      // A meeting reference belongs to the adjustment, not to the end of a term.
      expect(v2.payloadErrors('TERMINATE', { terminatedOn: publishedOn, reason: '有效期届满', meetingRef: 'x' }).map((e) => e.field)).toEqual(['payload.meetingRef']);
    });
  });

  describe('SC713-3: an item comes off the catalog by the organ adjusting its catalog', () => {
    it('asks for the organ\'s decision and cites SC713-3 (not SC713-10 and 37)', () => {
      expect(v2.payloadErrors('WITHDRAW', { withdrawnOn: '2026-01-05', reason: '不再需要' }).map((e) => e.field)).toEqual(['payload.organDecisionRef']);
      const w = walk().through(...TO_PUBLISHED);
      expect(refusal(w.send('WITHDRAW')).legalBasis).toEqual(['SC713-3']);
      expect(refusal(v1Walk().through(...TO_PUBLISHED).send('WITHDRAW')).legalBasis).toEqual(['SC713-10', 'SC713-37']);
      expect(walk().through('CATALOG_PUBLISHED').send('WITHDRAW').accepted).toBe(true);
    });
  });

  describe('SC713-13: units whose duties the matter touches are consulted; a dispute is put to the organ', () => {
    const drafting = () => walk().through('CATALOG_PUBLISHED', 'START_DRAFTING');

    it('asks every draft for its consultations (an empty list: no unit concerned)', () => {
      const { consultations: _c, ...without } = samplePayload('RECORD_DRAFT', drafting().state.context);
      expect(v2.payloadErrors('RECORD_DRAFT', without)).toEqual([{ field: 'payload.consultations', message: expect.stringContaining('为空数组') }]);
      expect(drafting().send('RECORD_DRAFT', { consultations: [] }).accepted).toBe(true);
    });

    it('asks for the main issues, the unit\'s opinion and the undertaking unit\'s reasons where they did not agree, and flags the dispute', () => {
      const w = drafting();
      const p = samplePayload('RECORD_DRAFT', w.state.context);
      expect(v2.payloadErrors('RECORD_DRAFT', { ...p, consultations: [{ unit: '港湾街道', agreed: false }] }).map((e) => e.field)).toEqual([
        'payload.consultations[0].disputedIssues',
        'payload.consultations[0].unitOpinion',
        'payload.consultations[0].undertakingOpinion',
      ]);
      const dispute = { unit: '港湾街道', agreed: false, disputedIssues: '出资比例', unitOpinion: '不宜由居民出资', undertakingOpinion: '按楼层分档出资，依据指导意见第六条' };
      expect(w.send('RECORD_DRAFT', { consultations: [dispute] }).accepted).toBe(true);
      expect(v2.flags(w.state)).toContain('CONSULTATION_DISPUTED');
    });
  });

  describe('SC713-30: the members speak, the head speaks last, dissent is in the minutes', () => {
    const discussing = () => walk().through(...TO_DECIDED.slice(0, -1));

    it('refuses a discussion where the head did not speak last, naming headSpokeLast', () => {
      const r = refusal(discussing().send('RECORD_DISCUSSION', { headSpokeLast: false }));
      expect([r.code, r.legalBasis, r.errors?.map((e) => e.field)]).toEqual(['HEAD_DID_NOT_SPEAK_LAST', ['SC713-30'], ['payload.headSpokeLast']]);
    });

    it('asks for the words of a member who disagreed (400 naming the member\'s remarks)', () => {
      const w = discussing();
      const p = samplePayload('RECORD_DISCUSSION', w.state.context);
      const opinions = [{ member: '副区长', position: 'agree' }, { member: '常务副区长', position: 'disagree' }];
      expect(v2.payloadErrors('RECORD_DISCUSSION', { ...p, memberOpinions: opinions }).map((e) => e.field)).toEqual(['payload.memberOpinions[1].remarks']);
      const { headSpokeLast: _h, peopleCongressMatter: _m, ...asV1 } = p;
      expect(v1.payloadErrors('RECORD_DISCUSSION', { ...asV1, memberOpinions: opinions })).toEqual([]);
    });
  });

  describe('SC713-42: a department or a street discusses the draft at its own collective meeting', () => {
    const discussing = (organKind?: string) => new Walk({ requirements: ALL_REQUIRED, ...(organKind ? { organKind } : {}) }, v2, samplePayload).through(...TO_DECIDED.slice(0, -1));

    it('takes a department\'s 局务会议 and refuses it the government\'s executive meeting, naming meetingType', () => {
      const r = refusal(discussing('department').send('RECORD_DISCUSSION', { meetingType: 'executive' }));
      expect([r.code, r.legalBasis, r.errors]).toEqual(['MEETING_NOT_OF_ORGAN', ['SC713-30', 'SC713-42'], [{ field: 'payload.meetingType', message: '须为 department_affairs' }]]);
      expect(discussing('department').send('RECORD_DISCUSSION', { meetingType: 'department_affairs' }).accepted).toBe(true);
      expect(discussing('street').send('RECORD_DISCUSSION', { meetingType: 'street_office' }).accepted).toBe(true);
    });

    it('keeps a government (or a case that does not know its organ) to its executive or plenary meeting', () => {
      const r = refusal(discussing().send('RECORD_DISCUSSION', { meetingType: 'street_office' }));
      expect([r.code, r.legalBasis]).toEqual(['MEETING_NOT_OF_ORGAN', ['SC713-30']]);
      expect(discussing('government').send('RECORD_DISCUSSION', { meetingType: 'plenary' }).accepted).toBe(true);
    });
  });

  describe('SC713-8: a matter the people\'s congress decides or hears is published after it did', () => {
    it('asks the approving meeting whether the matter is one (400 naming peopleCongressMatter)', () => {
      const w = walk().through(...TO_DECIDED.slice(0, -1));
      const p = samplePayload('RECORD_DISCUSSION', w.state.context);
      expect(v2.payloadErrors('RECORD_DISCUSSION', { ...p, peopleCongressMatter: undefined }).map((e) => e.field)).toEqual(['payload.peopleCongressMatter']);
      expect(v2.payloadErrors('RECORD_DISCUSSION', { ...p, headDecision: 'return', headReason: '再论证', peopleCongressMatter: undefined })).toEqual([]);
    });

    it('refuses the publication until the people\'s congress decided, naming peopleCongress; its date lies between the meeting and the publication', () => {
      const w = walk().through(...TO_DECIDED.slice(0, -1));
      w.send('RECORD_DISCUSSION', { peopleCongressMatter: 'decide' });
      w.through('REPORT_TO_PARTY_COMMITTEE');
      const r = refusal(w.send('PUBLISH'));
      expect([r.code, r.legalBasis, r.errors?.map((e) => e.field)]).toEqual(['PEOPLES_CONGRESS_REQUIRED', ['SC713-8'], ['payload.peopleCongress']]);
      const meetingOn = w.state.context.discussion?.meetingOn as string;
      const before = refusal(w.send('PUBLISH', { peopleCongress: { on: addDays(meetingOn, -1), reference: '区人大常委会决议〔2026〕2号' } }));
      expect([before.code, before.errors?.map((e) => e.field)]).toEqual(['DATE_OUT_OF_ORDER', ['payload.peopleCongress.on']]);
      expect(w.send('PUBLISH', { peopleCongress: { on: meetingOn, reference: '区人大常委会决议〔2026〕2号' } }).accepted).toBe(true);
    });

    it('asks nothing of a matter that is not one', () => {
      expect(walk().through(...TO_PUBLISHED).stage).toBe('published');
    });
  });

  describe('SC713-35: what the public says of the decision in force is recorded with the implementation report', () => {
    it('takes the public\'s opinions, each with its date, channel and gist', () => {
      const w = walk().through(...TO_PUBLISHED);
      const p = samplePayload('RECORD_IMPLEMENTATION_REPORT', w.state.context);
      expect(v2.payloadErrors('RECORD_IMPLEMENTATION_REPORT', { ...p, publicOpinions: [{ receivedOn: '2026-02-01', channel: '区长信箱' }] }).map((e) => e.field)).toEqual(['payload.publicOpinions[0].summary']);
      expect(w.send('RECORD_IMPLEMENTATION_REPORT', { publicOpinions: [{ receivedOn: p.reportedOn, channel: '区长信箱', summary: '希望公布改造时间表' }] }).accepted).toBe(true);
    });
  });

  it('draws its own diagram: a returned report goes back to drafting', () => {
    expect(v2.toMermaid()).toContain('decided --> drafting: REPORT_TO_PARTY_COMMITTEE');
    expect(v1.toMermaid()).not.toContain('decided --> drafting: REPORT_TO_PARTY_COMMITTEE');
  });
});
