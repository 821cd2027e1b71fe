/**
 * The acceptance story through HTTP, one user per role, on SQLite and on PostgreSQL: the 2026
 * catalog of 前进区人民政府 with items A (every step, to published and archived) and B (tries to
 * skip); then the auditor's half: B (not A) among the incomplete procedures, both refusals of B,
 * every chain whole — until a stored row of A is altered in the database, which verification names.
 */
import { createDistrict, type District } from './district';
import { asInsider } from './insider';
import { createTestApp, expectProblem, type TestApp } from './test-app';

interface DecisionView {
  id: string;
  stage: string;
  state: unknown;
  version: number;
  progress: Array<{ step: string; status: string; legalBasis: string[] }>;
  allowedEvents: string[];
}

interface RecordRow {
  seq: number;
  type: string;
  actor: { userId: string; username: string; role: string; orgUnitId: string | null };
  fromStage: string | null;
  toStage: string;
  prevHash: string;
  hash: string;
}

const required = { required: true };
const ITEM_A = {
  title: '城区集中供热价格调整方案',
  category: 'public_policy',
  legalBasis: ['《中华人民共和国价格法》第二十三条', '《政府制定价格行为规则》'],
  affectsMarket: true,
  plannedStartOn: '2026-03-01',
  plannedDecisionOn: '2026-06-30',
  requirements: { publicParticipation: required, hearing: required, expertArgumentation: required, riskAssessment: required, partyCommitteeReport: required },
};
const ITEM_B = {
  title: '老旧小区改造三年规划',
  category: 'development_plan',
  legalBasis: ['《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》'],
  plannedStartOn: '2026-03-01',
  plannedDecisionOn: '2026-12-31',
  requirements: {
    publicParticipation: required,
    hearing: { required: false, reason: '不涉及价格听证等法定听证事项' },
    expertArgumentation: { required: false, reason: '技术方案已经行业主管部门论证' },
    riskAssessment: required,
    partyCommitteeReport: required,
  },
};

export function acceptanceSuite(postgres: boolean): void {
  describe(`acceptance story through HTTP (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let catalogId: string;
    let a: string;
    let b: string;

    const send = (token: string, id: string, type: string, payload: object) =>
      t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send({ type, payload });
    const step = async (token: string, id: string, type: string, payload: object): Promise<DecisionView> => {
      const res = await send(token, id, type, payload);
      if (res.status !== 200) throw new Error(`${type}: ${res.status} ${res.text}`);
      return res.body as DecisionView;
    };
    const get = async (token: string, id: string): Promise<DecisionView> =>
      (await t.http.get(`/decisions/${id}`).set(t.bearer(token)).expect(200)).body as DecisionView;

    beforeAll(async () => {
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
    });
    afterAll(() => t.close());

    it('the general office compiles the 2026 catalog; 区发改局 proposes A and B; the catalog is published', async () => {
      const { office, department } = d.tokens;
      const catalog = await t.http.post('/catalogs').set(t.bearer(office)).send({ organId: d.units.gov.id, year: 2026 }).expect(201);
      catalogId = (catalog.body as { id: string }).id;
      expect(catalog.body).toMatchObject({ organId: d.units.gov.id, year: 2026, status: 'draft', revision: 0 });

      const addA = await t.http.post(`/catalogs/${catalogId}/items`).set(t.bearer(department)).send({ ...ITEM_A, undertakingUnitId: d.units.ndrc.id }).expect(201);
      const addB = await t.http.post(`/catalogs/${catalogId}/items`).set(t.bearer(department)).send({ ...ITEM_B, undertakingUnitId: d.units.ndrc.id }).expect(201);
      a = (addA.body as DecisionView).id;
      b = (addB.body as DecisionView).id;
      expect([(addA.body as DecisionView).stage, (addB.body as DecisionView).stage]).toEqual(['proposed', 'proposed']);

      // Not yet: the catalog has not been published with the party committee's approval.
      const early = expectProblem(await send(office, a, 'START_DRAFTING', { startedOn: '2026-03-02' }), 422, 'CATALOG_NOT_PUBLISHED');
      expect((early.legalBasis as Array<{ id: string }>).map((l) => l.id)).toEqual(expect.arrayContaining(['SC713-3', 'HLJ-3']));

      const published = await t.http
        .post(`/catalogs/${catalogId}/publish`)
        .set(t.bearer(office))
        .send({ partyCommitteeApprovedOn: '2026-02-10', partyCommitteeRef: '区委常委会会议纪要〔2026〕2号', publishedOn: '2026-02-15' })
        .expect(200);
      expect(published.body).toMatchObject({ status: 'published', revision: 1 });
      expect((await get(office, a)).stage).toBe('cataloged');
      expect((await get(office, b)).stage).toBe('cataloged');

      const publicView = await t.http.get('/public/catalogs').query({ year: 2026, organId: d.units.gov.id }).expect(200);
      const titles = (publicView.body as Array<{ items: Array<{ title: string }> }>).flatMap((c) => c.items.map((i) => i.title));
      expect(titles.sort()).toEqual([ITEM_A.title, ITEM_B.title].sort());
    });

    it('A goes through every step to published and archived, each step by its own role', async () => {
      const { office, department, reviewer } = d.tokens;
      await step(office, a, 'START_DRAFTING', { startedOn: '2026-03-02' });
      const drafting = await get(department, a);
      expect(drafting.stage).toBe('drafting');
      expect(drafting.allowedEvents).toEqual(expect.arrayContaining(['RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT', 'RECORD_HEARING']));
      expect(drafting.allowedEvents).not.toContain('ACCEPT_REVIEW');

      await step(department, a, 'RECORD_DRAFT', {
        draftedOn: '2026-03-10',
        draftVersion: 'v1',
        summary: '城区集中供热价格调整方案（征求意见稿）',
        lawsReviewed: ['价格法', '政府制定价格行为规则'],
        fairCompetitionReview: '经公平竞争审查，未发现排除、限制竞争情形',
      });
      await step(department, a, 'OPEN_PUBLIC_COMMENT', { startOn: '2026-03-16', endOn: '2026-04-15', channels: ['前进区人民政府网站'] });
      await step(department, a, 'RECORD_HEARING', {
        materialsDeliveredOn: '2026-04-01',
        heldOn: '2026-04-10',
        participants: ['居民代表', '供热企业代表', '人大代表'],
        recordSigned: true,
        summary: '听证会对调价幅度提出意见',
      });
      await step(department, a, 'CLOSE_PUBLIC_COMMENT', { closedOn: '2026-04-16', commentsReceived: 37, adoptionSummary: '采纳12条，部分采纳8条' });
      await step(department, a, 'RECORD_EXPERT_ARGUMENTATION', {
        heldOn: '2026-04-20',
        method: '专家论证会',
        experts: [
          { name: '张教授', affiliation: '东北财经大学', directInterest: false },
          { name: '刘高工', affiliation: '省热力设计院', directInterest: false },
        ],
        opinionsSignedAndSealed: true,
        conclusion: '方案总体可行',
        adoptionSummary: '已采纳分步调价建议',
      });
      await step(department, a, 'RECORD_RISK_ASSESSMENT', {
        assessedOn: '2026-04-22',
        riskLevel: 'medium',
        controllable: true,
        riskPoints: ['低收入家庭负担'],
        measures: ['同步出台供热补贴'],
        contingencyPlan: '价格调整社会稳定风险应急预案',
      });
      const submitted = await step(department, a, 'SUBMIT_LEGALITY_REVIEW', {
        submittedOn: '2026-05-06',
        requestedDueOn: '2026-05-22',
        materials: { draftVersion: 'v1', legalBasis: ['价格法第二十三条'], procedureStatement: '已履行公众参与、听证、专家论证、风险评估程序' },
      });
      expect(submitted.stage).toBe('legality_review');

      // The review desk: 区司法局 sees the submission.
      const desk = await t.http.get('/reviews').query({ status: 'submitted' }).set(t.bearer(reviewer)).expect(200);
      expect((desk.body as Array<{ decisionId: string }>).map((r) => r.decisionId)).toContain(a);

      await step(reviewer, a, 'ACCEPT_REVIEW', { acceptedOn: '2026-05-07' });
      const opinion = await step(reviewer, a, 'ADD_LEGAL_OPINION', { givenOn: '2026-05-12', author: '王律师', authorKind: 'legal_adviser', text: '建议明确补贴对象' });
      const history = (await t.http.get(`/decisions/${a}/history`).set(t.bearer(reviewer)).expect(200)).body as RecordRow[];
      const opinionSeq = history.find((r) => r.type === 'ADD_LEGAL_OPINION')!.seq;
      expect(opinion.stage).toBe('legality_review');
      await step(reviewer, a, 'CONCLUDE_REVIEW', { concludedOn: '2026-05-15', conclusion: 'lawful_with_revisions', opinionText: '修改后合法' });
      expect((await get(department, a)).stage).toBe('revising');
      await step(department, a, 'RECORD_REVISIONS', {
        revisedOn: '2026-05-20',
        draftVersion: 'v2',
        opinionAdoption: [{ opinionSeq, adopted: true, note: '已明确补贴对象' }],
      });
      await step(office, a, 'RECORD_DISCUSSION', {
        meetingType: 'executive',
        meetingOn: '2026-06-02',
        meetingRef: '区政府常务会议纪要〔2026〕11号',
        attendees: ['区长', '常务副区长', '副区长'],
        memberOpinions: [
          { member: '常务副区长', position: 'agree' },
          { member: '副区长', position: 'agree' },
        ],
        headDecision: 'approve',
        implementingUnitId: d.units.ndrc.id,
      });
      await step(office, a, 'REPORT_TO_PARTY_COMMITTEE', { reportedOn: '2026-06-05', reference: '区政府党组请示〔2026〕7号' });
      const published = await step(office, a, 'PUBLISH', {
        publishedOn: '2026-06-10',
        disclosure: 'public',
        channels: ['前进区人民政府网站', '前进区政务新媒体'],
        adoptionExplanation: '公众意见采纳情况说明',
      });
      expect(published.stage).toBe('published');

      const done = published.progress.filter((p) => p.status === 'done').map((p) => p.step);
      const archived = await step(office, a, 'ARCHIVE', {
        archivedOn: '2026-06-20',
        archiveRef: '前进区档案〔2026〕31号',
        materials: done.map((s) => ({ step: s, ref: `卷宗-${s}` })),
      });
      expect(archived.stage).toBe('published');
      expect(archived.state).toEqual({ published: { implementation: 'in_force', archive: 'archived' } });
      expect(archived.progress.every((p) => ['done', 'not_required', 'waived_with_reason'].includes(p.status))).toBe(true);
      expect(archived.progress.find((p) => p.step === 'archive')!.status).toBe('done');

      // The record: one row per step, hash-chained, each naming who did it in which role.
      const record = (await t.http.get(`/decisions/${a}/history`).query({ pageSize: 500 }).set(t.bearer(d.tokens.auditor)).expect(200)).body as RecordRow[];
      expect(record.map((r) => r.type)).toEqual([
        'ITEM_PROPOSED',
        'CATALOG_PUBLISHED',
        'START_DRAFTING',
        'RECORD_DRAFT',
        'OPEN_PUBLIC_COMMENT',
        'RECORD_HEARING',
        'CLOSE_PUBLIC_COMMENT',
        'RECORD_EXPERT_ARGUMENTATION',
        'RECORD_RISK_ASSESSMENT',
        'SUBMIT_LEGALITY_REVIEW',
        'ACCEPT_REVIEW',
        'ADD_LEGAL_OPINION',
        'CONCLUDE_REVIEW',
        'RECORD_REVISIONS',
        'RECORD_DISCUSSION',
        'REPORT_TO_PARTY_COMMITTEE',
        'PUBLISH',
        'ARCHIVE',
      ]);
      record.forEach((r, i) => {
        expect(r.seq).toBe(i + 1);
        if (i > 0) expect(r.prevHash).toBe(record[i - 1].hash);
      });
      expect(record.find((r) => r.type === 'CONCLUDE_REVIEW')!.actor).toMatchObject({ username: 'sfj', role: 'legal_reviewer', orgUnitId: d.units.justice.id });
      expect(record.find((r) => r.type === 'PUBLISH')!.actor).toMatchObject({ username: 'zfb', role: 'office' });

      // The public sees the published decision and its publication, nothing internal.
      const pub = await t.http.get(`/public/decisions/${a}`).expect(200);
      expect(pub.body).toMatchObject({ title: ITEM_A.title });
      expect(JSON.stringify(pub.body)).not.toMatch(/"(version|hash|prevHash|actor|snapshot)"/);
    });

    it('B tries to skip: the discussion while drafting and a 5-working-day review are refused, with the article and the missing steps', async () => {
      const { office, department } = d.tokens;
      await step(office, b, 'START_DRAFTING', { startedOn: '2026-03-02' });
      const before = await get(office, b);

      const skip = expectProblem(
        await send(office, b, 'RECORD_DISCUSSION', {
          meetingType: 'executive',
          meetingOn: '2026-03-20',
          meetingRef: '区政府常务会议纪要〔2026〕5号',
          attendees: ['区长'],
          memberOpinions: [{ member: '副区长', position: 'agree' }],
          headDecision: 'approve',
          implementingUnitId: d.units.ndrc.id,
        }),
        422,
        'LEGALITY_REVIEW_REQUIRED',
      );
      expect(skip).toMatchObject({ decisionId: b, event: 'RECORD_DISCUSSION', stage: 'drafting' });
      expect((skip.legalBasis as Array<{ id: string; article: string }>)[0]).toMatchObject({ id: 'SC713-25', article: '第二十五条' });
      expect((skip.missing as Array<{ step: string }>).map((m) => m.step)).toEqual([
        'draft',
        'publicParticipation',
        'riskAssessment',
        'legalityReview',
      ]);
      // The refusal changed nothing but was kept.
      expect((await get(office, b)).version).toBe(before.version);
      const refused = (await t.http.get(`/decisions/${b}/violations`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<{ code: string }>;
      expect(refused.map((v) => v.code)).toEqual(['LEGALITY_REVIEW_REQUIRED']);

      await step(department, b, 'RECORD_DRAFT', { draftedOn: '2026-03-12', draftVersion: 'v1', summary: '老旧小区改造三年规划（草案）', lawsReviewed: ['城乡规划法'] });
      await step(department, b, 'RECORD_PUBLIC_PARTICIPATION', { method: 'questionnaire', heldOn: '2026-04-08', summary: '问卷调查 1,200 份', adoptionSummary: '采纳加装电梯意见' });
      await step(department, b, 'RECORD_RISK_ASSESSMENT', {
        assessedOn: '2026-05-15',
        riskLevel: 'low',
        controllable: true,
        riskPoints: ['施工扰民'],
        measures: ['错峰施工'],
        contingencyPlan: '施工安全应急预案',
      });

      // Submitted on Friday 2026-09-25, before the National Day holiday (10-01..10-07; Saturday 10-10 is
      // a make-up working day): the 5th working day after it is 10-09, the 7th 10-12.
      const materials = { draftVersion: 'v1', legalBasis: ['城乡规划法'], procedureStatement: '已履行公众参与、风险评估程序' };
      const tooShort = expectProblem(
        await send(department, b, 'SUBMIT_LEGALITY_REVIEW', { submittedOn: '2026-09-25', requestedDueOn: '2026-10-09', materials }),
        422,
        'REVIEW_TIME_TOO_SHORT',
      );
      expect((tooShort.legalBasis as Array<{ id: string }>).map((l) => l.id)).toContain('SC713-26');
      const ok = await step(department, b, 'SUBMIT_LEGALITY_REVIEW', { submittedOn: '2026-09-25', requestedDueOn: '2026-10-12', materials });
      expect(ok.stage).toBe('legality_review');

      const refusedNow = (await t.http.get(`/decisions/${b}/violations`).set(t.bearer(d.tokens.auditor)).expect(200)).body as Array<{ code: string }>;
      expect(refusedNow.map((v) => v.code).sort()).toEqual(['LEGALITY_REVIEW_REQUIRED', 'REVIEW_TIME_TOO_SHORT']);

      // The auditor sees both decisions: A complete, B still in review.
      const list = (await t.http.get('/decisions').query({ year: 2026 }).set(t.bearer(d.tokens.auditor)).expect(200)).body as { items: DecisionView[]; total: number };
      expect(list.total).toBe(2);
      expect(Object.fromEntries(list.items.map((i) => [i.id, i.stage]))).toEqual({ [a]: 'published', [b]: 'legality_review' });
    });

    it('the auditor: B (not A) is incomplete with its missing steps, the refusals are listed with their categories, every chain verifies', async () => {
      const auditor = t.bearer(d.tokens.auditor);
      const incomplete = (await t.http.get('/audit/incomplete').query({ year: 2026 }).set(auditor).expect(200)).body as Array<{ decisionId: string; missing: Array<{ step: string }>; flags: string[] }>;
      expect(incomplete.map((r) => r.decisionId)).toEqual([b]);
      expect(incomplete[0].missing.map((m) => m.step)).toEqual(expect.arrayContaining(['legalityReview', 'collectiveDiscussion', 'partyCommitteeReport', 'publication', 'archive']));
      expect(incomplete[0].missing.map((m) => m.step)).not.toContain('hearing');
      expect(incomplete[0].flags).toContain('VIOLATION_ATTEMPTED');

      const violations = (await t.http.get('/audit/violations').query({ from: '2026-01-01', to: '2026-12-31' }).set(auditor).expect(200)).body as Array<{ decisionId: string; code: string; category: string }>;
      // Both refusals of B, and A's early start before the catalog was published.
      expect(violations.filter((v) => v.decisionId === b).map((v) => [v.code, v.category]).sort()).toEqual([
        ['LEGALITY_REVIEW_REQUIRED', 'skip'],
        ['REVIEW_TIME_TOO_SHORT', 'time_limit'],
      ]);
      expect(violations.filter((v) => v.decisionId === a).map((v) => [v.code, v.category])).toEqual([['CATALOG_NOT_PUBLISHED', 'skip']]);

      expect((await t.http.get('/audit/verify').set(auditor).expect(200)).body).toMatchObject({ ok: true, decisions: 2, broken: [] });
    });

    it('after a stored row of A is altered in the database, verification names A and the altered seq', async () => {
      await asInsider(t, async (tx) => void (await tx.execute("UPDATE procedure_record SET payload = '{\"startedOn\":\"2026-02-01\"}' WHERE decision_id = ? AND seq = 3", [a])));
      const auditor = t.bearer(d.tokens.auditor);
      expect((await t.http.get('/audit/verify').set(auditor).expect(200)).body).toMatchObject({ ok: false, decisions: 2, broken: [{ decisionId: a, seq: 3, problem: 'hash' }] });
      expect((await t.http.get(`/audit/decisions/${a}/verify`).set(auditor).expect(200)).body).toMatchObject({ ok: false, brokenAtSeq: 3 });
      expect((await t.http.get(`/audit/decisions/${b}/verify`).set(auditor).expect(200)).body).toMatchObject({ ok: true });
    });
  });
}
