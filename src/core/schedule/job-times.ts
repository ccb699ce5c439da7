/**
 * @module When each daily job runs, in local time (TIMEZONE): the one table both runtimes follow.
 * Node ticks every minute and runs what is due; Workers need a Cron Trigger at each distinct
 * time, and test/core/schedule/job-times.test.ts fails when wrangler.toml and this table drift.
 */

export interface JobTime {
  /** HH:MM local: due from then on, once a local day. */
  at: string;
  /** HH:MM local: past it the day is skipped (a 16:00 nudge at 23:00 would only annoy). */
  until?: string;
}

export const JOB_TIMES = {
  /** SHARDING=province only: yesterday's figures into the national database. */
  province_rollup: { at: "00:00" },
  /** Peak outreach month: the officers' morning digest. */
  campaign_digests: { at: "07:30", until: "12:00" },
  renewal_reminders: { at: "08:00" },
  /** Peak outreach month: the day's campaign messages. */
  campaign_messages: { at: "08:30", until: "20:00" },
  collector_nudges: { at: "16:00", until: "20:00" },
  commune_summaries: { at: "20:00", until: "23:00" },
  /** Old inbound texts (INBOUND_TEXT_RETENTION_DAYS). */
  purge_inbound_text: { at: "22:00" },
  /** Old bookkeeping: dedup ids, finished outbox messages, ZNS tracking ids (OUTBOX_RETENTION_DAYS). */
  purge_old_records: { at: "22:15" },
} as const satisfies Record<string, JobTime>;

export type JobName = keyof typeof JOB_TIMES;

/** A job's name and times from the table, to spread into its DailyJob. */
export function jobTime(name: JobName): { name: JobName } & JobTime {
  return { name, ...JOB_TIMES[name] };
}

/** The distinct local times at which some job becomes due, sorted. */
export function dueTimes(): string[] {
  return [...new Set(Object.values(JOB_TIMES).map((t: JobTime) => t.at))].sort();
}

/**
 * The daily cron expression (UTC, as Cloudflare reads crons) for a local HH:MM in a zone
 * `utcOffsetMinutes` ahead of UTC. Only for zones without DST, like Asia/Ho_Chi_Minh (+420).
 */
export function dailyUtcCron(at: string, utcOffsetMinutes: number): string {
  const local = Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5));
  const utc = (((local - utcOffsetMinutes) % 1440) + 1440) % 1440;
  return `${utc % 60} ${Math.floor(utc / 60)} * * *`;
}
