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
  | {
      ok: false;
      code: "bad_date" | "future_date" | "too_old";
      messageKey: string;
      args: Record<string, string | number>;
      /**
       * A yearless date that was asked about, not refused: the date it would be (YYYY-MM-DD), which
       * the officer may confirm with one answer ("1. Đúng ngày …"). Set only when that date could be
       * saved (not in the future; within a collector's week).
       */
      confirmDate?: string;
    };

/** Collectors may report up to this many days back; commune officers may back-fill any date. */
export const COLLECTOR_BACKFILL_DAYS = 7;

/**
 * How near today a day/month without a year must be to be read as this year's without asking:
 * within this many days back (and refused as not yet come within this many days ahead).
 */
export const YEARLESS_NEAR_DAYS = 31;

type DateFailure = Extract<TallyDateResult, { ok: false }>;

/**
 * The report date: `today` when the message names none; every mention must agree. A day/month
 * without a year is this year's when that is at most a month back (a collector's is this
 * year's whenever it is past: older than a week is refused anyway). Any other yearless date
 * is never moved to a year silently: the officer is asked, told which date that would be, and
 * may confirm it (`confirmDate`, then `confirmed`) or send it again with its year (see `resolveYearless`).
 */
export function resolveTallyDate(
  mentions: TallyDateMention[],
  today: string,
  role: "collector" | "commune",
  /** A date the officer confirmed after being asked: the yearless mention it was offered for reads as it. */
  confirmed?: string,
): TallyDateResult {
  let date: string | undefined;
  let first = "";
  for (const mention of mentions) {
    let resolved = resolveMention(mention, today, role);
    if (resolved === undefined) return { ok: false, code: "bad_date", messageKey: "tally-bad-date", args: { text: mention.raw } };
    if (typeof resolved !== "string" && resolved.confirmDate !== undefined && resolved.confirmDate === confirmed) resolved = confirmed;
    if (typeof resolved !== "string") return resolved.confirmDate !== undefined && !savable(resolved.confirmDate, today, role) ? outsideWindow(mention.raw, today) : resolved;
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

/** Whether a date offered for confirmation would then be saved: never offer what is refused next. */
function savable(date: string, today: string, role: "collector" | "commune"): boolean {
  return date <= today && (role === "commune" || date >= addDays(today, -COLLECTOR_BACKFILL_DAYS));
}

/**
 * A collector's yearless date whose only reading is older than their week: neither asked about
 * nor answered "send it again with the year", since that date would be refused next. Says
 * which days they can report for, and who enters older figures.
 */
function outsideWindow(text: string, today: string): DateFailure {
  return { ok: false, code: "too_old", messageKey: "tally-date-outside-window", args: { text, days: COLLECTOR_BACKFILL_DAYS, from: addDays(today, -COLLECTOR_BACKFILL_DAYS) } };
}

function resolveMention(mention: TallyDateMention, today: string, role: "collector" | "commune"): string | DateFailure | undefined {
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
  return resolveYearless(d, m, mention.raw, today, role);
}

/**
 * A day/month without a year. Read as this year's only when that is past and near (or, for a
 * collector, past at all); otherwise the officer is asked, with the date we would suggest:
 * - not yet come but within a month: refused as a future date, naming last year's in case (to a
 *   collector, who could not save it, the days they can report for instead);
 * - last year's across New Year (20/12 written on 5/1): asked, never moved back silently;
 * - impossible this year (29/02 in a non-leap year): asked, suggesting the latest 29/02;
 * - further than a month either way (a date eleven months back): asked.
 */
function resolveYearless(d: number, m: number, text: string, today: string, role: "collector" | "commune"): string | DateFailure | undefined {
  // 2000 is a leap year: a day/month impossible then (31/02, 31/04) is impossible in any year.
  if (!isCalendarDate(2000, m, d)) return undefined;
  const thisYear = Number(today.slice(0, 4));
  const on = (y: number) => (isCalendarDate(y, m, d) ? isoDate(y, m, d) : undefined);
  const current = on(thisYear);
  const nearBack = addDays(today, -YEARLESS_NEAR_DAYS);
  if (current && current <= today && (current >= nearBack || role === "collector")) return current;
  const ask = (messageKey: string, date: string, extra: Record<string, string | number> = {}): DateFailure => ({
    ok: false, code: "bad_date", messageKey, args: { text, date, ...extra }, confirmDate: date,
  });
  // The latest past date with this day and month: the one to suggest.
  let latest = current && current <= today ? current : undefined;
  for (let y = thisYear - 1; !latest && y >= thisYear - 8; y--) latest = on(y);
  if (current && current > today && current <= addDays(today, YEARLESS_NEAR_DAYS)) {
    // Last year's date is offered only to whoever may save it (a collector's week never reaches it).
    if (!savable(latest!, today, role)) {
      return { ok: false, code: "future_date", messageKey: "tally-future-date-yearless-window", args: { text, date: current, from: addDays(today, -COLLECTOR_BACKFILL_DAYS) } };
    }
    return { ok: false, code: "future_date", messageKey: "tally-future-date-yearless", args: { text, date: current, lastYear: latest! } };
  }
  if (!current) return ask("tally-date-not-this-year", latest!, { year: String(thisYear) });
  if (latest! >= nearBack) return ask("tally-date-last-year", latest!);
  return ask("tally-date-needs-year", latest!, { days: YEARLESS_NEAR_DAYS });
}
