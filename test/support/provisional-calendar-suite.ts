/**
 * The provisional calendar through HTTP, on a database kept across a restart. Today is 2026-12-23,
 * chinese-days knows 2026 and no notice for 2027 is loaded: from that day a legality review's 7th
 * working day falls in 2027. The service counts 2027 on its provisional schedule (元旦 Fri Jan 1
 * off, no make-up working day), marks what rests on it, and the auditor lists it. Then a 2027.json
 * is added and the service restarted: what was counted provisionally is re-checked, and what no
 * longer holds is listed with both results and its article.
 *
 * The 2027.json of the test is a fixture, not the official schedule: Mon Jan 4 off and Sat Jan 9 a
 * make-up working day, so that one review check breaks, one still holds with other figures, one
 * due day moves and one stays.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TO_PUBLISHED, TO_REVIEW } from '../../workflows/major-decision/v1/walk';
import { ProvisionalCalendarLog } from '../../src/calendar/provisional-log';
import { CLOCK } from '../../src/engine/engine.module';
import type { Clock } from '../../src/engine/procedure-engine';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from './databases';
import { decisionFixture } from './decision-fixture';
import { createDistrict, USER_PASSWORD, type District } from './district';
import { createTestApp, expectProblem, fieldsOf, type TestApp } from './test-app';

const TODAY = '2026-12-23';
const NOW = new Date(`${TODAY}T02:00:00Z`);

/** Not the official 2027 schedule: a fixture that differs from the provisional one on Jan 4 and Jan 9. */
const NOTICE_2027 = {
  year: 2027,
  source: 'test fixture, not an official notice',
  holidays: { '2027-01-01': '元旦', '2027-01-04': '测试假日' },
  workdays: { '2027-01-09': '测试调休上班' },
};

interface ProgressEntry {
  step: string;
  dueOn?: string;
  provisional?: true;
  workingDaysLeft?: number;
  deadline?: { rule: string; startOn: string; days: number; unit: string };
}
interface Use {
  decisionId: string;
  title: string;
  kind: string;
  kindLabel: string;
  step: string;
  stepLabel: string;
  event?: string;
  seq?: number;
  rule: string;
  legalBasis: Array<{ id: string; article: string }>;
  year: number;
  inputs: Record<string, unknown>;
  provisional: Record<string, unknown>;
  provisionalDataVersion: string;
  status: string;
  statusLabel: string;
  holds: boolean | null;
  official: Record<string, unknown> | null;
  officialDataVersion: string | null;
  recheckedAt: string | null;
}

export function provisionalCalendarSuite(opts: { postgres: boolean }): void {
  describe(`a year without an official schedule, counted provisionally and re-checked (${opts.postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
    let db: TestDatabase;
    let configDir: string;
    let t: TestApp;
    let d: District;
    const ids = {} as Record<'review' | 'reviewLong' | 'decided' | 'plain' | 'short', string>;
    const tokens = {} as Record<'auditor' | 'office' | 'otherOffice' | 'department', string>;

    const start = async (): Promise<void> => {
      t = await createTestApp({ database: db.config, env: { CONFIG_DIR: configDir, JWT_SECRET: 'a-secret-shared-by-both-starts-of-the-service-0123456789' } });
      const clock = t.app.get<Clock>(CLOCK);
      jest.spyOn(clock, 'today').mockReturnValue(TODAY);
      jest.spyOn(clock, 'now').mockImplementation(() => NOW);
      // The start's re-check runs in the background: wait for it.
      await t.app.get(ProvisionalCalendarLog).startup;
    };
    const signIn = async () => {
      tokens.auditor = await t.login('yfzqb', USER_PASSWORD);
      tokens.office = await t.login('zfb', USER_PASSWORD);
      tokens.otherOffice = await t.login('hj-zfb', USER_PASSWORD);
      tokens.department = await t.login('fgj', USER_PASSWORD);
    };
    const get = async <T>(token: string, path: string): Promise<T> => {
      const res = await t.http.get(path).set(t.bearer(token));
      expect({ path, status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ path, status: 200, text: '' });
      return res.body as T;
    };
    const progressOf = async (id: string) => (await get<{ progress: ProgressEntry[] }>(tokens.auditor, `/decisions/${id}`)).progress;
    const entry = async (id: string, step: string) => (await progressOf(id)).find((p) => p.step === step) as ProgressEntry;
    const uses = (query = '', token = tokens.auditor) => get<Use[]>(token, `/audit/provisional${query}`);
    const useOf = (list: Use[], id: string, step: string) => list.find((u) => u.decisionId === id && u.step === step) as Use;
    const submit = (id: string, patch: Record<string, unknown>, payload: Record<string, unknown>) =>
      t.http.post(`/decisions/${id}/events`).set(t.bearer(tokens.department)).send({ type: 'SUBMIT_LEGALITY_REVIEW', payload: { ...payload, ...patch } });

    beforeAll(async () => {
      db = await (opts.postgres ? postgresTestDatabase() : sqliteTestDatabase());
      // The service opens the database itself, on each start.
      await db.dataSource.destroy();
      configDir = mkdtempSync(join(tmpdir(), 'provisional-calendar-'));
      mkdirSync(join(configDir, 'calendar'));
      await start();
      d = await createDistrict(t);
      await signIn();
      const f = decisionFixture(t, d);

      // Two reviews submitted today: due on the 7th working day (Mon 2027-01-04 on the provisional
      // calendar: Dec 24, 25, 28–31, then 元旦 Fri Jan 1 and the weekend), and a longer one.
      for (const [key, title, requestedDueOn] of [
        ['review', '供热价格调整方案', '2027-01-04'],
        ['reviewLong', '老旧小区改造三年规划', '2027-01-15'],
      ] as const) {
        ids[key] = await f.decision({ title, through: TO_REVIEW.slice(0, -1) });
        const payload = await f.payload(ids[key], 'SUBMIT_LEGALITY_REVIEW');
        const res = await submit(ids[key], { submittedOn: TODAY, requestedDueOn }, payload);
        expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ status: 200, text: '' });
      }
      // Decided on Fri 2026-12-18: the party report is due 10 working days later, the publication 20.
      ids.decided = await f.decision({ title: '公共停车场建设规划', through: TO_PUBLISHED.slice(0, -3) });
      await f.advance(ids.decided, ['RECORD_DISCUSSION'], { RECORD_DISCUSSION: { meetingOn: '2026-12-18' } });
      // Nothing of it counted into 2027.
      ids.plain = await f.decision({ title: '河道整治方案', through: ['CATALOG_PUBLISHED', 'START_DRAFTING'] });
      ids.short = await f.decision({ title: '学校布局调整方案', through: TO_REVIEW.slice(0, -1) });
    }, 120_000);

    afterAll(async () => {
      await t?.close();
      await db?.drop();
      if (configDir) rmSync(configDir, { recursive: true, force: true });
    });

    describe('before the 2027 notice', () => {
      it('counts 2027 on the provisional calendar and says so', async () => {
        expect(await get(tokens.auditor, `/calendar/working-days?from=${TODAY}&days=7`)).toEqual({
          from: TODAY,
          days: 7,
          date: '2027-01-04',
          calendarDataVersion: 'chinese-days@1.5.7',
          provisional: true,
          provisionalYears: [2027],
        });
        // A count that stays in 2026 is official and says nothing more.
        expect(await get(tokens.auditor, '/calendar/working-days?from=2026-12-01&days=7')).toEqual({ from: '2026-12-01', days: 7, date: '2026-12-10', calendarDataVersion: 'chinese-days@1.5.7' });
        const year = await get<{ provisional?: true; provisionalSchedule: { rules: string; note: string; legalBasis: Array<{ article: string }> }; days: Array<{ date: string; workingDay: boolean; kind: string; name?: string }> }>(
          tokens.auditor,
          '/calendar/days?year=2027',
        );
        expect(year.provisional).toBe(true);
        expect(year.provisionalSchedule.note).toContain('不设调休上班日');
        expect(year.provisionalSchedule.legalBasis.map((b) => b.article)).toEqual(['第二条', '第六条', '第七条']);
        expect(year.days.find((x) => x.date === '2027-01-01')).toEqual({ date: '2027-01-01', workingDay: false, kind: 'holiday', name: '元旦' });
        expect(year.days.find((x) => x.date === '2027-02-12')).toEqual({ date: '2027-02-12', workingDay: false, kind: 'holiday', name: '春节' });
        expect(year.days.filter((x) => x.kind === 'makeup_workday')).toEqual([]);
        // The year after is not guessed.
        expectProblem(await t.http.get('/calendar/days?year=2028').set(t.bearer(tokens.auditor)), 422, 'CALENDAR_YEAR_UNKNOWN');
      });

      it('accepts a review submitted on 2026-12-23 with its 7th working day in 2027, the record’s facts marking the provisional year', async () => {
        const history = await get<Array<{ type: string; facts: Record<string, unknown> }>>(tokens.auditor, `/decisions/${ids.review}/history`);
        expect(history[history.length - 1]).toMatchObject({
          type: 'SUBMIT_LEGALITY_REVIEW',
          facts: { reviewMinDueOn: '2027-01-04', reviewWorkingDaysGiven: 7, calendarDataVersion: 'chinese-days@1.5.7', calendarProvisionalYears: [2027] },
        });
        // The submission before it counted nothing in 2027 and says nothing of it.
        const decided = await get<Array<{ type: string; facts: Record<string, unknown> }>>(tokens.auditor, `/decisions/${ids.decided}/history`);
        expect(decided.find((r) => r.type === 'SUBMIT_LEGALITY_REVIEW')!.facts.calendarProvisionalYears).toBeUndefined();
      });

      it('refuses a review period shorter than 7 working days, saying the count was provisional', async () => {
        const payload = { ...(await decisionFixture(t, d).payload(ids.short, 'SUBMIT_LEGALITY_REVIEW')) };
        const body = expectProblem(await submit(ids.short, { submittedOn: TODAY, requestedDueOn: '2026-12-31' }, payload), 422, 'REVIEW_TIME_TOO_SHORT');
        expect(body.detail).toContain('2027-01-04');
        expect(body.detail).toContain('2027 年的国务院节假日安排尚未发布，工作日按暂定日历计算');
      });

      it('marks the due days and working days counted through 2027 as provisional in the decision’s progress', async () => {
        expect(await entry(ids.review, 'legalityReview')).toMatchObject({ dueOn: '2027-01-04', workingDaysLeft: 7, provisional: true });
        expect(await entry(ids.decided, 'partyCommitteeReport')).toMatchObject({
          dueOn: '2027-01-04',
          provisional: true,
          deadline: { rule: 'partyReportWithinWorkingDays', startOn: '2026-12-18', days: 10, unit: 'working_days' },
        });
        expect(await entry(ids.decided, 'publication')).toMatchObject({ dueOn: '2027-01-18', provisional: true });
        expect((await progressOf(ids.plain)).filter((p) => p.provisional)).toEqual([]);
      });

      it('marks the review rounds counted through 2027 on the legality review desk', async () => {
        const rounds = await get<Array<{ decisionId: string; status: string; requestedDueOn: string; workingDaysLeft: number | null; provisional?: true }>>(tokens.auditor, '/reviews?pageSize=500');
        const of = (id: string) => rounds.filter((r) => r.decisionId === id);
        expect(of(ids.review)).toEqual([expect.objectContaining({ status: 'submitted', requestedDueOn: '2027-01-04', workingDaysLeft: 7, provisional: true })]);
        expect(of(ids.reviewLong)).toEqual([expect.objectContaining({ requestedDueOn: '2027-01-15', provisional: true })]);
        // The decided one's round was submitted and concluded early in 2026: nothing provisional.
        expect(of(ids.decided)).toEqual([expect.objectContaining({ status: 'concluded' })]);
        expect(of(ids.decided)[0].provisional).toBeUndefined();
      });

      it('flags the decisions on the auditor’s incomplete list', async () => {
        const rows = await get<Array<{ decisionId: string; flags: string[] }>>(tokens.auditor, '/audit/incomplete?pageSize=500');
        const flags = (id: string) => rows.find((r) => r.decisionId === id)!.flags;
        expect(flags(ids.review)).toContain('PROVISIONAL_CALENDAR');
        expect(flags(ids.decided)).toContain('PROVISIONAL_CALENDAR');
        expect(flags(ids.plain)).not.toContain('PROVISIONAL_CALENDAR');
      });

      it('lists every check and due day counted on the provisional calendar for the auditor', async () => {
        const list = await uses('?year=2027');
        expect(list).toHaveLength(4);
        expect(useOf(list, ids.review, 'legalityReview')).toMatchObject({
          title: '供热价格调整方案',
          kind: 'check',
          kindLabel: '法定期限检查',
          stepLabel: '合法性审查',
          event: 'SUBMIT_LEGALITY_REVIEW',
          rule: 'reviewWorkingDays',
          legalBasis: [{ id: 'SC713-26', article: '第二十六条' }],
          year: 2027,
          inputs: { submittedOn: TODAY, requestedDueOn: '2027-01-04', days: 7 },
          provisional: { reviewMinDueOn: '2027-01-04', reviewWorkingDaysGiven: 7 },
          provisionalDataVersion: expect.stringMatching(/^chinese-days@1\.5\.7\+provisional:2027@/) as unknown,
          status: 'pending',
          statusLabel: '按暂定日历计算，待官方节假日安排核对',
          holds: null,
          official: null,
        });
        expect(useOf(list, ids.decided, 'partyCommitteeReport')).toMatchObject({
          kind: 'deadline',
          kindLabel: '环节到期日',
          rule: 'partyReportWithinWorkingDays',
          legalBasis: [{ id: 'SC713-31' }],
          inputs: { startOn: '2026-12-18', days: 10, unit: 'working_days' },
          provisional: { dueOn: '2027-01-04' },
          status: 'pending',
        });
        expect(list.map((u) => u.decisionId)).not.toContain(ids.plain);
        expect(list.map((u) => u.decisionId)).not.toContain(ids.short);
        expect(await uses('?year=2027&kind=deadline')).toHaveLength(2);
        expect(await uses('?year=2027&status=broken')).toEqual([]);
        expect(await uses('?year=2026')).toEqual([]);
      });

      it('is scoped like the other audit lists', async () => {
        expect(await uses('?year=2027', tokens.office)).toHaveLength(4);
        expect(await uses('', tokens.otherOffice)).toEqual([]);
        expect(await uses(`?organId=${d.units.otherGov.id}`, tokens.office)).toEqual([]);
        expectProblem(await t.http.get('/audit/provisional').set(t.bearer(tokens.department)), 403, 'FORBIDDEN_ROLE');
        for (const [query, field] of [
          ['?year=abc', 'year'],
          ['?status=late', 'status'],
          ['?kind=x', 'kind'],
          ['?organId=1', 'organId'],
        ]) {
          expect(fieldsOf(expectProblem(await t.http.get(`/audit/provisional${query}`).set(t.bearer(tokens.auditor)), 400, 'VALIDATION_FAILED'))).toContain(field);
        }
      });

      it('notes after a start, once per calendar data, the due days that became provisional without a step', async () => {
        // As a database whose open decisions were never passed over on this data (one upgraded from the release before).
        await t.tx.write(async (tx) => {
          await tx.execute("DELETE FROM provisional_calendar_use WHERE kind = 'deadline'");
          await tx.execute('DELETE FROM provisional_calendar_pass');
        });
        expect(await uses('?kind=deadline')).toEqual([]);
        expect((await t.app.get(ProvisionalCalendarLog).reconcile()).noted).toBe(2);
        expect((await uses('?kind=deadline')).map((u) => [u.step, u.provisional])).toEqual(
          expect.arrayContaining([
            ['partyCommitteeReport', { dueOn: '2027-01-04' }],
            ['publication', { dueOn: '2027-01-18' }],
          ]),
        );
        // A later start on the same data reads no decision: a due day becomes provisional with a
        // step (noted then) or with other calendar data, never by itself.
        expect((await t.app.get(ProvisionalCalendarLog).reconcile()).noted).toBe(0);
        expect(await t.tx.read((tx) => tx.query('SELECT noted FROM provisional_calendar_pass'))).toEqual([{ noted: 2 }]);
      });
    });

    describe('after 2027.json is added and the service restarted', () => {
      beforeAll(async () => {
        await t.close();
        writeFileSync(join(configDir, 'calendar', '2027.json'), JSON.stringify(NOTICE_2027, null, 2));
        await start();
        await signIn();
      }, 60_000);

      it('re-checks on start: the review whose 7th working day moved past its due day no longer holds (SC713-26)', async () => {
        const broken = await uses('?year=2027&status=broken');
        expect(broken.map((u) => [u.decisionId, u.step]).sort()).toEqual(
          [
            [ids.review, 'legalityReview'],
            [ids.decided, 'partyCommitteeReport'],
          ].sort(),
        );
        expect(useOf(broken, ids.review, 'legalityReview')).toMatchObject({
          title: '供热价格调整方案',
          event: 'SUBMIT_LEGALITY_REVIEW',
          legalBasis: [{ id: 'SC713-26', article: '第二十六条' }],
          inputs: { submittedOn: TODAY, requestedDueOn: '2027-01-04', days: 7 },
          provisional: { reviewMinDueOn: '2027-01-04', reviewWorkingDaysGiven: 7 },
          // Mon Jan 4 is off: the 7th working day is Tue Jan 5, and Jan 4 gives 6.
          official: { reviewMinDueOn: '2027-01-05', reviewWorkingDaysGiven: 6 },
          officialDataVersion: expect.stringMatching(/^chinese-days@1\.5\.7\+config:[0-9a-f]{12}$/) as unknown,
          recheckedAt: expect.any(String) as unknown,
          status: 'broken',
          statusLabel: '已按官方节假日安排核对，不再成立',
          holds: false,
        });
        expect(useOf(broken, ids.decided, 'partyCommitteeReport')).toMatchObject({ provisional: { dueOn: '2027-01-04' }, official: { dueOn: '2027-01-05' }, holds: false });
      });

      it('does not list as broken what still holds: other figures (changed), or the same (confirmed)', async () => {
        const all = await uses('?year=2027');
        expect(all).toHaveLength(4);
        expect(useOf(all, ids.reviewLong, 'legalityReview')).toMatchObject({
          provisional: { reviewMinDueOn: '2027-01-04', reviewWorkingDaysGiven: 16 },
          official: { reviewMinDueOn: '2027-01-05', reviewWorkingDaysGiven: 16 },
          status: 'changed',
          statusLabel: '已按官方节假日安排核对，天数有变化，仍然成立',
          holds: true,
        });
        // Jan 4 off and Sat Jan 9 worked: the 20th working day is still Mon Jan 18.
        expect(useOf(all, ids.decided, 'publication')).toMatchObject({ provisional: { dueOn: '2027-01-18' }, official: { dueOn: '2027-01-18' }, status: 'confirmed', holds: true });
        expect((await uses('?status=pending')).length).toBe(0);
      });

      it('shows the official due days, no longer provisional, and counts 2028 provisionally', async () => {
        const report = await entry(ids.decided, 'partyCommitteeReport');
        expect(report.dueOn).toBe('2027-01-05');
        expect(report.provisional).toBeUndefined();
        expect(await get(tokens.auditor, `/calendar/working-days?from=${TODAY}&days=7`)).toEqual({
          from: TODAY,
          days: 7,
          date: '2027-01-05',
          calendarDataVersion: expect.stringMatching(/\+config:[0-9a-f]{12}$/) as unknown,
        });
        expect((await get<{ provisional?: true }>(tokens.auditor, '/calendar/days?year=2027')).provisional).toBeUndefined();
        const rounds = await get<Array<{ decisionId: string; provisional?: true }>>(tokens.auditor, '/reviews?pageSize=500');
        expect(rounds.filter((r) => r.provisional)).toEqual([]);
        expect((await get<{ provisional?: true }>(tokens.auditor, '/calendar/days?year=2028')).provisional).toBe(true);
        const rows = await get<Array<{ decisionId: string; flags: string[] }>>(tokens.auditor, '/audit/incomplete?pageSize=500');
        expect(rows.find((r) => r.decisionId === ids.decided)!.flags).not.toContain('PROVISIONAL_CALENDAR');
      });

      it('re-checks nothing again on the same data', async () => {
        const before = await uses('?year=2027');
        expect((await t.app.get(ProvisionalCalendarLog).reconcile()).rechecked).toEqual({ confirmed: 0, changed: 0, broken: 0 });
        expect(await uses('?year=2027')).toEqual(before);
      });
    });
  });
}
