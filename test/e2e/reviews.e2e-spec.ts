/**
 * The legality review desk (合法性审查) through HTTP: review rounds read from the record, by status,
 * scoped to the organs under the reviewer's government, with the working days left to the due date.
 */
import { BusinessCalendar } from '../../src/calendar/business-calendar';
import { CLOCK } from '../../src/engine/engine.module';
import type { Clock } from '../../src/engine/procedure-engine';
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { decisionFixture, type DecisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface Round {
  decisionId: string;
  title: string;
  organId: string;
  revision: number;
  round: number;
  status: string;
  submittedOn: string;
  requestedDueOn: string;
  workingDaysLeft: number | null;
  acceptedOn?: string;
  concludedOn?: string;
  conclusion?: string;
  returnedOn?: string;
  withdrawnOn?: string;
}

describe('GET /reviews', () => {
  let t: TestApp;
  let d: District;
  let f: DecisionFixture;
  let calendar: BusinessCalendar;
  let clock: Clock;
  const ids = {} as Record<'submitted' | 'inReview' | 'returned' | 'concluded' | 'withdrawn' | 'other', string>;
  /** A due date after today in a year the calendar knows. */
  const DUE_SOON = '2026-12-15';

  const rounds = async (token: string, query = '') => {
    const res = await t.http.get(`/reviews${query}`).set(t.bearer(token)).expect(200);
    // Unpaged (fewer than 50 rounds here): the total is the page.
    expect(res.headers['x-total-count']).toBe(String((res.body as Round[]).length));
    return res.body as Round[];
  };
  const keysOf = (list: Round[]) => list.map((r) => `${r.decisionId}#${r.round}:${r.status}`).sort();

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDistrict(t);
    f = decisionFixture(t, d);
    calendar = t.app.get(BusinessCalendar);
    clock = t.app.get<Clock>(CLOCK);
    ids.submitted = await f.decision({ title: '审查中：已送审', through: TO_REVIEW });
    ids.inReview = await f.decision({ title: '审查中：已受理', through: [...TO_REVIEW, 'ACCEPT_REVIEW'], patch: { SUBMIT_LEGALITY_REVIEW: { requestedDueOn: DUE_SOON } } });
    ids.returned = await f.decision({ title: '退回后再次送审', through: [...TO_REVIEW, 'RETURN_MATERIALS', 'SUBMIT_LEGALITY_REVIEW'] });
    ids.concluded = await f.decision({ title: '审查完毕', through: [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW'] });
    ids.withdrawn = await f.decision({ title: '审查中撤回', through: [...TO_REVIEW, 'WITHDRAW'] });
    ids.other = await f.decision({ organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: TO_REVIEW });
    // Not yet submitted: no round.
    await f.decision({ through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
  });
  afterAll(() => t.close());

  it('lists the rounds of the organs under the reviewer’s government, each with its status', async () => {
    expect(keysOf(await rounds(d.tokens.reviewer))).toEqual(
      [
        `${ids.submitted}#1:submitted`,
        `${ids.inReview}#1:in_review`,
        `${ids.returned}#1:returned`,
        `${ids.returned}#2:submitted`,
        `${ids.concluded}#1:concluded`,
        `${ids.withdrawn}#1:withdrawn`,
      ].sort(),
    );
    expect(keysOf(await rounds(d.tokens.otherReviewer))).toEqual([`${ids.other}#1:submitted`]);
    expect(await rounds(d.tokens.auditor)).toHaveLength(7);
  });

  it('filters by status', async () => {
    expect(keysOf(await rounds(d.tokens.reviewer, '?status=submitted'))).toEqual([`${ids.submitted}#1:submitted`, `${ids.returned}#2:submitted`].sort());
    expect(keysOf(await rounds(d.tokens.reviewer, '?status=in_review'))).toEqual([`${ids.inReview}#1:in_review`]);
    expect(keysOf(await rounds(d.tokens.reviewer, '?status=returned'))).toEqual([`${ids.returned}#1:returned`]);
    expect(keysOf(await rounds(d.tokens.reviewer, '?status=concluded'))).toEqual([`${ids.concluded}#1:concluded`]);
  });

  it('carries the dates of the round and, for an open round, the working days left (negative when overdue)', async () => {
    const today = clock.today();
    const all = await rounds(d.tokens.reviewer);
    const inReview = all.find((r) => r.decisionId === ids.inReview)!;
    const history = (await t.http.get(`/decisions/${ids.inReview}/history`).set(t.bearer(d.tokens.reviewer)).expect(200)).body as Array<{ type: string; payload: Record<string, string> }>;
    const submit = history.find((r) => r.type === 'SUBMIT_LEGALITY_REVIEW')!.payload;
    const accept = history.find((r) => r.type === 'ACCEPT_REVIEW')!.payload;
    expect(inReview).toMatchObject({
      title: '审查中：已受理',
      organId: d.units.gov.id,
      revision: 1,
      round: 1,
      submittedOn: submit.submittedOn,
      requestedDueOn: DUE_SOON,
      acceptedOn: accept.acceptedOn,
      workingDaysLeft: calendar.workingDaysBetween(today, DUE_SOON),
    });
    expect(inReview.workingDaysLeft).toBeGreaterThan(0);

    const overdue = all.find((r) => r.decisionId === ids.submitted)!;
    expect(overdue.requestedDueOn < today).toBe(true);
    expect(overdue.workingDaysLeft).toBe(-calendar.workingDaysBetween(overdue.requestedDueOn, today));
    expect(overdue.workingDaysLeft).toBeLessThan(0);

    const concluded = all.find((r) => r.decisionId === ids.concluded)!;
    expect(concluded).toMatchObject({ status: 'concluded', conclusion: 'lawful', workingDaysLeft: null });
    expect(concluded.acceptedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(concluded.concludedOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    const returned = all.find((r) => r.decisionId === ids.returned && r.round === 1)!;
    expect(returned).toMatchObject({ status: 'returned', workingDaysLeft: null, returnedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(all.find((r) => r.decisionId === ids.withdrawn)).toMatchObject({ status: 'withdrawn', withdrawnOn: expect.any(String), workingDaysLeft: null });
  });

  it('puts the earliest due first', async () => {
    const dues = (await rounds(d.tokens.auditor)).map((r) => r.requestedDueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it('follows the steps sent through HTTP', async () => {
    const payload = await f.payload(ids.submitted, 'ACCEPT_REVIEW');
    await t.http.post(`/decisions/${ids.submitted}/events`).set(t.bearer(d.tokens.reviewer)).send({ type: 'ACCEPT_REVIEW', payload }).expect(200);
    const round = (await rounds(d.tokens.reviewer, '?status=in_review')).find((r) => r.decisionId === ids.submitted);
    expect(round).toMatchObject({ status: 'in_review', acceptedOn: payload.acceptedOn });
  });

  it('gives null working days when the calendar does not know today’s year, rather than failing', async () => {
    const spy = jest.spyOn(clock, 'today').mockReturnValue('2031-03-02');
    try {
      const open = await rounds(d.tokens.reviewer, '?status=in_review');
      expect(open.length).toBeGreaterThan(0);
      for (const r of open) expect(r.workingDaysLeft).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });

  it('pages with X-Total-Count', async () => {
    const all = await rounds(d.tokens.auditor);
    const res = await t.http.get('/reviews?page=2&pageSize=2').set(t.bearer(d.tokens.auditor)).expect(200);
    expect(res.headers['x-total-count']).toBe(String(all.length));
    expect((res.body as Round[]).map((r) => `${r.decisionId}#${r.round}`)).toEqual(all.slice(2, 4).map((r) => `${r.decisionId}#${r.round}`));
  });

  it('is for legal reviewers and auditors only', async () => {
    for (const token of [d.tokens.office, d.tokens.department, d.tokens.admin]) expectProblem(await t.http.get('/reviews').set(t.bearer(token)), 403, 'FORBIDDEN_ROLE');
    expectProblem(await t.http.get('/reviews'), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['?status=pending', 'status'],
    ['?status=', 'status'],
    ['?pageSize=501', 'pageSize'],
    ['?organ=x', 'organ'],
  ])('%s → 400 naming %s', async (query, field) => {
    expect(fieldsOf(expectProblem(await t.http.get(`/reviews${query}`).set(t.bearer(d.tokens.reviewer)), 400, 'VALIDATION_FAILED'))).toContain(field);
  });
});
