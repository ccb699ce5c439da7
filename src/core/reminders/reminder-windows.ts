import { addDays, daysBetween } from "../time/day-math";

/** Days before expiry (negative: after) at which a renewal reminder goes out. */
export const DEFAULT_OFFSETS = [30, 7, 1, -3] as const;

/** How long the last (after-expiry) reminder may still be caught up. */
export const LAST_WINDOW_DAYS = 7;

/**
 * Which offset is due for a card on `today`, if any. Offset o is due from validTo − o until
 * the next offset's day: a missed run (server down) catches up the next day, but never sends a
 * "30 days left" reminder once the "7 days left" one is due. Undefined outside every window.
 */
export function dueOffset(validTo: string, today: string, offsets: readonly number[]): { offset: number; expiresOn: string } | undefined {
  const sorted = [...new Set(offsets)].sort((a, b) => b - a);
  const daysLeft = daysBetween(today, validTo);
  for (let i = 0; i < sorted.length; i++) {
    const offset = sorted[i]!;
    const next = sorted[i + 1];
    const windowEnd = next !== undefined ? next : offset - LAST_WINDOW_DAYS;
    if (daysLeft <= offset && daysLeft > windowEnd) return { offset, expiresOn: addDays(validTo, -windowEnd) };
  }
  return undefined;
}

/** The range of `valid_to` dates that can have a reminder due on `today`: keeps the query on the index. */
export function dueValidToRange(today: string, offsets: readonly number[]): { from: string; to: string } {
  const max = Math.max(...offsets);
  const min = Math.min(...offsets);
  return { from: addDays(today, min - LAST_WINDOW_DAYS + 1), to: addDays(today, max) };
}

/**
 * `dueOffset` as ranges of `valid_to` for one `today`, so SQL can pick the offset: offset o is
 * due for valid_to in [from, to]; its reminder is useful until valid_to + lastDayAfterValidTo.
 */
export function offsetWindows(today: string, offsets: readonly number[]): { offset: number; from: string; to: string; lastDayAfterValidTo: number }[] {
  const sorted = [...new Set(offsets)].sort((a, b) => b - a);
  return sorted.map((offset, i) => {
    const windowEnd = sorted[i + 1] ?? offset - LAST_WINDOW_DAYS;
    return { offset, from: addDays(today, windowEnd + 1), to: addDays(today, offset), lastDayAfterValidTo: -windowEnd };
  });
}
