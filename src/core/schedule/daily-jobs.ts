import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { appMeta } from "../../db/schema";
import { localDate } from "../time/local-date";
import { localMinutes } from "../time/zoned-time";

/**
 * A job that runs once a local day at `at` (HH:MM). If the server was down at that time the
 * next tick catches up, unless `until` has passed too: then the day is skipped and logged,
 * since a 16:00 nudge at 23:00 would only annoy (RapidPro skips silently; we say so).
 */
export interface DailyJob {
  name: string;
  at: string;
  until?: string;
  run(ctx: { today: string; now: Date }): Promise<Record<string, unknown>>;
}

export type JobOutcome = { name: string; today: string } & ({ ran: true; result: Record<string, unknown> } | { ran: false; skipped: "late" });

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Runs every job that is due and has not run today; records the run in app_meta. */
export async function runDueJobs(db: Db, jobs: readonly DailyJob[], input: { now: Date; timezone: string }): Promise<JobOutcome[]> {
  const today = localDate(input.now, input.timezone);
  const minutes = localMinutes(input.now, input.timezone);
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    if (minutes < minutesOf(job.at)) continue;
    const key = `job:${job.name}:last_day`;
    const [last] = await db.orm.select().from(appMeta).where(eq(appMeta.key, key));
    if (last && last.value >= today) continue;
    // Marked before running: a crash mid-run must not make the next tick run it twice.
    // The jobs plan idempotently, so a re-run would be harmless anyway, but not free.
    await db.orm
      .insert(appMeta)
      .values({ key, value: today, updatedAt: input.now })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: today, updatedAt: input.now } });
    if (job.until && minutes >= minutesOf(job.until)) {
      outcomes.push({ name: job.name, today, ran: false, skipped: "late" });
      continue;
    }
    outcomes.push({ name: job.name, today, ran: true, result: await job.run({ today, now: input.now }) });
  }
  return outcomes;
}
