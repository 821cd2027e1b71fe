import { businessDayRange, businessDayStart } from './business-day-bounds';

describe('business day bounds', () => {
  it('starts a day of Asia/Shanghai at 16:00 UTC the day before', () => {
    expect(businessDayStart('2026-03-02', 'Asia/Shanghai')).toBe('2026-03-01T16:00:00.000Z');
    expect(businessDayStart('2026-01-01', 'Asia/Shanghai')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('follows a zone across its change of offset', () => {
    // New York: EST (UTC−5) until 2026-03-08 02:00, EDT (UTC−4) after.
    expect(businessDayStart('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(businessDayStart('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(businessDayStart('2026-06-01', 'UTC')).toBe('2026-06-01T00:00:00.000Z');
  });

  it('covers from and to whole: from its first instant to the first instant after to', () => {
    expect(businessDayRange('Asia/Shanghai', '2026-03-01', '2026-03-31')).toEqual({ since: '2026-02-28T16:00:00.000Z', before: '2026-03-31T16:00:00.000Z' });
    expect(businessDayRange('Asia/Shanghai', undefined, '2026-12-31')).toEqual({ before: '2026-12-31T16:00:00.000Z' });
    expect(businessDayRange('Asia/Shanghai')).toEqual({});
  });
});
