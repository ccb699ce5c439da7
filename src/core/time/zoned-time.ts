/** Minutes past local midnight at `now` in `timeZone` (DST-safe through Intl). */
export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/** The instant of `HH:MM` local time on the local date `day` (YYYY-MM-DD) in `timeZone`. */
export function zonedTime(day: string, hhmm: string, timeZone: string): Date {
  return zonedClock(timeZone)(day, hhmm);
}

/**
 * `zonedTime` for one time zone, for callers converting many days (the planner: one expiry
 * per valid_to in its windows): an Intl.DateTimeFormat costs ~0.3 ms to build, about 50 ms a
 * catch-up day when built twice per conversion, so it is built once here.
 */
export function zonedClock(timeZone: string): (day: string, hhmm: string) => Date {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const offsetMinutes = (at: Date) => {
    const parts = format.formatToParts(at);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  };
  return (day, hhmm) => {
    const [h, m] = hhmm.split(":").map(Number) as [number, number];
    const guess = Date.parse(`${day}T00:00:00Z`) + (h * 60 + m) * 60_000;
    // The zone's offset at the guessed instant, then corrected once (enough outside DST jumps).
    const first = guess - offsetMinutes(new Date(guess)) * 60_000;
    return new Date(guess - offsetMinutes(new Date(first)) * 60_000);
  };
}
