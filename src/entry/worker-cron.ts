/** @module The Worker's daily Cron Triggers: the due daily jobs, run or fanned out to shards. */
import type { JobOutcome } from "../core/schedule/daily-jobs";
import { fanOutDaily, runShardJobs } from "./shard-daily";
import { depsFor } from "./worker-isolate";
import type { Env } from "./worker-env";

/**
 * Cron Triggers (wrangler.toml), one at each local time of JOB_TIMES, run the due daily jobs;
 * each job runs once a local day whichever trigger arrives, so a retried or extra trigger is
 * harmless. Without personal-data keys there is nothing to plan. Sharded, each shard runs
 * its own jobs in its own database, plus the rollup of yesterday into the national database.
 */
export async function runScheduled(env: Env, scheduledTime: number): Promise<JobOutcome[]> {
  const all = await depsFor(env);
  if (!all.protector) return [];
  const shards = all.router.mode === "single" ? ["*"] : all.router.shards;
  const outcomes: JobOutcome[] = [];
  for (const shard of shards) {
    try {
      outcomes.push(...(await runShardJobs(all, shard, scheduledTime)));
    } catch (err) {
      // One shard failing must not stop the others' reminders.
      if (shard === "*") throw err;
      all.logger.error("job.shard_failed", { shard, err });
    }
  }
  return outcomes;
}

/** Sharded with a `bhyt-daily` queue: the trigger only fans out; otherwise it runs the jobs itself. */
export async function onCron(env: Env, scheduledTime: number): Promise<void> {
  const all = await depsFor(env);
  if (all.router.mode === "province" && env.DAILY_QUEUE && all.protector) {
    if (await fanOutDaily(env.DAILY_QUEUE, all.router.shards, scheduledTime, all.logger)) return;
  }
  await runScheduled(env, scheduledTime);
}
