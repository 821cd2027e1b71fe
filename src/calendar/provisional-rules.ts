/**
 * The provisional schedule of a year no official notice covers yet: the days off that the holiday
 * rules in force make certain or usual, and no make-up working day (README, "Working days and
 * deadlines"; config/calendar/README.md, "The provisional calendar").
 *
 * The rules in force are 《全国年节及纪念日放假办法》 as amended by 《国务院关于修改〈全国年节及纪念日
 * 放假办法〉的决定》 (国务院令第793号, 2024-11-10, in force 2025-01-01):
 *
 * - 第二条: the statutory holidays of every citizen — 元旦 1 day (Jan 1); 春节 4 days (农历除夕,
 *   正月初一至初三); 清明节 1 day (the 清明 solar term); 劳动节 2 days (May 1–2); 端午节 1 day (农历五月
 *   初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (Oct 1–3).
 * - 第六条: a statutory holiday on a Saturday or Sunday is made up on a working day (补假).
 * - 第七条: the holidays may be joined to weekends by 放假调休 into longer breaks, working at most
 *   6 days in a row before and after.
 *
 * How the notices apply 第六条 and 第七条 is read from the 2025 and 2026 notices (国办发明电〔2024〕12号,
 * 〔2025〕7号, as chinese-days ships them) and checked against every notice 2019–2026:
 *
 * - 春节: 除夕 through 正月初七 (2025: Jan 28 除夕 – Feb 4 初七; 2026: Sun Feb 15 – Mon Feb 23 初七).
 * - 劳动节: May 1 through May 5 (2025 and 2026: May 1–5).
 * - 国庆节: Oct 1 through Oct 7 (2026); when 中秋 falls between Sep 28 and Oct 8 the two make one
 *   break from the earlier of 中秋 and Oct 1 through Oct 8 (2025: 中秋 Oct 6, Oct 1–8; likewise 2020
 *   and 2023).
 * - A one-day holiday (元旦, 清明, 端午, 中秋 on its own): on a Saturday or Sunday the next weekday not
 *   already off (第六条: 2025 端午 Sat May 31 → Mon Jun 2; 2026 清明 Sun Apr 5 → Mon Apr 6); on a
 *   Tuesday also the Monday before, on a Thursday also the Friday after (第七条: 2026 元旦 Thu → Fri
 *   Jan 2; 2024 中秋 Tue → Mon Sep 16).
 *
 * No make-up working day (调休上班) is assumed, and every weekday a notice 2019–2026 made a day off is
 * a day off here: so every provisional working day would have been an official one, and a count of
 * N working days on the provisional schedule never ends earlier than on the official one
 * (provisional-rules.spec.ts tests it for each of those years as if it were unknown). A notice that
 * gives off a weekday none of these rules covers would break that; the re-check lists what changed.
 *
 * The lunar dates come from chinese-days: its lunar conversion (`getLunarDate`) counts whole days
 * from a fixed instant and does not depend on the process time zone; its solar terms are formatted
 * in the process time zone, which is undone here (see qingmingOf).
 */
import { getLunarDate, getSolarTermDate } from 'chinese-days';
import { addCalendarDays, dayOfWeek } from './business-date';

/** Names the rules above, in every count that used them (a change of rules is a new id). */
export const PROVISIONAL_RULES_ID = 'SC793-notices-2025-2026';

/** The articles the provisional schedule rests on, for answers that show it. */
export const PROVISIONAL_BASIS: ReadonlyArray<{ law: string; article: string; summary: string }> = [
  { law: '全国年节及纪念日放假办法', article: '第二条', summary: '全体公民放假的节日：元旦1天、春节4天（农历除夕、正月初一至初三）、清明节1天、劳动节2天（5月1日、2日）、端午节1天、中秋节1天、国庆节3天（10月1日至3日）。' },
  { law: '全国年节及纪念日放假办法', article: '第六条', summary: '全体公民放假的假日适逢周六、周日的，应当在工作日补假。' },
  { law: '全国年节及纪念日放假办法', article: '第七条', summary: '全体公民放假的假日可合理安排统一放假调休，实际形成较长假期；法定节假日假期前后连续工作一般不超过6天。' },
];

/** The festival days of a year that the statutory holidays follow (each a YYYY-MM-DD date). */
export interface FestivalDates {
  /** 农历除夕: the day before 正月初一. */
  springFestivalEve: string;
  /** 正月初一. */
  springFestival: string;
  /** The 清明 solar term. */
  qingming: string;
  /** 农历五月初五 (of the ordinary fifth month, not a leap one). */
  dragonBoat: string;
  /** 农历八月十五. */
  midAutumn: string;
}

const iso = (year: number, mmdd: string): string => `${String(year).padStart(4, '0')}-${mmdd}`;

/** The date between `from` and `to` (inclusive) that is day `day` of lunar month `month` (not leap). */
function lunarDate(year: number, month: number, day: number, from: string, to: string): string {
  for (let d = iso(year, from); d <= iso(year, to); d = addCalendarDays(d, 1)) {
    const l = getLunarDate(d);
    if (l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new RangeError(`chinese-days has no lunar ${month}-${day} between ${iso(year, from)} and ${iso(year, to)}`);
}

/**
 * 清明 of a year. chinese-days computes the day and then formats it in the process time zone, a day
 * early west of UTC. Its lunar conversion formats its input date the same way, so the one candidate
 * that formats to the same text is the day itself, in every time zone.
 */
function qingmingOf(year: number): string {
  const shown = getSolarTermDate(year, 4, 'pure_brightness');
  const day = [shown, addCalendarDays(shown, 1), addCalendarDays(shown, -1)].find((d) => getLunarDate(d).date === shown);
  if (day === undefined || day < iso(year, '04-03') || day > iso(year, '04-06')) {
    throw new RangeError(`chinese-days gives no plausible 清明 for ${year} (${shown})`);
  }
  return day;
}

export function festivalDates(year: number): FestivalDates {
  // 正月初一 falls between Jan 21 and Feb 20, 端午 between May 28 and Jun 25, 中秋 between Sep 7 and Oct 8.
  const springFestival = lunarDate(year, 1, 1, '01-15', '02-25');
  return {
    springFestivalEve: addCalendarDays(springFestival, -1),
    springFestival,
    qingming: qingmingOf(year),
    dragonBoat: lunarDate(year, 5, 5, '05-20', '06-30'),
    midAutumn: lunarDate(year, 8, 15, '09-01', '10-15'),
  };
}

const isWeekend = (date: string): boolean => {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
};

/**
 * The provisional days off of `year` (date → holiday name, in date order), weekends inside a break
 * included. Only dates of `year` itself: a break reaching into the next or previous year belongs to
 * that year's schedule.
 */
export function provisionalDaysOff(year: number): Map<string, string> {
  const off = new Map<string, string>();
  const put = (date: string, name: string): void => {
    if (Number(date.slice(0, 4)) === year && !off.has(date)) off.set(date, name);
  };
  const span = (from: string, to: string, name: string): void => {
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) put(d, name);
  };
  /** A one-day holiday: the day, its 补假 when on a weekend (第六条), its bridge to the weekend (第七条). */
  const single = (date: string, name: string): void => {
    put(date, name);
    const dow = dayOfWeek(date);
    if (dow === 6 || dow === 0) {
      let d = addCalendarDays(date, 1);
      while (isWeekend(d) || off.has(d)) d = addCalendarDays(d, 1);
      put(d, name);
    } else if (dow === 2) {
      put(addCalendarDays(date, -1), name);
    } else if (dow === 4) {
      put(addCalendarDays(date, 1), name);
    }
  };

  const f = festivalDates(year);
  span(f.springFestivalEve, addCalendarDays(f.springFestival, 6), '春节');
  span(iso(year, '05-01'), iso(year, '05-05'), '劳动节');
  const octFirst = iso(year, '10-01');
  if (f.midAutumn >= iso(year, '09-28') && f.midAutumn <= iso(year, '10-08')) {
    put(f.midAutumn, '中秋');
    span(f.midAutumn < octFirst ? f.midAutumn : octFirst, iso(year, '10-08'), '国庆节');
  } else {
    span(octFirst, iso(year, '10-07'), '国庆节');
    single(f.midAutumn, '中秋');
  }
  single(iso(year, '01-01'), '元旦');
  single(f.qingming, '清明');
  single(f.dragonBoat, '端午');
  // The next 元旦 on a Tuesday makes Dec 31 a day off too.
  if (year < 9999) single(iso(year + 1, '01-01'), '元旦');

  return new Map([...off].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
