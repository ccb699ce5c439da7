/**
 * Formatters by time zone. Building an Intl.DateTimeFormat costs ~100 µs (it loads ICU zone
 * data) and every webhook update asks for today's date, so each zone's is built once; they
 * are immutable, so sharing them is safe.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `now` in a time zone; Vietnam is UTC+7 all year. */
export function localDate(now: Date, timeZone = "Asia/Ho_Chi_Minh"): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
