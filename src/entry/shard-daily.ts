/**
 * @module Daily jobs with SHARDING=province. One invocation allows 1000 D1 queries, and a
 * province's reminder planning alone can use many of them, so the Cron Trigger does not run
 * every shard itself: it sends one message per shard to `bhyt-daily`, whose consumer takes
 * one message per run (max_batch_size = 1 in wrangler.toml) and runs that shard's jobs.
 */
import type { Logger } from "../logger";

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
