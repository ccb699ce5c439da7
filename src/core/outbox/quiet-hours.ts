/** Local times (minutes after midnight) between which residents get nothing: 21:00-07:00 by default. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Parses `HH:MM-HH:MM` (the `QUIET_HOURS` format); `off` or empty means no quiet hours. */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (text === "" || text === "off") return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new RangeError(`quiet hours must look like 21:00-07:00`);
  const [, sh, sm, eh, em] = match.map(Number) as [number, number, number, number, number];
  const quiet = { startMinute: sh * 60 + sm, endMinute: eh * 60 + em };
  return quiet.startMinute === quiet.endMinute ? undefined : quiet;
}

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
