/**
 * The review desk's rows as a reviewer reads them, on SQLite and PostgreSQL: each round with its
 * organ and undertaking unit by name, the materials submitted, the draft under review with its
 * summary, and the round's legal opinions, each with the id RECORD_REVISIONS answers it by; long
 * texts cut (the record has them whole); pages and totals chosen by the database.
 */
import { TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, type District } from './district';
import { createTestApp, type TestApp } from './test-app';

interface Opinion {
  opinionId: string;
  seq: number;
  givenOn: string;
  author: string;
  authorKind: string;
  text: string;
}

interface Round {
  decisionId: string;
  title: string;
  organId: string;
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  revision: number;
  round: number;
  status: string;
  submittedOn: string;
  requestedDueOn: string;
  draftVersion: string;
  submissionSeq: number;
  materials: { draftVersion: string; legalBasis: string[] | null; procedureStatement: string | null };
  draft: { seq: number; draftVersion: string; draftedOn: string; summary: string | null } | null;
  opinions: Opinion[];
  truncated: boolean;
}

interface HistoryRow {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

export function reviewDeskSuite(postgres: boolean): void {
  describe(`GET /reviews: what a reviewer reads of each round (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let f: DecisionFixture;
    const ids = {} as Record<'heating' | 'health' | 'returned' | 'long' | 'other', string>;
    const LONG_SUMMARY = '草案摘要'.repeat(900); // 3,600 characters
    const LONG_OPINION = '意见'.repeat(2500); // 5,000 characters

    const rounds = async (token: string, query = ''): Promise<{ rows: Round[]; total: number }> => {
      const res = await t.http.get(`/reviews${query}`).set(t.bearer(token)).expect(200);
      return { rows: res.body as Round[], total: Number(res.headers['x-total-count']) };
    };
    const history = async (id: string): Promise<HistoryRow[]> =>
      (await t.http.get(`/decisions/${id}/history?pageSize=500`).set(t.bearer(d.tokens.auditor)).expect(200)).body as HistoryRow[];

    beforeAll(async () => {
      t = await createTestApp({ postgres });
      d = await createDistrict(t);
      f = decisionFixture(t, d);
      ids.heating = await f.decision({
        title: '城区集中供热价格调整方案',
        through: [...TO_REVIEW, 'ACCEPT_REVIEW'],
        patch: {
          RECORD_DRAFT: { summary: '调整居民供热价格，设置低收入家庭补贴' },
          SUBMIT_LEGALITY_REVIEW: { requestedDueOn: '2026-12-15' },
        },
      });
      await f.advance(ids.heating, ['ADD_LEGAL_OPINION'], { ADD_LEGAL_OPINION: { author: '王律师', authorKind: 'legal_adviser', text: '建议补充资金来源说明' } });
      await f.advance(ids.heating, ['ADD_LEGAL_OPINION'], { ADD_LEGAL_OPINION: { author: '赵审查员', authorKind: 'reviewer', text: '补贴对象应当明确' } });
      ids.health = await f.decision({ title: '基层医疗机构布局规划', undertaking: d.units.health, through: TO_REVIEW });
      ids.returned = await f.decision({ title: '退回后再次送审', through: [...TO_REVIEW, 'RETURN_MATERIALS', 'SUBMIT_LEGALITY_REVIEW', 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION'] });
      ids.long = await f.decision({
        title: '长文本',
        through: [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION'],
        patch: { RECORD_DRAFT: { summary: LONG_SUMMARY }, ADD_LEGAL_OPINION: { text: LONG_OPINION } },
      });
      ids.other = await f.decision({ organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: TO_REVIEW });
    }, 120_000);
    afterAll(() => t.close());

    it('gives each round its organ and undertaking unit, by id and by name', async () => {
      const { rows } = await rounds(d.tokens.reviewer);
      const heating = rows.find((r) => r.decisionId === ids.heating) as Round;
      expect(heating).toMatchObject({ organId: d.units.gov.id, organName: '前进区人民政府', undertakingUnitId: d.units.ndrc.id, undertakingUnitName: '区发改局' });
      expect(rows.find((r) => r.decisionId === ids.health)).toMatchObject({ undertakingUnitId: d.units.health.id, undertakingUnitName: '区卫健局' });
      const other = (await rounds(d.tokens.otherReviewer)).rows;
      expect(other.map((r) => [r.decisionId, r.organName, r.undertakingUnitName])).toEqual([[ids.other, '后进区人民政府', '后进区发改局']]);
    });

    it('gives the materials submitted and the draft under review with its summary, as the record holds them', async () => {
      const heating = (await rounds(d.tokens.reviewer)).rows.find((r) => r.decisionId === ids.heating) as Round;
      const rows = await history(ids.heating);
      const submit = rows.find((r) => r.type === 'SUBMIT_LEGALITY_REVIEW') as HistoryRow;
      const draft = rows.find((r) => r.type === 'RECORD_DRAFT') as HistoryRow;
      expect(heating.submissionSeq).toBe(submit.seq);
      expect(heating.materials).toEqual(submit.payload.materials);
      expect(heating.materials).toEqual({ draftVersion: 'r1-v1', legalBasis: ['价格法'], procedureStatement: '已履行法定程序' });
      expect(heating.draft).toEqual({ seq: draft.seq, draftVersion: 'r1-v1', draftedOn: draft.payload.draftedOn, summary: '调整居民供热价格，设置低收入家庭补贴' });
      expect(heating.truncated).toBe(false);
    });

    it('lists the round’s legal opinions, each with an opinionId made of the decision and its record seq', async () => {
      const heating = (await rounds(d.tokens.reviewer)).rows.find((r) => r.decisionId === ids.heating) as Round;
      const given = (await history(ids.heating)).filter((r) => r.type === 'ADD_LEGAL_OPINION');
      expect(given).toHaveLength(2);
      expect(heating.opinions).toEqual(
        given.map((r) => ({
          opinionId: `${ids.heating}:${r.seq}`,
          seq: r.seq,
          givenOn: r.payload.givenOn,
          author: r.payload.author,
          authorKind: r.payload.authorKind,
          authorKindLabel: { legal_adviser: '法律顾问', reviewer: '合法性审查机构人员' }[r.payload.authorKind as string],
          text: r.payload.text,
        })),
      );
      expect(heating.opinions.map((o) => o.author)).toEqual(['王律师', '赵审查员']);
    });

    it('keeps each opinion with its own round: none on a round returned before any, the new one on the next round', async () => {
      const returned = (await rounds(d.tokens.reviewer)).rows.filter((r) => r.decisionId === ids.returned).sort((a, b) => a.round - b.round);
      expect(returned.map((r) => [r.round, r.status, r.opinions.length])).toEqual([
        [1, 'returned', 0],
        [2, 'in_review', 1],
      ]);
      const opinion = (await history(ids.returned)).find((r) => r.type === 'ADD_LEGAL_OPINION') as HistoryRow;
      expect(returned[1].opinions[0].opinionId).toBe(`${ids.returned}:${opinion.seq}`);
      expect(returned[1].submissionSeq).toBeGreaterThan(returned[0].submissionSeq);
    });

    it('cuts a long summary or opinion to its first 2,000 characters and says so; the record keeps it whole', async () => {
      const long = (await rounds(d.tokens.reviewer)).rows.find((r) => r.decisionId === ids.long) as Round;
      expect(long.truncated).toBe(true);
      expect(long.draft?.summary).toBe(LONG_SUMMARY.slice(0, 2000));
      expect(long.opinions[0].text).toBe(LONG_OPINION.slice(0, 2000));
      const whole = (await t.http.get(`/decisions/${ids.long}/history/${long.opinions[0].seq}`).set(t.bearer(d.tokens.reviewer)).expect(200)).body as HistoryRow;
      expect(whole.payload.text).toBe(LONG_OPINION);
    });

    it('pages in the database: the pages put together are the whole list, in order, each with the total', async () => {
      const all = await rounds(d.tokens.auditor);
      expect(all.total).toBe(all.rows.length);
      expect(all.total).toBe(6);
      const paged: Round[] = [];
      for (let page = 1; page <= 3; page++) {
        const p = await rounds(d.tokens.auditor, `?page=${page}&pageSize=2`);
        expect(p.total).toBe(6);
        paged.push(...p.rows);
      }
      const key = (r: Round) => `${r.decisionId}#${r.revision}.${r.round}`;
      expect(paged.map(key)).toEqual(all.rows.map(key));
      const dues = all.rows.map((r) => r.requestedDueOn);
      expect(dues).toEqual([...dues].sort());
      expect((await rounds(d.tokens.auditor, '?page=4&pageSize=2')).rows).toEqual([]);
    });

    it('counts and pages within a status', async () => {
      const inReview = await rounds(d.tokens.reviewer, '?status=in_review');
      expect(inReview.rows.map((r) => r.decisionId).sort()).toEqual([ids.heating, ids.returned, ids.long].sort());
      expect(inReview.total).toBe(3);
      const second = await rounds(d.tokens.reviewer, '?status=in_review&page=2&pageSize=2');
      expect(second.total).toBe(3);
      expect(second.rows.map((r) => r.decisionId)).toEqual([inReview.rows[2].decisionId]);
      const returned = await rounds(d.tokens.reviewer, '?status=returned');
      expect(returned.rows.map((r) => [r.decisionId, r.round])).toEqual([[ids.returned, 1]]);
      expect(returned.total).toBe(1);
    });

    it('shows a unit’s new name at once after it is renamed: names are read, not copied', async () => {
      await t.http.patch(`/org-units/${d.units.health.id}`).set(t.bearer(d.tokens.admin)).send({ name: '区卫生健康局' }).expect(200);
      const health = (await rounds(d.tokens.reviewer)).rows.find((r) => r.decisionId === ids.health) as Round;
      expect(health.undertakingUnitName).toBe('区卫生健康局');
    });
  });
}
