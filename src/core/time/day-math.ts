import { isoDate } from "../imports/values";

/** `iso` (YYYY-MM-DD) shifted by whole days; UTC arithmetic so no time zone can move the date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

/**
 * Midnight UTC of an ISO date. The common YYYY-MM-DD shape is read by position: the daily
 * planner asks this for every due household (a hundred thousand on a catch-up day), where
 * splitting and mapping the string cost more than the rest of the message.
 */
function utcDay(iso: string): number {
  if (iso.length === 10 && iso[4] === "-" && iso[7] === "-") return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
