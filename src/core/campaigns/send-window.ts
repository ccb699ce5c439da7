import { JOB_TIMES } from "../schedule/job-times";
import { addDays } from "../time/day-math";
import { localDate } from "../time/local-date";
import { localMinutes } from "../time/zoned-time";

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Where `now` falls against the daily campaign_messages job (JOB_TIMES), read the way
 * runDueJobs reads it: "ahead" before its `at` (today's run is still to come), "open" between
 * `at` and `until` (today's run is done or under way, but a day planned now may still go out),
 * "closed" from `until` on (nothing more is sent for today).
 */
export type CampaignClock = "ahead" | "open" | "closed";

export function campaignClock(now: Date, timezone: string): CampaignClock {
  const minutes = localMinutes(now, timezone);
  const { at, until } = JOB_TIMES.campaign_messages;
  if (minutes < minutesOf(at)) return "ahead";
  return minutes < minutesOf(until) ? "open" : "closed";
}

/** The first local day whose campaign messages can still be planned: today, or tomorrow once today is closed. */
export function firstOpenDay(now: Date, timezone: string): string {
  const today = localDate(now, timezone);
  return campaignClock(now, timezone) === "closed" ? addDays(today, 1) : today;
}
