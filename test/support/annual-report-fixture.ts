/**
 * A year whose figures are known, for the annual report (GET /audit/report): decisions of 前进区
 * arranged through the engine in known stages, reviews with known conclusions, legal opinions given
 * and adopted, refused attempts of known codes sent through HTTP, catalogs published through HTTP for
 * some organs of each level, and overdue steps found by the scan (one of them done late). Beside
 * them, what must not count: a 2025 decision, and for 前进区 alone, the neighbouring district.
 *
 *   const y = await arrangeReportYear(t);        // then GET /audit/report?year=2026 …
 */
import ExcelJS from 'exceljs';
import type { Test } from 'supertest';
import { DeadlineScanService } from '../../src/deadlines/deadline-scan.service';
import { addDays } from '../../workflows/dates';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { ALL_REQUIRED } from '../../workflows/major-decision/v1/samples';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { itemB, publishedCatalogWith, type CatalogItemBody } from './catalog-fixture';
import { decisionFixture, type DecisionFixture } from './decision-fixture';
import { createDistrict, USER_PASSWORD, type District, type Unit } from './district';
import type { TestApp } from './test-app';

export const YEAR = 2026;
const REVIEWED: EventType[] = [...TO_REVIEW, 'ACCEPT_REVIEW', 'ADD_LEGAL_OPINION'];

export interface ReportYear {
  d: District;
  f: DecisionFixture;
  /** 滨江街道: a second street office, without a catalog. */
  street2: Unit;
  /** 区撤并局: a deactivated department (not counted among the organs). */
  dissolved: Unit;
  /** Office users of 区发改局 and 港湾街道, which publish their own catalogs. */
  tokens: { ndrcOffice: string; streetOffice: string };
  ids: Record<'archived' | 'revised' | 'unlawful' | 'exploratory' | 'returned' | 'withdrawn' | 'cataloged' | 'otherParticipation' | 'inReview' | 'late' | 'lastYear' | 'neighbour', string>;
}

export async function arrangeReportYear(t: TestApp): Promise<ReportYear> {
  const d = await createDistrict(t);
  const f = decisionFixture(t, d);
  const admin = t.bearer(d.tokens.admin);
  const created = async (res: { status: number; text: string; body: unknown }, what: string) => {
    if (res.status !== 201) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body as { id: string } & Record<string, unknown>;
  };
  const unit = async (name: string, kind: string): Promise<Unit> =>
    (await created(await t.http.post('/org-units').set(admin).send({ name, kind, parentId: d.units.gov.id }), name)) as unknown as Unit;
  const office = async (username: string, orgUnitId: string): Promise<string> => {
    await created(await t.http.post('/users').set(admin).send({ username, password: USER_PASSWORD, displayName: username, orgUnitId, roles: ['office'] }), username);
    return t.login(username, USER_PASSWORD);
  };

  const street2 = await unit('滨江街道', 'street');
  const dissolved = await unit('区撤并局', 'department');
  const deactivated = await t.http.patch(`/org-units/${dissolved.id}`).set(admin).send({ active: false });
  if (deactivated.status !== 200) throw new Error(`deactivating: ${deactivated.status} ${deactivated.text}`);
  const tokens = { ndrcOffice: await office('fgj-zfb', d.units.ndrc.id), streetOffice: await office('gw-zfb', d.units.street.id) };

  const ids = {} as ReportYear['ids'];
  // Published and archived: every step, a lawful review with one opinion.
  ids.archived = await f.decision({ title: '供热价格调整', through: [...TO_PUBLISHED, 'ARCHIVE'] });
  // Published, not archived: lawful with revisions, two opinions of which the revision adopts one.
  ids.revised = await f.decision({
    title: '公交线网优化',
    through: [...REVIEWED, 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW'],
    patch: { CONCLUDE_REVIEW: { conclusion: 'lawful_with_revisions' } },
  });
  const revisions = await f.payload(ids.revised, 'RECORD_REVISIONS');
  const [first, second] = revisions.opinionAdoption as Array<{ opinionSeq: number }>;
  await f.advance(ids.revised, ['RECORD_REVISIONS', 'RECORD_DISCUSSION', 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH'], {
    RECORD_REVISIONS: {
      opinionAdoption: [
        { opinionSeq: first.opinionSeq, adopted: true, note: '已采纳' },
        { opinionSeq: second.opinionSeq, adopted: false, note: '与上位法不冲突，不予采纳' },
      ],
    },
  });
  // Concluded unlawful: back to drafting.
  ids.unlawful = await f.decision({ title: '摊贩管理办法', through: [...REVIEWED, 'CONCLUDE_REVIEW'], patch: { CONCLUDE_REVIEW: { conclusion: 'unlawful' } } });
  // Exploratory reform, its legal risks disclosed: awaiting discussion.
  ids.exploratory = await f.decision({
    title: '营商环境改革试点',
    through: [...REVIEWED, 'CONCLUDE_REVIEW'],
    patch: { CONCLUDE_REVIEW: { conclusion: 'exploratory_risk_disclosed', legalRisks: ['改革试点与现行规定衔接的风险'] } },
  });
  // Materials returned: back to drafting.
  ids.returned = await f.decision({ title: '养老服务设施规划', through: [...TO_REVIEW, 'RETURN_MATERIALS'] });
  ids.withdrawn = await f.decision({ title: '停车收费调整', through: ['CATALOG_PUBLISHED', 'START_DRAFTING', 'WITHDRAW'] });
  ids.cataloged = await f.decision({ title: '河道整治方案', through: ['CATALOG_PUBLISHED'] });
  // Public participation by a forum instead of a comment period: drafting.
  ids.otherParticipation = await f.decision({
    title: '社区卫生服务规划',
    requirements: { ...ALL_REQUIRED, hearing: { required: false, reason: '不涉及听证事项' } },
    through: ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT', 'RECORD_PUBLIC_PARTICIPATION'],
  });
  // In legality review, past the requested due date (overdue at the scan, still open).
  ids.inReview = await f.decision({ title: '学区划分调整', through: TO_REVIEW });
  // In legality review at the scan, concluded (lawful) afterwards: done late.
  ids.late = await f.decision({ title: '垃圾分类实施方案', through: TO_REVIEW });
  // Not of the year, and not of 前进区.
  ids.lastYear = await f.decision({ title: '2025年度事项', year: 2025, through: TO_PUBLISHED });
  ids.neighbour = await f.decision({ title: '后进区事项', organ: d.units.otherGov, undertaking: d.units.otherNdrc, through: TO_REVIEW });

  // Catalogs published through HTTP: 前进区人民政府 (the fixture's catalog, with one more item), 区发改局, 港湾街道.
  await publishedCatalogWith(t, d, [itemB(d)]);
  await ownCatalog(t, tokens.ndrcOffice, d.units.ndrc, itemB(d, { title: '发改局内部事项', undertakingUnitId: d.units.ndrc.id }));
  await ownCatalog(t, tokens.streetOffice, d.units.street, itemB(d, { title: '街道微更新计划', undertakingUnitId: d.units.street.id }));

  // Refused attempts, through the events door.
  const refuse = async (id: string, token: string, type: EventType, payload: Record<string, unknown>, code: string) => {
    const res = await t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send({ type, payload });
    const body = res.body as { code?: string };
    if (res.status !== 422 || body.code !== code) throw new Error(`${type} on ${id}: expected 422 ${code}, got ${res.status} ${res.text}`);
  };
  const discussion = async (id: string, implementingUnitId: string) => ({ ...(await f.payload(id, 'RECORD_DISCUSSION')), implementingUnitId });
  await refuse(ids.otherParticipation, d.tokens.office, 'RECORD_DISCUSSION', await discussion(ids.otherParticipation, d.units.ndrc.id), 'LEGALITY_REVIEW_REQUIRED');
  await refuse(ids.cataloged, d.tokens.department, 'SUBMIT_LEGALITY_REVIEW', await f.payload(ids.cataloged, 'SUBMIT_LEGALITY_REVIEW'), 'DRAFTING_NOT_STARTED');
  await refuse(ids.cataloged, d.tokens.office, 'START_DRAFTING', { startedOn: '2099-01-04' }, 'DATE_IN_FUTURE');
  const shortComment = await f.payload(ids.unlawful, 'OPEN_PUBLIC_COMMENT');
  await refuse(ids.unlawful, d.tokens.department, 'OPEN_PUBLIC_COMMENT', { ...shortComment, endOn: addDays(shortComment.startOn as string, 10) }, 'COMMENT_PERIOD_TOO_SHORT');
  await refuse(ids.lastYear, d.tokens.office, 'START_ADJUSTMENT', { startedOn: '2099-01-04', reason: '调整' }, 'DATE_IN_FUTURE');
  await refuse(ids.neighbour, d.tokens.otherOffice, 'RECORD_DISCUSSION', await discussion(ids.neighbour, d.units.otherNdrc.id), 'LEGALITY_REVIEW_REQUIRED');

  // The overdue scan: open reviews past their due date, published or withdrawn decisions not archived.
  await t.app.get(DeadlineScanService).scan();
  await f.advance(ids.late, ['ACCEPT_REVIEW', 'ADD_LEGAL_OPINION', 'CONCLUDE_REVIEW']);

  return { d, f, street2, dissolved, tokens, ids };
}

/** An organ's own catalog of the year, created, filled with one item and published by its office. */
async function ownCatalog(t: TestApp, token: string, organ: Unit, item: CatalogItemBody): Promise<void> {
  const as = t.bearer(token);
  const catalog = await t.http.post('/catalogs').set(as).send({ organId: organ.id, year: YEAR });
  if (catalog.status !== 201) throw new Error(`catalog of ${organ.name}: ${catalog.status} ${catalog.text}`);
  const id = (catalog.body as { id: string }).id;
  const added = await t.http.post(`/catalogs/${id}/items`).set(as).send(item);
  if (added.status !== 201) throw new Error(`item of ${organ.name}: ${added.status} ${added.text}`);
  const published = await t.http
    .post(`/catalogs/${id}/publish`)
    .set(as)
    .send({ partyCommitteeApprovedOn: '2026-03-02', partyCommitteeRef: `${organ.name}党组会议纪要〔2026〕1号`, publishedOn: '2026-03-06' });
  if (published.status !== 200) throw new Error(`publishing ${organ.name}: ${published.status} ${published.text}`);
}

/** The members of a report the figures tests compare (ids, names and generatedAt left out). */
export interface ReportBody {
  year: number;
  scope: { organId: string | null; organName: string | null };
  generatedAt: string;
  catalogs: {
    coverage: Array<{ level: string; label: string; organs: number; published: number; ratePercent: number | null }>;
    total: { organs: number; published: number; ratePercent: number | null };
    published: number;
    organs: Array<{ organId: string; organName: string; kind: string; active: boolean; status: string; publications: number; firstPublishedOn: string | null; items: number }>;
  };
  decisions: { total: number; byStage: Array<{ stage: string; label: string; count: number }>; complete: number; completedWithAllSteps: number };
  legalityReview: {
    decisionsSubmitted: number;
    submissions: number;
    returned: number;
    concluded: number;
    byConclusion: Array<{ conclusion: string; label: string; count: number }>;
    opinionsGiven: number;
    opinionsAnswered: number;
    opinionsAdopted: number;
    adoptionRatePercent: number | null;
  };
  publicParticipation: Record<string, number>;
  decisionMaking: Record<string, number>;
  refusals: {
    total: number;
    byCategory: Array<{ category: string; label: string; count: number }>;
    byCode: Array<{ code: string; category: string; meaning: string; count: number }>;
    skips: Array<{ code: string; meaning: string; count: number }>;
  };
  deadlines: {
    overdueSteps: number;
    doneLate: number;
    notDone: number;
    decisions: number;
    byStep: Array<{ step: string; label: string; overdue: number; doneLate: number; notDone: number }>;
  };
}

/** The figures of a report in a compact form: what the tests state they must be. */
export function figuresOf(r: ReportBody) {
  const nonZero = <T extends { count: number }>(list: T[], key: (x: T) => string) => Object.fromEntries(list.filter((x) => x.count > 0).map((x) => [key(x), x.count]));
  return {
    coverage: Object.fromEntries(r.catalogs.coverage.map((c) => [c.level, [c.published, c.organs, c.ratePercent]])),
    coverageTotal: [r.catalogs.total.published, r.catalogs.total.organs, r.catalogs.total.ratePercent],
    catalogsPublished: r.catalogs.published,
    organs: r.catalogs.organs.map((o) => [o.organName, o.kind, o.status, o.publications, o.firstPublishedOn, o.items]),
    decisions: { total: r.decisions.total, complete: r.decisions.complete, completedWithAllSteps: r.decisions.completedWithAllSteps, byStage: nonZero(r.decisions.byStage, (s) => s.stage) },
    legalityReview: { ...r.legalityReview, byConclusion: Object.fromEntries(r.legalityReview.byConclusion.map((c) => [c.conclusion, c.count])) },
    publicParticipation: r.publicParticipation,
    decisionMaking: r.decisionMaking,
    refusals: {
      total: r.refusals.total,
      byCategory: Object.fromEntries(r.refusals.byCategory.map((c) => [c.category, c.count])),
      byCode: r.refusals.byCode.map((c) => [c.code, c.category, c.count]),
      skips: r.refusals.skips.map((c) => [c.code, c.count]),
    },
    deadlines: { ...r.deadlines, byStep: r.deadlines.byStep.map((s) => [s.step, s.overdue, s.doneLate, s.notDone]) },
  };
}

/** GET /audit/report?year=2026&organId=<前进区人民政府>: every figure of the arranged year. */
export const GOV_2026: ReturnType<typeof figuresOf> = {
  coverage: { government: [1, 1, 100], department: [0, 0, null], street: [0, 0, null] },
  coverageTotal: [1, 1, 100],
  catalogsPublished: 1,
  organs: [['前进区人民政府', 'government', 'published', 1, '2026-02-15', 11]],
  decisions: { total: 11, complete: 1, completedWithAllSteps: 1, byStage: { cataloged: 2, drafting: 3, legality_review: 1, awaiting_discussion: 2, published: 2, withdrawn: 1 } },
  legalityReview: {
    decisionsSubmitted: 7,
    submissions: 7,
    returned: 1,
    concluded: 5,
    byConclusion: { lawful: 2, lawful_with_revisions: 1, unlawful: 1, exploratory_risk_disclosed: 1 },
    opinionsGiven: 6,
    opinionsAnswered: 2,
    opinionsAdopted: 1,
    adoptionRatePercent: 16.7,
  },
  publicParticipation: { commentPeriodsOpened: 7, commentPeriodsClosed: 7, otherParticipation: 1, hearings: 7, expertArgumentations: 7, riskAssessments: 7 },
  decisionMaking: { collectiveDiscussions: 2, partyCommitteeReports: 2, publications: 2, archives: 1 },
  refusals: {
    total: 4,
    byCategory: { skip: 2, time_limit: 1, content: 0, form: 1 },
    byCode: [
      ['DRAFTING_NOT_STARTED', 'skip', 1],
      ['LEGALITY_REVIEW_REQUIRED', 'skip', 1],
      ['COMMENT_PERIOD_TOO_SHORT', 'time_limit', 1],
      ['DATE_IN_FUTURE', 'form', 1],
    ],
    skips: [
      ['DRAFTING_NOT_STARTED', 1],
      ['LEGALITY_REVIEW_REQUIRED', 1],
    ],
  },
  // Overdue at the scan: 前进区's catalog item not started by its plannedStartOn, two reviews past
  // their requested due date (one concluded afterwards), two decisions not archived in 30 days.
  deadlines: {
    overdueSteps: 5,
    doneLate: 1,
    notDone: 4,
    decisions: 5,
    byStep: [
      ['start', 1, 0, 1],
      ['legalityReview', 2, 1, 1],
      ['archive', 2, 0, 2],
    ],
  },
};

/** GET /audit/report?year=2026 (every organ): 前进区's year, 区发改局's and 港湾街道's catalogs, and the neighbour. */
export const ALL_2026: ReturnType<typeof figuresOf> = {
  coverage: { government: [1, 2, 50], department: [1, 4, 25], street: [1, 2, 50] },
  coverageTotal: [3, 8, 37.5],
  catalogsPublished: 3,
  // Active organs and those with a catalog of the year; 区撤并局 (deactivated, no catalog) is not one.
  organs: [
    ['前进区人民政府', 'government', 'published', 1, '2026-02-15', 11],
    ['后进区人民政府', 'government', 'draft', 0, null, 1],
    ['区卫健局', 'department', 'none', 0, null, 0],
    ['区发改局', 'department', 'published', 1, '2026-03-06', 1],
    ['区司法局', 'department', 'none', 0, null, 0],
    ['后进区发改局', 'department', 'none', 0, null, 0],
    ['港湾街道', 'street', 'published', 1, '2026-03-06', 1],
    ['滨江街道', 'street', 'none', 0, null, 0],
  ],
  decisions: { total: 14, complete: 1, completedWithAllSteps: 1, byStage: { cataloged: 4, drafting: 3, legality_review: 2, awaiting_discussion: 2, published: 2, withdrawn: 1 } },
  legalityReview: { ...GOV_2026.legalityReview, decisionsSubmitted: 8, submissions: 8 },
  publicParticipation: { commentPeriodsOpened: 8, commentPeriodsClosed: 8, otherParticipation: 1, hearings: 8, expertArgumentations: 8, riskAssessments: 8 },
  decisionMaking: GOV_2026.decisionMaking,
  refusals: {
    total: 5,
    byCategory: { skip: 3, time_limit: 1, content: 0, form: 1 },
    byCode: [
      ['LEGALITY_REVIEW_REQUIRED', 'skip', 2],
      ['DRAFTING_NOT_STARTED', 'skip', 1],
      ['COMMENT_PERIOD_TOO_SHORT', 'time_limit', 1],
      ['DATE_IN_FUTURE', 'form', 1],
    ],
    skips: [
      ['LEGALITY_REVIEW_REQUIRED', 2],
      ['DRAFTING_NOT_STARTED', 1],
    ],
  },
  deadlines: {
    overdueSteps: 8,
    doneLate: 1,
    notDone: 7,
    decisions: 8,
    byStep: [
      ['start', 3, 0, 3],
      ['legalityReview', 3, 1, 2],
      ['archive', 2, 0, 2],
    ],
  },
};

/** The request with its answer read as a Buffer (the workbook), in `body`. */
export function binaryBody(req: Test): Test {
  return req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/** A workbook read back with exceljs, and the values of a sheet's rows (first column first). */
export async function loadWorkbook(body: unknown): Promise<{ wb: ExcelJS.Workbook; rows(sheet: string): unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as Parameters<ExcelJS.Xlsx['load']>[0]);
  const rows = (sheet: string) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { wb, rows };
}
