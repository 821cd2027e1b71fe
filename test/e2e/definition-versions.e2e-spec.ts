/**
 * Versions 1 and 2 of major-decision side by side through HTTP: a decision started while
 * MAJOR_DECISION_DEFAULT_VERSION was 1 goes on under version 1 after the service restarts with 2,
 * and a decision started under 2 follows version 2 (the party committee's reply, SC713-31).
 */
import { itemB, publishedCatalogWith } from '../support/catalog-fixture';
import { sqliteTestDatabase, type TestDatabase } from '../support/databases';
import { decisionFixture } from '../support/decision-fixture';
import { createDistrict, type District } from '../support/district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';
import type { EventType } from '../../workflows/major-decision/v1/events';

const JWT_SECRET = 'one-signing-key-for-both-instances-0123456789';
const TO_DECIDED: EventType[] = [
  'START_DRAFTING',
  'RECORD_DRAFT',
  'OPEN_PUBLIC_COMMENT',
  'CLOSE_PUBLIC_COMMENT',
  'RECORD_RISK_ASSESSMENT',
  'SUBMIT_LEGALITY_REVIEW',
  'ACCEPT_REVIEW',
  'ADD_LEGAL_OPINION',
  'CONCLUDE_REVIEW',
  'RECORD_DISCUSSION',
];

describe('major-decision versions 1 and 2 side by side', () => {
  let db: TestDatabase;
  let onV1: TestApp;
  let onV2: TestApp;
  let d: District;

  beforeAll(async () => {
    db = await sqliteTestDatabase();
    onV1 = await createTestApp({ database: db.config, env: { JWT_SECRET, MAJOR_DECISION_DEFAULT_VERSION: '1' } });
    d = await createDistrict(onV1);
    // The same database served again, new decisions now on version 2 (the default).
    onV2 = await createTestApp({ database: db.config, env: { JWT_SECRET, MAJOR_DECISION_DEFAULT_VERSION: '2' } });
  });
  afterAll(async () => {
    await onV1?.close();
    await onV2?.close();
    await db?.drop();
  });

  it('starts each decision on the default of its time and keeps it there (SC713-31 under version 2 only)', async () => {
    const office = onV2.bearer(d.tokens.office);
    const {
      decisionIds: [first],
    } = await publishedCatalogWith(onV1, d, [itemB(d, { title: '前进区老旧小区改造三年规划' })]);
    const {
      decisionIds: [second],
    } = await publishedCatalogWith(onV2, d, [itemB(d, { title: '前进区停车设施建设规划' })], { year: 2027 });

    const shown = async (id: string) => (await onV2.http.get(`/decisions/${id}`).set(office).expect(200)).body as { definition: { id: string; version: number }; stage: string };
    expect((await shown(first)).definition).toEqual({ id: 'major-decision', version: 1 });
    expect((await shown(second)).definition).toEqual({ id: 'major-decision', version: 2 });

    const f = decisionFixture(onV2, d);
    await f.advance(first, TO_DECIDED);
    await f.advance(second, TO_DECIDED);
    expect((await shown(first)).stage).toBe('decided');
    expect((await shown(second)).stage).toBe('decided');

    // Version 1 takes the report alone.
    const report = { reportedOn: '2026-12-01', reference: '区政府党组请示〔2026〕9号' };
    const r1 = await onV2.http
      .post(`/decisions/${first}/events`)
      .set(office)
      .send({ type: 'REPORT_TO_PARTY_COMMITTEE', payload: { ...report, reportedOn: (await f.payload(first, 'REPORT_TO_PARTY_COMMITTEE')).reportedOn } });
    expect([r1.status, r1.body.stage]).toEqual([200, 'reported']);

    // Version 2 asks for the committee's reply with it, by field.
    const reportedOn = (await f.payload(second, 'REPORT_TO_PARTY_COMMITTEE')).reportedOn as string;
    const refused = await onV2.http
      .post(`/decisions/${second}/events`)
      .set(office)
      .send({ type: 'REPORT_TO_PARTY_COMMITTEE', payload: { ...report, reportedOn } });
    expect(fieldsOf(expectProblem(refused, 400, 'VALIDATION_FAILED'))).toEqual(expect.arrayContaining(['payload.committeeReply', 'payload.repliedOn']));
    // A return sends the draft back to drafting.
    const returned = await onV2.http
      .post(`/decisions/${second}/events`)
      .set(office)
      .send({ type: 'REPORT_TO_PARTY_COMMITTEE', payload: { ...report, reportedOn, committeeReply: 'returned', repliedOn: reportedOn, replyOpinions: ['补充停车收费标准的听证安排'] } });
    expect([returned.status, returned.body.stage]).toEqual([200, 'drafting']);
    expect((await shown(first)).definition.version).toBe(1);
    expect((await shown(second)).definition.version).toBe(2);

    // Version 1 stops a decision in force at once; version 2 only through an adjustment (SC713-37, next test).
    await f.advance(first, ['PUBLISH']);
    const v1Stop = await onV2.http.post(`/decisions/${first}/events`).set(office).send({ type: 'TERMINATE', payload: await f.payload(first, 'TERMINATE') });
    expect([v1Stop.status, v1Stop.body.stage]).toEqual([200, 'published']);

    // The service started with default 1 serves both as well: each decision keeps its version.
    const again = await onV1.http.get(`/decisions/${second}`).set(onV1.bearer(d.tokens.office)).expect(200);
    expect([again.body.definition.version, again.body.stage]).toEqual([2, 'drafting']);
  });

  it('refuses a bare stop of a version-2 decision in force, naming the adjustment that would pass (SC713-37), and takes the adjustment', async () => {
    const office = onV2.bearer(d.tokens.office);
    const {
      decisionIds: [id],
    } = await publishedCatalogWith(onV2, d, [itemB(d, { title: '前进区夜市管理办法' })], { year: 2030 });
    // The organ's kind went into the case with the catalog item: it names the meeting that may discuss the draft (SC713-42).
    const [stored] = await onV2.tx.read((tx) => tx.query<{ snapshot: string }>('SELECT snapshot FROM decision WHERE id = ?', [id]));
    expect((JSON.parse(stored.snapshot) as { context: { organKind?: string } }).context.organKind).toBe('government');
    const f = decisionFixture(onV2, d);
    await f.advance(id, [...TO_DECIDED, 'REPORT_TO_PARTY_COMMITTEE', 'PUBLISH']);
    const bare = await onV2.http.post(`/decisions/${id}/events`).set(office).send({ type: 'TERMINATE', payload: await f.payload(id, 'TERMINATE') });
    const problem = expectProblem(bare, 422, 'TERMINATION_WITHOUT_PROCEDURE');
    expect(problem.detail).toContain('START_ADJUSTMENT');
    expect((problem.legalBasis as Array<{ id: string }>).map((b) => b.id)).toEqual(['SC713-37']);
    const adjusted = await onV2.http
      .post(`/decisions/${id}/events`)
      .set(office)
      .send({ type: 'START_ADJUSTMENT', payload: { ...(await f.payload(id, 'START_ADJUSTMENT')), purpose: 'terminate' } });
    expect([adjusted.status, adjusted.body.stage]).toEqual([200, 'drafting']);
  });

  it('takes a version-2 item off the catalog only with the organ\'s decision adjusting the catalog (SC713-3); a version-1 item without it', async () => {
    const office = onV2.bearer(d.tokens.office);
    const {
      catalog: { id: c1 },
      decisionIds: [old],
    } = await publishedCatalogWith(onV1, d, [itemB(d, { title: '前进区公厕改造方案' })], { year: 2028 });
    const {
      catalog: { id: c2 },
      decisionIds: [young],
    } = await publishedCatalogWith(onV2, d, [itemB(d, { title: '前进区口袋公园建设方案' })], { year: 2029 });
    const reason = { reason: '并入市级统一实施方案' };
    const bare = await onV2.http.delete(`/catalogs/${c2}/items/${young}`).set(office).send(reason);
    expect(fieldsOf(expectProblem(bare, 400, 'VALIDATION_FAILED'))).toEqual(['organDecisionRef']);
    expect(bare.body.detail).toContain('第三条第三款');
    expect((await onV2.http.get(`/decisions/${young}`).set(office).expect(200)).body.stage).toBe('cataloged');
    const taken = await onV2.http.delete(`/catalogs/${c2}/items/${young}`).set(office).send({ ...reason, organDecisionRef: '区政府常务会议纪要〔2029〕3号' });
    expect(taken.status).toBe(200);
    const history = (await onV2.http.get(`/decisions/${young}/history`).set(office).expect(200)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(history.find((e) => e.type === 'WITHDRAW')?.payload.organDecisionRef).toBe('区政府常务会议纪要〔2029〕3号');
    expect((await onV2.http.delete(`/catalogs/${c1}/items/${old}`).set(office).send(reason)).status).toBe(200);
  });
});
