/**
 * The sentence of 422 CALENDAR_YEAR_UNKNOWN, wherever a count of working days runs into a year the
 * official calendar does not know (README, "Working days and deadlines"): the engine's guards and
 * the calendar routes say the same thing.
 */
export function calendarYearUnknownDetail(year: number, knownYears: readonly number[] = []): string {
  const known = knownYears.length ? `（已有 ${knownYears[0]}–${knownYears[knownYears.length - 1]} 年）` : '';
  return (
    `${year} 年的官方节假日安排尚未录入${known}，无法按工作日计算期限，本次请求没有办理：` +
    `待国务院办公厅发布该年部分节假日安排的通知后，由系统管理员在 config/calendar/${year}.json 中补录，再重新办理。`
  );
}
