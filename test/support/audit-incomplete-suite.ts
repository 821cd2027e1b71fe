/**
 * GET /audit/incomplete on arranged decisions: each list (missing, overdue live and through the
 * overdue scan, late, back-filled) and each flag, office scoping, the roles refused, bad queries.
 * Today is fixed (2026-11-28); each record row is recorded on the day it claims unless a test says
 * otherwise, so that only the rows meant to be back-filled are.
 *
 * `full`: every case (SQLite); otherwise the cases whose SQL differs between the dialects
 * (PostgreSQL): the claimed dates read from the payload JSON, the kinds' selection, the scan's
 * rows, refused skips, names and scope.
 */
import { LEGAL_BASIS } from '../../workflows/legal-basis';
import { majorDecisionV1Definition } from '../../workflows/major-decision/v1';
import type { EventType } from '../../workflows/major-decision/v1/events';
import { EVENT_LABELS, STEP_LABELS } from '../../workflows/major-decision/v1/labels';
import type { StepId } from '../../workflows/major-decision/v1/steps';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { BusinessCalendar } from '../../src/calendar/business-calendar';
import { addCalendarDays } from '../../src/calendar/business-date';
import { DeadlineScanService } from '../../src/deadlines/deadline-scan.service';
import { CLOCK } from '../../src/engine/engine.module';
import type { Clock } from '../../src/engine/procedure-engine';
import { decisionFixture, type DecisionFixture, type DecisionSpec } from './decision-fixture';
import { createDistrict, type District } from './district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from './test-app';

const TODAY = '2026-11-28';
const CLAIMS = majorDecisionV1Definition.claimedDates;
const DRAFTING: EventType[] = ['CATALOG_PUBLISHED', 'START_DRAFTING'];

interface Row {
  decisionId: string;
  title: string;
  organId: string;
  organName: string | null;
  undertakingUnitId: string;
  undertakingUnitName: string | null;
  year: number;
  stage: string;
  complete: boolean;
  missing: Array<{ step: string; legalBasis: Array<{ id: string; article: string }> }>;
  overdue: Array<{ step: string; dueOn: string; workingDaysOverdue: number | null }>;
  late: Array<{ step: string; dueOn: string; doneOn: string; workingDaysLate: number | null }>;
  backfilled: Array<{ step: string | null; type: string; seq: number; claimedOn: string; recordedOn: string; workingDays: number }>;
  flags: string[];
}

export function auditIncompleteSuite(opts: { postgres: boolean; full: boolean }): void {
  describe(`GET /audit/incomplete (${opts.postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let t: TestApp;
    let d: District;
    let f: DecisionFixture;
    let calendar: BusinessCalendar;
    let now = new Date(`${TODAY}T02:00:00Z`);
    const ids = {} as Record<'clean' | 'backfilled' | 'comment' | 'returned' | 'late' | 'completeLate' | 'skip' | 'form' | 'foreign' | 'earlier', string>;
    /** requestedDueOn of the review returned after its due day; the due day of the publication done late. */
    const due = { review: '', publication: '' };

    const list = async (token: string, query = '') => {
      const res = await t.http.get(`/audit/incomplete${query}`).set(t.bearer(token));
      expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ status: 200, text: '' });
      return { items: res.body as Row[], total: Number(res.headers['x-total-count']) };
    };
    const rowOf = async (id: string, query = '') => {
      const { items } = await list(d.tokens.auditor, query);
      const row = items.find((r) => r.decisionId === id);
      if (!row) throw new Error(`${id} is not listed${query ? ` with ${query}` : ''}`);
      return row;
    };
    const wd = (from: string, to: string) => calendar.workingDaysBetween(from, to);

    /** A decision created on `on`, before anything it records (its created_at orders the list). */
    const create = (on: string, spec: DecisionSpec = {}) => {
      now = new Date(`${on}T00:00:00Z`);
      return f.decision(spec);
    };
    /** One event with its sample payload and `patch`, recorded at `recordedAt` or on the day it claims. */
    const step = async (id: string, type: EventType, patch: Record<string, unknown> = {}, recordedAt?: string) => {
      const claimed = { ...(await f.payload(id, type)), ...patch }[CLAIMS[type].field] as string;
      now = new Date(recordedAt ?? `${claimed}T02:00:00Z`);
      await f.advance(id, [type], { [type]: patch });
    };
    const through = async (id: string, types: EventType[], patch: Partial<Record<EventType, Record<string, unknown>>> = {}) => {
      for (const type of types) await step(id, type, patch[type]);
    };
    const scan = () => t.app.get(DeadlineScanService).scan();
    const event = (token: string, id: string, type: string, payload: Record<string, unknown>) =>
      t.http.post(`/decisions/${id}/events`).set(t.bearer(token)).send({ type, payload });

    beforeAll(async () => {
      t = await createTestApp({ postgres: opts.postgres });
      d = await createDistrict(t);
      f = decisionFixture(t, d);
      calendar = t.app.get(BusinessCalendar);
      const clock = t.app.get<Clock>(CLOCK);
      jest.spyOn(clock, 'today').mockReturnValue(TODAY);
      jest.spyOn(clock, 'now').mockImplementation(() => now);

      // Recorded on the days they claim: nothing late, nothing back-filled.
      ids.clean = await create('2026-02-27', { title: '按时记录的决策' });
      await through(ids.clean, DRAFTING, { CATALOG_PUBLISHED: { publishedOn: '2026-03-02' }, START_DRAFTING: { startedOn: '2026-03-02' } });

      // The start recorded 5 working days after the day it claims (in time), the draft 6 (back-filled):
      // 2026-03-09T17:00Z is already March 10 in Beijing.
      ids.backfilled = await create('2026-03-02', { title: '事后补记的决策' });
      await step(ids.backfilled, 'CATALOG_PUBLISHED', { publishedOn: '2026-03-02' });
      await step(ids.backfilled, 'START_DRAFTING', { startedOn: '2026-03-02' }, '2026-03-09T09:00:00Z');
      await step(ids.backfilled, 'RECORD_DRAFT', { draftedOn: '2026-03-02' }, '2026-03-09T17:00:00Z');

      // A review submitted, found overdue by the scan, then returned: open, without a live deadline.
      ids.returned = await create('2026-01-02', { title: '审查超期后退回的决策' });
      await through(ids.returned, TO_REVIEW);
      due.review = ((await f.snapshot(ids.returned)).procedure.context as { review: { requestedDueOn: string } }).review.requestedDueOn;

      // Started a week after its planned start; a comment period closed a week after its deadline.
      ids.late = await create('2026-01-03', { title: '逾期完成的决策', plan: { plannedStartOn: '2026-02-02' } });
      await step(ids.late, 'CATALOG_PUBLISHED');
      await through(ids.late, ['START_DRAFTING', 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT'], {
        START_DRAFTING: { startedOn: '2026-02-09' },
        RECORD_DRAFT: { draftedOn: '2026-02-09' },
        OPEN_PUBLIC_COMMENT: { startOn: '2026-02-09', endOn: '2026-03-11' },
      });

      // Complete: published after its deadline (found overdue by the scan first), then archived.
      ids.completeLate = await create('2026-01-04', { title: '逾期公布后归档的决策' });
      await through(ids.completeLate, TO_PUBLISHED.slice(0, -1));

      expect((await scan()).newlyOverdue).toBeGreaterThanOrEqual(3);

      await step(ids.returned, 'RETURN_MATERIALS');
      await step(ids.late, 'CLOSE_PUBLIC_COMMENT', { closedOn: '2026-03-25' });
      const decided = (await f.snapshot(ids.completeLate)).procedure.context as { done: { collectiveDiscussion: string } };
      due.publication = calendar.addWorkingDays(decided.done.collectiveDiscussion, 20);
      await step(ids.completeLate, 'PUBLISH', { publishedOn: '2026-06-01' });
      await step(ids.completeLate, 'ARCHIVE', { archivedOn: '2026-06-05' });

      // After the scan: a comment period ended long ago, shortened with a reason, never closed.
      ids.comment = await create('2026-01-05', { title: '征求意见期届满未结束的决策' });
      await through(ids.comment, [...DRAFTING, 'RECORD_DRAFT', 'OPEN_PUBLIC_COMMENT'], {
        OPEN_PUBLIC_COMMENT: { startOn: '2026-01-05', endOn: '2026-01-20', shortenedReason: '上级要求限期出台' },
      });

      // Refused: a skipped step (category skip) and a date in the future (category form).
      ids.skip = await create('2026-03-03', { title: '试图跳过合法性审查的决策' });
      await through(ids.skip, DRAFTING, { CATALOG_PUBLISHED: { publishedOn: '2026-03-03' }, START_DRAFTING: { startedOn: '2026-03-04' } });
      ids.form = await create('2026-03-04', { title: '填报日期有误的决策' });
      await through(ids.form, DRAFTING, { CATALOG_PUBLISHED: { publishedOn: '2026-03-04' }, START_DRAFTING: { startedOn: '2026-03-05' } });
      now = new Date(`${TODAY}T02:00:00Z`);
      const discussion = { ...(await f.payload(ids.skip, 'RECORD_DISCUSSION')), implementingUnitId: d.units.ndrc.id };
      expectProblem(await event(d.tokens.office, ids.skip, 'RECORD_DISCUSSION', discussion), 422, 'LEGALITY_REVIEW_REQUIRED');
      expectProblem(await event(d.tokens.department, ids.form, 'RECORD_DRAFT', { ...(await f.payload(ids.form, 'RECORD_DRAFT')), draftedOn: '2026-12-15' }), 422, 'DATE_IN_FUTURE');

      ids.foreign = await create('2026-03-05', { title: '后进区的决策', organ: d.units.otherGov, undertaking: d.units.otherNdrc });
      await step(ids.foreign, 'CATALOG_PUBLISHED', { publishedOn: '2026-03-06' });
      ids.earlier = await create('2026-03-06', { title: '2025年度的决策', year: 2025 });
      await step(ids.earlier, 'CATALOG_PUBLISHED', { publishedOn: '2026-03-07' });
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await t.close();
    });

    it('lists every procedure not complete, newest first, with its organ and undertaking unit named', async () => {
      const { items, total } = await list(d.tokens.auditor);
      expect(items.map((r) => r.decisionId)).toEqual([ids.earlier, ids.foreign, ids.form, ids.skip, ids.backfilled, ids.clean, ids.comment, ids.late, ids.returned]);
      expect(total).toBe(9);
      expect(await rowOf(ids.clean)).toEqual({
        decisionId: ids.clean,
        title: '按时记录的决策',
        organId: d.units.gov.id,
        organName: '前进区人民政府',
        undertakingUnitId: d.units.ndrc.id,
        undertakingUnitName: '区发改局',
        year: 2026,
        stage: 'drafting',
        stageLabel: '决策草案形成中',
        complete: false,
        missing: expect.any(Array),
        overdue: [],
        late: [],
        backfilled: [],
        flags: [],
        flagLabels: [],
      });
    });

    it('missing: the required steps not done, in step order, each with its legal basis', async () => {
      const row = await rowOf(ids.clean);
      expect(row.missing.map((m) => m.step)).toEqual([
        'draft',
        'publicParticipation',
        'hearing',
        'expertArgumentation',
        'riskAssessment',
        'legalityReview',
        'collectiveDiscussion',
        'partyCommitteeReport',
        'publication',
        'archive',
      ]);
      expect(row.missing[5]).toEqual({ step: 'legalityReview', stepLabel: '合法性审查', legalBasis: ['SC713-25', 'SC713-26', 'SC713-27', 'SC713-28'].map((id) => LEGAL_BASIS[id]) });
      expect(row.missing[0].legalBasis).toEqual([expect.objectContaining({ id: 'SC713-12', article: '第十二条', law: '重大行政决策程序暂行条例' })]);
    });

    it('back-filled: a row recorded more than 5 working days after the date it claims, on the Beijing calendar day', async () => {
      const row = await rowOf(ids.backfilled);
      expect(row.backfilled).toEqual([{ step: 'draft', stepLabel: '拟订决策草案', type: 'RECORD_DRAFT', typeLabel: '登记决策草案', seq: 4, claimedOn: '2026-03-02', recordedOn: '2026-03-10', workingDays: 6 }]);
      expect(row.flags).toEqual(['BACKFILLED']);
    });

    it('overdue through the scan: a review returned after its due day has no live deadline, the scan’s row stands', async () => {
      const row = await rowOf(ids.returned);
      expect(row.overdue).toEqual([{ step: 'legalityReview', stepLabel: '合法性审查', dueOn: due.review, workingDaysOverdue: wd(due.review, TODAY) }]);
      expect(row.missing.map((m) => m.step)).toContain('legalityReview');
      expect(row.late).toEqual([]);
    });

    it('late: a start after its planned day (recomputed), a comment period closed after its deadline (the scan’s row)', async () => {
      const row = await rowOf(ids.late);
      expect(row.late).toEqual([
        { step: 'start', stepLabel: '启动决策程序', dueOn: '2026-02-02', doneOn: '2026-02-09', workingDaysLate: 5 },
        { step: 'publicParticipation', stepLabel: '公众参与', dueOn: '2026-03-18', doneOn: '2026-03-25', workingDaysLate: 5 },
      ]);
      expect(row.overdue).toEqual([]);
      expect(row.backfilled).toEqual([]);
    });

    it('refused attempts: a skipped step flags VIOLATION_ATTEMPTED, a date error does not', async () => {
      expect((await rowOf(ids.skip)).flags).toEqual(['VIOLATION_ATTEMPTED']);
      expect((await rowOf(ids.form)).flags).toEqual([]);
      expect(await t.countRows('violation_attempt')).toBe(2);
    });

    it('kind: overdue and late select by the scan’s rows; late lists complete procedures too', async () => {
      const overdue = await list(d.tokens.auditor, '?kind=overdue');
      expect(overdue.items.map((r) => r.decisionId)).toEqual([ids.late, ids.returned]);
      expect(overdue.total).toBe(2);
      const late = await list(d.tokens.auditor, '?kind=late');
      expect(late.items.map((r) => r.decisionId)).toEqual([ids.completeLate, ids.late, ids.returned]);
      const complete = late.items[0];
      expect(complete).toMatchObject({ complete: true, stage: 'published', missing: [], overdue: [] });
      expect(complete.late).toEqual([{ step: 'publication', stepLabel: '决策公布', dueOn: due.publication, doneOn: '2026-06-01', workingDaysLate: wd(due.publication, '2026-06-01') }]);
      expect((await list(d.tokens.auditor, '?kind=missing')).total).toBe(9);
    });

    it('an office reads its own organ only; another organ’s id gives an empty list', async () => {
      const own = await list(d.tokens.office);
      expect(own.total).toBe(8);
      expect(own.items.map((r) => r.decisionId)).not.toContain(ids.foreign);
      expect(await list(d.tokens.office, `?organId=${d.units.otherGov.id}`)).toEqual({ items: [], total: 0 });
      expect((await list(d.tokens.office, `?organId=${d.units.gov.id}`)).total).toBe(8);
      const foreign = await list(d.tokens.otherOffice);
      expect(foreign.items.map((r) => r.decisionId)).toEqual([ids.foreign]);
      expect((await list(d.tokens.auditor, `?organId=${d.units.otherGov.id}`)).items.map((r) => r.decisionId)).toEqual([ids.foreign]);
    });

    it('is the auditor’s and the office’s: 403 FORBIDDEN_ROLE for department, legal reviewer and administrator', async () => {
      for (const token of [d.tokens.department, d.tokens.reviewer, d.tokens.admin]) {
        await t.unchanged(async () => expectProblem(await t.http.get('/audit/incomplete').set(t.bearer(token)), 403, 'FORBIDDEN_ROLE'));
      }
    });

    if (!opts.full) return;

    it('overdue live: a comment period ended and not closed is overdue before any scan; kind=overdue selects it after the scan, one entry per step', async () => {
      const row = await rowOf(ids.comment);
      const dueOn = calendar.addWorkingDays('2026-01-20', 5);
      const entry = { step: 'publicParticipation', stepLabel: '公众参与', dueOn, workingDaysOverdue: wd(dueOn, TODAY) };
      expect(row.overdue).toEqual([entry]);
      expect(row.flags).toEqual(['COMMENT_PERIOD_SHORTENED']);
      expect((await list(d.tokens.auditor, '?kind=overdue')).items.map((r) => r.decisionId)).not.toContain(ids.comment);
      await scan();
      const after = await list(d.tokens.auditor, '?kind=overdue');
      expect(after.items.map((r) => r.decisionId)).toContain(ids.comment);
      expect(after.items.find((r) => r.decisionId === ids.comment)?.overdue).toEqual([entry]);
    });

    it('filters by year and pages with X-Total-Count', async () => {
      expect((await list(d.tokens.auditor, '?year=2025')).items.map((r) => r.decisionId)).toEqual([ids.earlier]);
      expect((await list(d.tokens.auditor, '?year=2027')).total).toBe(0);
      const all = (await list(d.tokens.auditor)).items.map((r) => r.decisionId);
      const page2 = await list(d.tokens.auditor, '?page=2&pageSize=3');
      expect(page2.total).toBe(9);
      expect(page2.items.map((r) => r.decisionId)).toEqual(all.slice(3, 6));
      expect((await list(d.tokens.auditor, '?page=4&pageSize=3')).items).toEqual([]);
    });

    it('a record rewritten long after the day it claims throughout is back-filled at every step', async () => {
      const id = await create('2026-01-04', { title: '整体补记的决策' });
      now = new Date('2026-05-20T02:00:00Z');
      await f.advance(id, ['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT']);
      const row = await rowOf(id);
      const days = wd('2026-01-05', '2026-05-20');
      expect(row.backfilled).toEqual(
        (['CATALOG_PUBLISHED', 'START_DRAFTING', 'RECORD_DRAFT'] as const).map((type, i) => ({
          step: CLAIMS[type].step,
          stepLabel: STEP_LABELS[CLAIMS[type].step as StepId],
          type,
          typeLabel: EVENT_LABELS[type],
          seq: i + 2,
          claimedOn: '2026-01-05',
          recordedOn: '2026-05-20',
          workingDays: days,
        })),
      );
      expect(row.flags).toEqual(['BACKFILLED']);
    });

    it('carries the definition’s flags: shortened review time, exploratory risk, the head against the majority, not disclosed', async () => {
      const id = await create('2026-01-04', { title: '不予公开的决策' });
      await through(id, TO_PUBLISHED, {
        SUBMIT_LEGALITY_REVIEW: { shortenedReason: '上级限期出台' },
        CONCLUDE_REVIEW: { conclusion: 'exploratory_risk_disclosed', legalRisks: ['先行先试，存在法律风险'] },
        RECORD_DISCUSSION: {
          memberOpinions: [
            { member: '副区长甲', position: 'disagree' },
            { member: '副区长乙', position: 'disagree' },
          ],
          headReason: '改革试点需要',
        },
        PUBLISH: { disclosure: 'not_disclosed', nonDisclosureBasis: '涉及国家秘密', channels: undefined, adoptionExplanation: undefined },
      });
      const row = await rowOf(id);
      expect(row.flags).toEqual(['REVIEW_TIME_SHORTENED', 'EXPLORATORY_RISK_DISCLOSED', 'HEAD_OVERRODE_MAJORITY', 'NOT_DISCLOSED']);
      expect(row.missing.map((m) => m.step)).toEqual(['archive']);
      const publishedOn = ((await f.snapshot(id)).procedure.context as { done: { publication: string } }).done.publication;
      const archiveDue = addCalendarDays(publishedOn, 30);
      expect(row.overdue).toEqual([{ step: 'archive', stepLabel: '材料归档', dueOn: archiveDue, workingDaysOverdue: wd(archiveDue, TODAY) }]);
      expect(row).toMatchObject({ stage: 'published', complete: false, late: [], backfilled: [] });
    });

    it('lists a decision whose stored state cannot be read, flagged, without hiding the others', async () => {
      const id = await create('2026-01-04', { title: '状态无法读取的决策' });
      await t.tx.write((tx) => tx.execute('UPDATE decision SET snapshot = ? WHERE id = ?', ['{not json', id]));
      const { items } = await list(d.tokens.auditor, '?pageSize=500');
      expect(items.find((r) => r.decisionId === id)).toMatchObject({ missing: [], overdue: [], late: [], backfilled: [], flags: ['STATE_UNREADABLE'] });
      expect(items.find((r) => r.decisionId === ids.backfilled)?.flags).toEqual(['BACKFILLED']);
    });

    it('is in the OpenAPI document, with its query and every list of a row', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, { get: { parameters: Array<{ name: string }> } }>;
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      };
      expect(doc.paths['/audit/incomplete'].get.parameters.map((p) => p.name).sort()).toEqual(['kind', 'organId', 'page', 'pageSize', 'year']);
      expect(Object.keys(doc.components.schemas.IncompleteDecisionDto.properties)).toEqual([
        'decisionId',
        'title',
        'organId',
        'organName',
        'undertakingUnitId',
        'undertakingUnitName',
        'year',
        'stage',
        'stageLabel',
        'complete',
        'missing',
        'overdue',
        'late',
        'backfilled',
        'flags',
        'flagLabels',
      ]);
    });

    it.each([
      ['?year=abc', 'year'],
      ['?year=1999', 'year'],
      ['?organId=not-a-uuid', 'organId'],
      ['?kind=skipped', 'kind'],
      ['?page=0', 'page'],
      ['?pageSize=501', 'pageSize'],
      ['?stage=drafting', 'stage'],
    ])('%s is a 400 naming %s', async (query, field) => {
      const body = expectProblem(await t.http.get(`/audit/incomplete${query}`).set(t.bearer(d.tokens.auditor)), 400, 'VALIDATION_FAILED');
      expect([...new Set(fieldsOf(body))]).toEqual([field]);
    });
  });
}
