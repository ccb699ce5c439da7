/**
 * @module Daily jobs with SHARDING=province. One invocation allows 1000 D1 queries, and a
 * province's reminder planning alone can use many of them, so the Cron Trigger does not run
 * every shard itself: it sends one message per shard to `bhyt-daily`, whose consumer takes
 * one message per run (max_batch_size = 1 in wrangler.toml) and runs that shard's jobs.
 */
import { reachOf } from "../core/outbox/routes";
import type { Logger } from "../logger";
import { runDueJobs, type JobOutcome } from "../core/schedule/daily-jobs";
import { scheduledJobs } from "../core/schedule/scheduled-jobs";
import { provinceRollupJob } from "../core/shards/province-rollup";
import { kickDispatch, type DispatchJob } from "./queue-dispatch";
import { shardQueue } from "./shard-queue";
import type { WorkerDeps } from "./worker-deps";

export const DAILY_QUEUE_NAME = "bhyt-daily";

/** "Run this shard's due daily jobs as of `at`" (the Cron Trigger's scheduled time, ms). */
export interface DailyKick {
  kind: "daily";
  shard: string;
  at: number;
}

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH_LIMIT = 100;

/** One kick per shard; false when the queue refused (the caller then runs them itself). */
export async function fanOutDaily(queue: Queue<DailyKick>, shards: readonly string[], at: number, logger: Logger): Promise<boolean> {
  const kicks = shards.map((shard): MessageSendRequest<DailyKick> => ({ body: { kind: "daily", shard, at } }));
  try {
    for (let i = 0; i < kicks.length; i += SEND_BATCH_LIMIT) await queue.sendBatch(kicks.slice(i, i + SEND_BATCH_LIMIT));
    return true;
  } catch (err) {
    logger.error("job.fan_out_failed", { shards: shards.length, err });
    return false;
  }
}

/** One database's due daily jobs; a shard also rolls up yesterday into the national database. */
export async function runShardJobs(all: WorkerDeps, shard: string, scheduledTime: number): Promise<JobOutcome[]> {
  const deps = all.forShard(shard);
  const { config } = deps;
  const jobs = scheduledJobs({ db: deps.db, protector: all.protector!, t: deps.t, defaultLocale: config.defaultLocale, timezone: config.timezone, smsEnabled: config.sms !== undefined, reach: reachOf(config), inboundTextRetentionDays: config.inboundTextRetentionDays, outboxRetentionDays: config.outboxRetentionDays });
  if (shard !== "*") jobs.push(provinceRollupJob({ db: deps.db, national: all.router.national, shard, timezone: config.timezone }));
  const done = await runDueJobs(deps.db, jobs, { now: new Date(scheduledTime), timezone: config.timezone });
  for (const outcome of done) deps.logger.info("job.done", shard === "*" ? outcome : { ...outcome, shard });
  return done;
}

/** The `bhyt-daily` consumer: one shard's jobs per message; a failure is retried by the queue. */
export async function consumeDailyKicks(batch: MessageBatch<DailyKick>, all: WorkerDeps, dispatchQueue: Queue<DispatchJob> | undefined): Promise<void> {
  for (const message of batch.messages) {
    const { shard, at } = message.body;
    if (!all.protector || !all.router.shards.includes(shard)) {
      // No keys, or a shard this deployment no longer serves: nothing to run, nothing to retry.
      all.logger.warn("job.daily_dropped", { shard });
      message.ack();
      continue;
    }
    try {
      await runShardJobs(all, shard, at);
      message.ack();
      // What the jobs planned goes out now, not at the next safety-net kick.
      await kickDispatch(shardQueue(dispatchQueue, shard), { reason: "cron" }, { logger: all.logger, now: new Date(at) });
    } catch (err) {
      all.logger.error("job.shard_failed", { shard, err });
      message.retry();
    }
  }
}
