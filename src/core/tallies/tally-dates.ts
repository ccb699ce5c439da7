import { isCalendarDate, isoDate, parseDate } from "../imports/values";
import { addDays } from "../time/day-math";

/** Relative-day words as search keys, with how many days back they point; abbreviations included. */
export const TALLY_DAY_WORDS: Record<string, number> = {
  "hom nay": 0, homnay: 0, hnay: 0,
  "hom qua": 1, homqua: 1, hqua: 1,
  "hom kia": 2, homkia: 2, hkia: 2,
  // Parts of the day officers write instead of a date.
  "sang nay": 0, "trua nay": 0, "chieu nay": 0, "toi nay": 0,
  "sang qua": 1, "trua qua": 1, "chieu qua": 1, "toi qua": 1, "dem qua": 1,
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
 * year's only when that is within a month back (20/12 on 5/1/2026 is 2025-12-20; 20/11 on
 * 15/11/2025 is refused as a future date). Anything else (29/02 in a non-leap year, a date
 * eleven months back) is never moved to another year silently: the officer is asked for the year.
 */
export function resolveTallyDate(mentions: TallyDateMention[], today: string, role: "collector" | "commune"): TallyDateResult {
  let date: string | undefined;
  let first = "";
  for (const mention of mentions) {
    const resolved = resolveMention(mention, today);
    if (resolved === NEEDS_YEAR) return { ok: false, code: "bad_date", messageKey: "tally-date-needs-year", args: { text: mention.raw, year: today.slice(0, 4) } };
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

/** A real day and month that is not this year's: which year is meant must be asked, not guessed. */
const NEEDS_YEAR = "needs-year";

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
  // Last year's only across New Year (30/12 written on 2/1); never a leap year further back.
  const lastYear = thisYear - 1;
  if (isCalendarDate(lastYear, m, d) && isoDate(lastYear, m, d) >= addDays(today, -YEARLESS_FUTURE_DAYS)) return isoDate(lastYear, m, d);
  return NEEDS_YEAR;
}
