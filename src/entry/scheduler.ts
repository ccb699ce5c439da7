/** @module The Node server's clock: runs the daily jobs (src/core/schedule) once a minute. */
import type { Logger } from "../logger";
import { runDueJobs } from "../core/schedule/daily-jobs";
import { scheduledJobs, type ScheduledJobDeps } from "../core/schedule/scheduled-jobs";

export function startScheduler(deps: ScheduledJobDeps & { logger: Logger }, intervalMs = 60_000): { stop(): void } {
  const logger = deps.logger.child({ component: "scheduler" });
  const jobs = scheduledJobs(deps);
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
