/**
 * RECORD_REVISIONS answers each legal opinion of the round by the id the review desk and the
 * decision's view show (`opinionId`, `<decisionId>:<seq>`), instead of a record seq dug out of the
 * history; a wrong id is a 400 naming the field, in Chinese, and changes nothing; the old form
 * (`opinionSeq`) is still taken, so that earlier clients and the stored records stay valid.
 */
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { ChainVerifier } from '../../src/engine/chain-verifier';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface Opinion {
  opinionId: string;
  seq: number;
  author: string;
  text: string;
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('RECORD_REVISIONS by opinion id', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  /** Each concluded lawful with revisions after two opinions: the department now states their adoption. */
  const ids = {} as Record<'byId' | 'other' | 'oldForm' | 'partial' | 'secondRound', string>;

  const concludedWithRevisions = async (title: string): Promise<string> => {
    const id = await f.decision({ title, through: [...TO_REVIEW, 'ACCEPT_REVIEW'] });
    await f.advance(id, ['ADD_LEGAL_OPINION'], { ADD_LEGAL_OPINION: { author: '王律师', text: '建议补充资金来源说明' } });
    await f.advance(id, ['ADD_LEGAL_OPINION'], { ADD_LEGAL_OPINION: { author: '李律师', authorKind: 'public_lawyer', text: '补贴对象应当明确' } });
    await f.advance(id, ['CONCLUDE_REVIEW'], { CONCLUDE_REVIEW: { conclusion: 'lawful_with_revisions', opinionText: '修改后合法' } });
    return id;
  };
  const opinionsOf = async (id: string, token = d.tokens.department): Promise<Opinion[]> =>
    ((await t.http.get(`/decisions/${id}`).set(t.bearer(token)).expect(200)).body as { legalOpinions: Opinion[] }).legalOpinions;
  const revisions = (id: string, opinionAdoption: unknown[]) =>
    t.http
      .post(`/decisions/${id}/events`)
      .set(t.bearer(d.tokens.department))
      .send({ type: 'RECORD_REVISIONS', payload: { revisedOn: '2026-11-20', draftVersion: 'r1-v1-修改稿', opinionAdoption } });

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    ids.byId = await concludedWithRevisions('城区集中供热价格调整方案');
    ids.other = await concludedWithRevisions('老旧小区改造三年规划');
    ids.oldForm = await concludedWithRevisions('旧写法');
    ids.partial = await concludedWithRevisions('少答一条');
    // Round 1 concluded unlawful after an opinion; round 2 on a new draft, with an opinion of its own.
    ids.secondRound = await f.decision({ title: '第二轮审查', through: [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION'] });
    await f.advance(ids.secondRound, ['CONCLUDE_REVIEW'], { CONCLUDE_REVIEW: { conclusion: 'unlawful', opinionText: '不合法' } });
    await f.advance(ids.secondRound, ['RECORD_DRAFT', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION']);
    await f.advance(ids.secondRound, ['CONCLUDE_REVIEW'], { CONCLUDE_REVIEW: { conclusion: 'lawful_with_revisions', opinionText: '修改后合法' } });
  }, 120_000);
  afterAll(() => t.close());

  it('shows the department the round’s opinions with their ids in GET /decisions/:id, the same as the review desk', async () => {
    const opinions = await opinionsOf(ids.byId);
    expect(opinions.map((o) => [o.author, o.text])).toEqual([
      ['王律师', '建议补充资金来源说明'],
      ['李律师', '补贴对象应当明确'],
    ]);
    const history = (await t.http.get(`/decisions/${ids.byId}/history`).set(t.bearer(d.tokens.department)).expect(200)).body as Array<{ seq: number; type: string }>;
    expect(opinions.map((o) => o.opinionId)).toEqual(history.filter((r) => r.type === 'ADD_LEGAL_OPINION').map((r) => `${ids.byId}:${r.seq}`));
    const desk = (await t.http.get('/reviews?status=concluded').set(t.bearer(d.tokens.reviewer)).expect(200)).body as Array<{ decisionId: string; opinions: Opinion[] }>;
    expect(desk.find((r) => r.decisionId === ids.byId)?.opinions.map((o) => o.opinionId)).toEqual(opinions.map((o) => o.opinionId));
  });

  it('takes the adoption of each opinion by its opinionId, and keeps the payload as sent in the record', async () => {
    const [first, second] = await opinionsOf(ids.byId);
    const answer = [
      { opinionId: first.opinionId, adopted: true, note: '已补充资金来源说明' },
      { opinionId: second.opinionId, adopted: false, note: '补贴对象已在附件中明确' },
    ];
    const res = await revisions(ids.byId, answer).expect(200);
    expect(res.body).toMatchObject({ stage: 'awaiting_discussion' });
    const history = (await t.http.get(`/decisions/${ids.byId}/history`).set(t.bearer(d.tokens.department)).expect(200)).body as Array<{ type: string; payload: { opinionAdoption: unknown } }>;
    expect(history.find((r) => r.type === 'RECORD_REVISIONS')?.payload.opinionAdoption).toEqual(answer);
    expect(await t.app.get(ChainVerifier).verifyDecision(ids.byId)).toMatchObject({ ok: true });
  });

  it('refuses an opinion of another decision with 400 naming the field, in Chinese, and changes nothing', async () => {
    const [mine] = await opinionsOf(ids.partial);
    const [theirs] = await opinionsOf(ids.other);
    const problem = await t.unchanged(async () =>
      expectProblem(
        await revisions(ids.partial, [
          { opinionId: mine.opinionId, adopted: true, note: '采纳' },
          { opinionId: theirs.opinionId, adopted: true, note: '采纳' },
        ]),
        400,
        'OPINION_NOT_FOUND',
      ),
    );
    expect(fieldsOf(problem)).toEqual(['payload.opinionAdoption[1].opinionId']);
    expect(problem.detail).toMatch(CHINESE);
    expect(problem.errors?.[0].message).toMatch(/其他决策/);
    expect(problem.errors?.[0].message).toContain(theirs.opinionId);
  });

  it('refuses an id of this decision that names no opinion of the round (another record row) with 400', async () => {
    const [first, second] = await opinionsOf(ids.partial);
    const history = (await t.http.get(`/decisions/${ids.partial}/history`).set(t.bearer(d.tokens.department)).expect(200)).body as Array<{ seq: number; type: string }>;
    const submission = history.find((r) => r.type === 'SUBMIT_LEGALITY_REVIEW') as { seq: number };
    const problem = await t.unchanged(async () =>
      expectProblem(
        await revisions(ids.partial, [
          { opinionId: first.opinionId, adopted: true, note: '采纳' },
          { opinionId: second.opinionId, adopted: true, note: '采纳' },
          { opinionId: `${ids.partial}:${submission.seq}`, adopted: true, note: '采纳' },
        ]),
        400,
        'OPINION_NOT_FOUND',
      ),
    );
    expect(fieldsOf(problem)).toEqual(['payload.opinionAdoption[2].opinionId']);
    // The message lists the round's opinions, so that the sender can pick the right one.
    expect(problem.errors?.[0].message).toContain(first.opinionId);
    expect(problem.errors?.[0].message).toMatch(CHINESE);
  });

  it('refuses an opinion of an earlier round of the same decision', async () => {
    const history = (await t.http.get(`/decisions/${ids.secondRound}/history`).set(t.bearer(d.tokens.department)).expect(200)).body as Array<{ seq: number; type: string }>;
    const [earlier, current] = history.filter((r) => r.type === 'ADD_LEGAL_OPINION').map((r) => `${ids.secondRound}:${r.seq}`);
    expect((await opinionsOf(ids.secondRound)).map((o) => o.opinionId)).toEqual([current]);
    const problem = await t.unchanged(async () =>
      expectProblem(
        await revisions(ids.secondRound, [
          { opinionId: current, adopted: true, note: '采纳' },
          { opinionId: earlier, adopted: true, note: '上一轮的意见' },
        ]),
        400,
        'OPINION_NOT_FOUND',
      ),
    );
    expect(fieldsOf(problem)).toEqual(['payload.opinionAdoption[1].opinionId']);
    expect(problem.errors?.[0].message).toMatch(/本轮/);
  });

  it.each([
    ['an id that is no opinion id', [{ opinionId: '12', adopted: true, note: '采纳' }], 'payload.opinionAdoption[0].opinionId'],
    ['neither opinionId nor opinionSeq', [{ adopted: true, note: '采纳' }], 'payload.opinionAdoption[0].opinionId'],
    ['both opinionId and opinionSeq', [{ opinionId: '00000000-0000-4000-8000-000000000000:9', opinionSeq: 9, adopted: true, note: '采纳' }], 'payload.opinionAdoption[0].opinionSeq'],
  ])('refuses %s with 400 naming the field, in Chinese', async (_what, opinionAdoption, field) => {
    const problem = await t.unchanged(async () => expectProblem(await revisions(ids.partial, opinionAdoption), 400, 'VALIDATION_FAILED'));
    expect(fieldsOf(problem)).toEqual([field]);
    expect(problem.errors?.[0].message).toMatch(CHINESE);
  });

  it('still refuses, with the procedure’s 422, a revision that leaves an opinion of the round unanswered', async () => {
    const [first] = await opinionsOf(ids.partial);
    const res = await revisions(ids.partial, [{ opinionId: first.opinionId, adopted: true, note: '采纳' }]);
    expectProblem(res, 422, 'OPINION_ADOPTION_INCOMPLETE');
  });

  it('still takes the old form, the record seqs as opinionSeq', async () => {
    const opinions = await opinionsOf(ids.oldForm);
    const res = await revisions(
      ids.oldForm,
      opinions.map((o) => ({ opinionSeq: o.seq, adopted: true, note: '采纳' })),
    ).expect(200);
    expect(res.body).toMatchObject({ stage: 'awaiting_discussion' });
  });

  it('takes both forms in one revision', async () => {
    const [first, second] = await opinionsOf(ids.other);
    const res = await revisions(ids.other, [
      { opinionSeq: first.seq, adopted: true, note: '采纳' },
      { opinionId: second.opinionId, adopted: true, note: '采纳' },
    ]).expect(200);
    expect(res.body).toMatchObject({ stage: 'awaiting_discussion' });
  });
});
