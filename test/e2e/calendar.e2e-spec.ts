import { createTestApp, expectProblem, fieldsOf, type TestApp } from '../support/test-app';

interface CalendarDayBody {
  date: string;
  workingDay: boolean;
  kind: string;
  name?: string;
}

describe('calendar endpoints', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => t.http.get(path).set(t.bearer(token));

  it('needs a signed-in user', async () => {
    expectProblem(await t.http.get('/calendar/working-days?from=2026-09-30&days=7'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.http.get('/calendar/days?year=2026'), 401, 'UNAUTHENTICATED');
  });

  it.each([
    // National Day 2026: Oct 1–7 off, Saturday Oct 10 a make-up working day.
    ['2026-09-30', 7, '2026-10-15'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    // Spring Festival 2026: Feb 15–23 off, Saturdays Feb 14 and 28 make-up working days.
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 7, '2026-03-02'],
  ])('GET /calendar/working-days?from=%s&days=%i → %s', async (from, days, date) => {
    const res = await get(`/calendar/working-days?from=${from}&days=${days}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from, days, date, calendarDataVersion: expect.stringMatching(/^chinese-days@/) });
  });

  it.each([
    ['from=2026-02-30&days=7', ['from']],
    ['from=2026-9-30&days=7', ['from']],
    ['days=7', ['from']],
    ['from=2026-09-30', ['days']],
    ['from=2026-09-30&days=0', ['days']],
    ['from=2026-09-30&days=-3', ['days']],
    ['from=2026-09-30&days=1.5', ['days']],
    ['from=2026-09-30&days=abc', ['days']],
    ['from=2026-09-30&days=367', ['days']],
    ['from=2026-09-30&days=7&extra=1', ['extra']],
  ])('GET /calendar/working-days?%s → 400 naming %j', async (query, fields) => {
    const body = expectProblem(await get(`/calendar/working-days?${query}`), 400, 'VALIDATION_FAILED');
    expect([...new Set(fieldsOf(body))]).toEqual(fields);
  });

  it('refuses a count into a year without official data with 422 CALENDAR_YEAR_UNKNOWN, naming the known years', async () => {
    const body = expectProblem(await get('/calendar/working-days?from=2098-12-31&days=1'), 422, 'CALENDAR_YEAR_UNKNOWN');
    expect(body.year).toBe(2099);
    expect(body.knownYears).toEqual(expect.arrayContaining([2004, 2026]));
    expect(body.detail).toContain('2099');
    expect(body.detail).toContain('2004–');
  });

  it('GET /calendar/days?year=2026 lists every day with its kind and holiday name', async () => {
    const res = await get('/calendar/days?year=2026');
    expect(res.status).toBe(200);
    const { year, calendarDataVersion, days } = res.body as { year: number; calendarDataVersion: string; days: CalendarDayBody[] };
    expect(year).toBe(2026);
    expect(calendarDataVersion).toMatch(/^chinese-days@/);
    expect(days).toHaveLength(365);
    const on = (date: string) => days.find((d) => d.date === date);
    expect(on('2026-10-01')).toEqual({ date: '2026-10-01', workingDay: false, kind: 'holiday', name: '国庆节' });
    expect(on('2026-10-10')).toEqual({ date: '2026-10-10', workingDay: true, kind: 'makeup_workday', name: '国庆节' });
    expect(on('2026-02-28')).toEqual({ date: '2026-02-28', workingDay: true, kind: 'makeup_workday', name: '春节' });
    expect(on('2026-03-01')).toEqual({ date: '2026-03-01', workingDay: false, kind: 'weekend' });
    expect(on('2026-03-02')).toEqual({ date: '2026-03-02', workingDay: true, kind: 'workday' });
    expect(days.filter((d) => d.workingDay)).toHaveLength(248);
  });

  it('GET /calendar/days: 400 for a bad year, 422 for a year without official data', async () => {
    for (const query of ['', 'year=abc', 'year=0', 'year=2026.5', 'year=10000']) {
      expect(fieldsOf(expectProblem(await get(`/calendar/days?${query}`), 400, 'VALIDATION_FAILED'))).toContain('year');
    }
    const body = expectProblem(await get('/calendar/days?year=2099'), 422, 'CALENDAR_YEAR_UNKNOWN');
    expect(body).toMatchObject({ year: 2099 });
  });
});
