/** @module The Node server's clock: runs the daily jobs (src/core/schedule) once a minute. */
import type { Logger } from "../logger";
import { runDueJobs, type DailyJob } from "../core/schedule/daily-jobs";
import { scheduledJobs, type ScheduledJobDeps } from "../core/schedule/scheduled-jobs";

export function startScheduler(deps: ScheduledJobDeps & { logger: Logger; extraJobs?: DailyJob[] }, intervalMs = 60_000): { stop(): void } {
  const logger = deps.logger.child({ component: "scheduler" });
  // extraJobs: a province database's rollup into the national one (SHARDING=province).
  const jobs = [...scheduledJobs(deps), ...(deps.extraJobs ?? [])];
  let running = false;
  const tick = async () => {
    // A slow run (a big roster) must not overlap the next tick.
    if (running) return;
    running = true;
    try {
      for (const outcome of await runDueJobs(deps.db, jobs, { now: new Date(), timezone: deps.timezone })) logger.info("job.done", outcome);
    } catch (err) {
      logger.error("job.failed", { err });
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  return { stop: () => clearInterval(timer) };
}
