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

    // The service started with default 1 serves both as well: each decision keeps its version.
    const again = await onV1.http.get(`/decisions/${second}`).set(onV1.bearer(d.tokens.office)).expect(200);
    expect([again.body.definition.version, again.body.stage]).toEqual([2, 'drafting']);
  });
});
