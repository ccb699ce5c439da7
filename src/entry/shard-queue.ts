/**
 * @module The dispatch consumer with SHARDING=province. One consumer run costs up to ~600 D1
 * queries (WORKER_DISPATCH) against a limit of 1000 per invocation, so a run serves exactly
 * one shard: a kick that names no shard (cron, webhook) fans out into one kick per shard, and
 * kicks for other shards than the one served are sent again, each once, for their own run.
 */
import type { Logger } from "../logger";
import type { DispatchJob } from "./queue-dispatch";

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH_LIMIT = 100;

export interface ShardKicks {
  /** The shard this run serves and its kicks; undefined when the batch held only broadcasts. */
  serve?: { shard: string; messages: Message<DispatchJob>[] };
  /** Kicks already answered by sending per-shard kicks (acked by the caller). */
  forwarded: Message<DispatchJob>[];
}

/**
 * Splits a batch: the first named shard is served now; broadcasts and other shards' kicks are
 * forwarded as per-shard kicks. Without a producer binding nothing can be forwarded, so the
 * first shard (or, for broadcasts, every shard in turn) is served by the caller instead.
 */
export async function splitShardKicks(
  batch: MessageBatch<DispatchJob>,
  shards: readonly string[],
  queue: Queue<DispatchJob> | undefined,
  options: { logger: Logger; now: Date },
): Promise<ShardKicks> {
  const named = batch.messages.filter((m) => m.body?.shard !== undefined && shards.includes(m.body.shard));
  const serveShard = named[0]?.body.shard;
  const serve = serveShard ? { shard: serveShard, messages: named.filter((m) => m.body.shard === serveShard) } : undefined;
  const rest = batch.messages.filter((m) => !serve?.messages.includes(m));
  if (!queue || rest.length === 0) return { serve, forwarded: [] };
  const broadcast = rest.some((m) => m.body?.shard === undefined || !shards.includes(m.body.shard));
  const targets = new Set(broadcast ? shards.filter((s) => s !== serveShard) : rest.map((m) => m.body.shard!));
  const at = options.now.toISOString();
  const kicks = [...targets].map((shard): MessageSendRequest<DispatchJob> => ({ body: { kind: "dispatch", reason: "more", shard, at } }));
  try {
    for (let i = 0; i < kicks.length; i += SEND_BATCH_LIMIT) await queue.sendBatch(kicks.slice(i, i + SEND_BATCH_LIMIT));
  } catch (err) {
    // Not forwarded: leave them to the queue's retry (the outbox keeps the work either way).
    options.logger.warn("outbox.shard_forward_failed", { shards: targets.size, err });
    return { serve, forwarded: [] };
  }
  return { serve, forwarded: rest };
}

/** One shard's kicks of a batch; a message in several parts is acked or retried by each (both are idempotent). */
export function subBatch<T>(batch: MessageBatch<T>, messages: readonly Message<T>[]): MessageBatch<T> {
  return {
    queue: batch.queue,
    messages,
    ackAll: () => messages.forEach((m) => m.ack()),
    retryAll: (options?: QueueRetryOptions) => messages.forEach((m) => m.retry(options)),
  } as MessageBatch<T>;
}

/** The queue as one shard's consumer sees it: its follow-up kicks wake only that shard. */
export function shardQueue(queue: Queue<DispatchJob> | undefined, shard: string): Queue<DispatchJob> | undefined {
  if (!queue) return undefined;
  return {
    send: (body: DispatchJob, options?: QueueSendOptions) => queue.send({ ...body, shard }, options),
    sendBatch: (messages: Iterable<MessageSendRequest<DispatchJob>>, options?: QueueSendBatchOptions) =>
      queue.sendBatch([...messages].map((m) => ({ ...m, body: { ...m.body, shard } })), options),
  } as Queue<DispatchJob>;
}
