/**
 * Formatters by time zone. Building an Intl.DateTimeFormat costs ~100 µs (it loads ICU zone
 * data) and every webhook update asks for today's date, so each zone's is built once; they
 * are immutable, so sharing them is safe.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per zone and the quarter hour it holds for: a handful of calls per update
 * cost ~4 µs each in formatToParts. Today's offsets and transitions of every zone fall on
 * quarter hours (+05:45, +12:45 included), so the date cannot change inside one.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const lastAnswer = new Map<string, { quarter: number; date: string }>();

/** The calendar date (YYYY-MM-DD) at `now` in a time zone; Vietnam is UTC+7 all year. */
export function localDate(now: Date, timeZone = "Asia/Ho_Chi_Minh"): string {
  const quarter = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  const last = lastAnswer.get(timeZone);
  if (last && last.quarter === quarter) return last.date;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${get("year")}-${get("month")}-${get("day")}`;
  lastAnswer.set(timeZone, { quarter, date });
  return date;
}
