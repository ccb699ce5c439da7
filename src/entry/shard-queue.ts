/**
 * @module The dispatch consumer with SHARDING=province. Kicks are wake-ups; the outbox rows in
 * each shard's database are the work. The number of queue messages stays linear in the number
 * of shards with work:
 *
 * - a kick that names no shard (the cron's safety net, a webhook) becomes one kick per shard
 *   that has work (a pending or leased row), sent once and delayed until that work is due;
 * - kicks that name shards are served in the batch they arrive in, never forwarded again. A
 *   batch holds at most `max_batch_size` (10) kicks, so at most 10 shards share one run, and
 *   they share its budget: D1 allows 1000 queries per invocation and a message costs about six,
 *   so the 100 messages of a run are divided between the shards of the batch.
 *
 * The shards of a batch run at the same time. That is safe: each has its own database, and even
 * two runs on one database (a retry overlapping a new kick, or `max_concurrency` above 1) never
 * send a message twice, because a run only sends rows it claimed, and a claim is a lease
 * (`sending` until `lease_until`) that no other run can take before it expires.
 */
import type { AppDeps } from "../app";
import type { Logger } from "../logger";
import { nextDueAt } from "../core/outbox/next-due";
import {
  consumeDeadLetters,
  consumeDispatchBatch,
  createWorkerDispatcher,
  DEAD_LETTER_QUEUE_NAME,
  MAX_KICK_DELAY_SECONDS,
  WORKER_DISPATCH,
  type DispatchJob,
  type WorkerDispatcher,
} from "./queue-dispatch";
import type { WorkerDeps } from "./worker-deps";

/** Queues take at most 100 messages per sendBatch. */
const SEND_BATCH_LIMIT = 100;
/** However many shards share a run, each may send at least this many messages. */
const MIN_MESSAGES_PER_SHARD = 10;

/** What the routing needs from the runtime; the Worker passes D1 and the queue binding, tests pass fakes. */
export interface ShardKickDeps {
  shards: readonly string[];
  queue: Queue<DispatchJob> | undefined;
  logger: Logger;
  now: Date;
  /** When the shard's outbox next has work (now or later), undefined when it has none. */
  nextWork(shard: string): Promise<Date | undefined>;
  /** One shard's outbox run for its kicks, with its share of the invocation's messages. */
  serve(shard: string, batch: MessageBatch<DispatchJob>, maxMessages: number): Promise<void>;
}

/**
 * One batch of kicks: broadcasts become one kick per shard with work; named shards are served
 * here, concurrently. Without a producer binding nothing can be sent, so shards with work are
 * served here instead of being kicked.
 */
export async function routeShardKicks(batch: MessageBatch<DispatchJob>, deps: ShardKickDeps): Promise<void> {
  const named = new Map<string, Message<DispatchJob>[]>();
  const broadcasts: Message<DispatchJob>[] = [];
  for (const message of batch.messages) {
    const shard = message.body?.shard;
    if (shard !== undefined && deps.shards.includes(shard)) named.set(shard, [...(named.get(shard) ?? []), message]);
    else broadcasts.push(message); // No shard, or one no longer served: every shard is asked.
  }
  if (broadcasts.length > 0) {
    const woken = await wakeShardsWithWork(deps, new Set(named.keys()));
    if (woken === "failed") broadcasts.forEach((m) => m.retry());
    else {
      broadcasts.forEach((m) => m.ack());
      // No producer: the shards with work due now are served in this run, sharing it with the named ones.
      for (const shard of woken) if (!named.has(shard)) named.set(shard, []);
    }
  }
  if (named.size === 0) return;
  const maxMessages = Math.max(MIN_MESSAGES_PER_SHARD, Math.floor(WORKER_DISPATCH.maxMessages / named.size));
  await Promise.all([...named].map(([shard, messages]) => deps.serve(shard, subBatch(batch, messages), maxMessages)));
}

/**
 * Sends one kick per shard with work (delayed to when it is due), skipping shards this batch
 * already serves. Returns the shards to serve here when there is no producer, or "failed".
 */
async function wakeShardsWithWork(deps: ShardKickDeps, serving: ReadonlySet<string>): Promise<string[] | "failed"> {
  const candidates = deps.shards.filter((s) => !serving.has(s));
  const due = await Promise.all(candidates.map(async (shard) => ({ shard, at: await deps.nextWork(shard) })));
  const withWork = due.filter((d): d is { shard: string; at: Date } => d.at !== undefined);
  if (!deps.queue) return withWork.filter((d) => d.at.getTime() <= deps.now.getTime()).map((d) => d.shard);
  const at = deps.now.toISOString();
  const kicks = withWork.map(({ shard, at: dueAt }): MessageSendRequest<DispatchJob> => {
    const delaySeconds = Math.min(MAX_KICK_DELAY_SECONDS, Math.ceil((dueAt.getTime() - deps.now.getTime()) / 1000));
    return { body: { kind: "dispatch", reason: delaySeconds > 0 ? "later" : "more", shard, at }, ...(delaySeconds > 0 ? { delaySeconds } : {}) };
  });
  try {
    for (let i = 0; i < kicks.length; i += SEND_BATCH_LIMIT) await deps.queue.sendBatch(kicks.slice(i, i + SEND_BATCH_LIMIT));
  } catch (err) {
    // Not sent: the broadcast is retried by the queue (the outbox keeps the work either way).
    deps.logger.warn("outbox.shard_forward_failed", { shards: kicks.length, err });
    return "failed";
  }
  return [];
}

const dispatchers = new WeakMap<AppDeps, WorkerDispatcher>();

/** A shard's dispatcher, kept for the isolate (its pacing state carries across batches). */
function dispatcherOf(deps: AppDeps): WorkerDispatcher | undefined {
  if (!deps.protector) return undefined;
  let worker = dispatchers.get(deps);
  if (!worker) dispatchers.set(deps, (worker = createWorkerDispatcher({ ...deps, protector: deps.protector })));
  return worker;
}

/** The `queue` handler of a sharded Worker, for `bhyt-dispatch` and its dead-letter queue. */
export async function consumeShardKicks(batch: MessageBatch<DispatchJob>, all: WorkerDeps, queue: Queue<DispatchJob> | undefined): Promise<void> {
  if (batch.queue === DEAD_LETTER_QUEUE_NAME) {
    // One cheap query per shard: every shard looks for the message that keeps crashing.
    for (const shard of all.router.shards) await consumeDeadLetters(subBatch(batch, batch.messages), all.forShard(shard));
    return;
  }
  if (!all.protector) {
    // Nothing can be opened or sent without personal-data keys: acking keeps the queue empty.
    all.logger.warn("outbox.no_keys", { kicks: batch.messages.length });
    batch.ackAll();
    return;
  }
  const now = new Date();
  await routeShardKicks(batch, {
    shards: all.router.shards,
    queue,
    logger: all.logger,
    now,
    async nextWork(shard) {
      const deps = all.forShard(shard);
      const worker = dispatcherOf(deps)!;
      return nextDueAt(deps.db, { now, channels: worker.channels, timezone: deps.config.timezone, quietHours: deps.config.quietHours });
    },
    async serve(shard, shardBatch, maxMessages) {
      const deps = all.forShard(shard);
      await consumeDispatchBatch(shardBatch, { ...deps, protector: deps.protector!, worker: dispatcherOf(deps)!, queue: shardQueue(queue, shard), maxMessages });
    },
  });
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
