import { isCalendarDate, isoDate, parseDate } from "../imports/values";
import { addDays } from "../time/day-math";

/** Relative-day words as search keys, with how many days back they point; abbreviations included. */
export const TALLY_DAY_WORDS: Record<string, number> = {
  "hom nay": 0, homnay: 0, hnay: 0,
  "hom qua": 1, homqua: 1, hqua: 1,
  "hom kia": 2, homkia: 2, hkia: 2,
};

/** A date as written in a message: a relative word, or day/month with an optional year. */
export type TallyDateMention =
  | { kind: "relative"; daysAgo: number; raw: string }
  | { kind: "calendar"; day: number; month: number; year: string | null; raw: string };

export type TallyDateResult =
  | { ok: true; date: string }
  | { ok: false; code: "bad_date" | "future_date" | "too_old"; messageKey: string; args: Record<string, string | number> };

/** Collectors may report up to this many days back; commune officers may back-fill any date. */
export const COLLECTOR_BACKFILL_DAYS = 7;

/** How far ahead a day/month without a year is still read as this year (and refused as future). */
export const YEARLESS_FUTURE_DAYS = 31;

/**
 * The report date: `today` when the message names none; every mention must agree. A day/month
 * without a year is this year's, unless that is more than a month ahead: then it is last
 * year's (20/12 on 5/1/2026 is 2025-12-20; 20/11 on 15/11/2025 is refused as a future date).
 */
export function resolveTallyDate(mentions: TallyDateMention[], today: string, role: "collector" | "commune"): TallyDateResult {
  let date: string | undefined;
  let first = "";
  for (const mention of mentions) {
    const resolved = resolveMention(mention, today);
    if (!resolved) return { ok: false, code: "bad_date", messageKey: "tally-bad-date", args: { text: mention.raw } };
    if (date !== undefined && resolved !== date) {
      return { ok: false, code: "bad_date", messageKey: "tally-two-dates", args: { first, second: mention.raw } };
    }
    date = resolved;
    first = mention.raw;
  }
  date ??= today;
  if (date > today) return { ok: false, code: "future_date", messageKey: "tally-future-date", args: { date } };
  if (role === "collector" && date < addDays(today, -COLLECTOR_BACKFILL_DAYS)) {
    return { ok: false, code: "too_old", messageKey: "tally-too-old", args: { date, days: COLLECTOR_BACKFILL_DAYS } };
  }
  return { ok: true, date };
}

function resolveMention(mention: TallyDateMention, today: string): string | undefined {
  if (mention.kind === "relative") return addDays(today, -mention.daysAgo);
  const { day: d, month: m, year } = mention;
  if (year !== null && year.length === 4) {
    const parsed = parseDate(`${d}/${m}/${year}`);
    return parsed.ok && Number(year) >= 2000 ? parsed.value : undefined;
  }
  if (year !== null) {
    if (year.length !== 2) return undefined;
    const y = 2000 + Number(year);
    return isCalendarDate(y, m, d) ? isoDate(y, m, d) : undefined;
  }
  // 2000 is a leap year: a day/month impossible then (31/02, 31/04) is impossible in any year.
  if (!isCalendarDate(2000, m, d)) return undefined;
  const thisYear = Number(today.slice(0, 4));
  // A date a few weeks ahead is a slip or a report sent early: say it is in the future rather
  // than silently filing it a year back. Further ahead, the officer means last year (30/12 on 2/1).
  if (isCalendarDate(thisYear, m, d) && isoDate(thisYear, m, d) <= addDays(today, YEARLESS_FUTURE_DAYS)) {
    return isoDate(thisYear, m, d);
  }
  // 29/02 may need to look back up to eight years (2096 → 2104 skips a leap year).
  for (let y = thisYear - 1; y >= thisYear - 8; y--) {
    if (isCalendarDate(y, m, d) && isoDate(y, m, d) <= today) return isoDate(y, m, d);
  }
  return undefined;
}
