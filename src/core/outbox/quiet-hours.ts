import type { QuietHours } from "../../values/quiet-hours";

export { parseQuietHours, type QuietHours } from "../../values/quiet-hours";

/** Minutes after local midnight, plus the seconds and ms into that minute. */
function localClock(now: Date, timeZone: string): { minute: number; intoMinuteMs: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minute: get("hour") * 60 + get("minute"), intoMinuteMs: now.getTime() % 60_000 };
}

export function isQuietTime(now: Date, quiet: QuietHours | undefined, timeZone: string): boolean {
  if (!quiet) return false;
  const { minute } = localClock(now, timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When the current quiet period ends (the next local `end` time). Counted in minutes from now,
 * which is exact for zones without daylight saving (Vietnam has none since 1975).
 */
export function quietEndsAt(now: Date, quiet: QuietHours, timeZone: string): Date {
  const { minute, intoMinuteMs } = localClock(now, timeZone);
  const minutesAhead = (quiet.endMinute - minute + 1440) % 1440 || 1440;
  return new Date(now.getTime() - intoMinuteMs + minutesAhead * 60_000);
}
