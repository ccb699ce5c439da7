/** @module The Worker's `queue` handler for `bhyt-dispatch` and its dead-letter queue. */
import type { AppDeps } from "../app";
import { shardQueue, splitShardKicks, subBatch } from "./shard-queue";
import { consumeDeadLetters, consumeDispatchBatch, DEAD_LETTER_QUEUE_NAME, type DispatchJob } from "./queue-dispatch";
import { depsFor, dispatcherFor } from "./worker-isolate";
import type { Env } from "./worker-env";

/**
 * The `queue` handler for both queues: `bhyt-dispatch` runs the outbox, `bhyt-dispatch-dlq`
 * records kicks that failed every retry. Sharded, a run serves one shard (src/entry/shard-queue.ts).
 */
export async function runQueue(batch: MessageBatch<DispatchJob>, env: Env): Promise<void> {
  const all = await depsFor(env);
  if (all.router.mode === "single") return consumeFor(all, batch, env.DISPATCH_QUEUE);
  if (batch.queue === DEAD_LETTER_QUEUE_NAME) {
    // One cheap query per shard: every shard looks for the message that keeps crashing.
    for (const shard of all.router.shards) await consumeDeadLetters(subBatch(batch, batch.messages), all.forShard(shard));
    return;
  }
  const split = await splitShardKicks(batch, all.router.shards, env.DISPATCH_QUEUE, { logger: all.logger, now: new Date() });
  for (const message of split.forwarded) message.ack();
  const left = batch.messages.filter((m) => !split.forwarded.includes(m) && !split.serve?.messages.includes(m));
  if (split.serve) await consumeFor(all.forShard(split.serve.shard), subBatch(batch, split.serve.messages), shardQueue(env.DISPATCH_QUEUE, split.serve.shard));
  // Only without a producer binding (nothing could be forwarded): serve the rest here, in turn.
  if (left.length > 0) for (const shard of all.router.shards.filter((s) => s !== split.serve?.shard)) await consumeFor(all.forShard(shard), subBatch(batch, left), undefined);
}

/** One database's outbox run for a batch of kicks. */
async function consumeFor(deps: AppDeps, batch: MessageBatch<DispatchJob>, queue: Queue<DispatchJob> | undefined): Promise<void> {
  if (batch.queue === DEAD_LETTER_QUEUE_NAME) {
    await consumeDeadLetters(batch, deps);
    return;
  }
  const worker = dispatcherFor(deps);
  if (!worker) {
    // Nothing can be opened or sent without personal-data keys: acking keeps the queue empty.
    deps.logger.warn("outbox.no_keys", { kicks: batch.messages.length });
    batch.ackAll();
    return;
  }
  await consumeDispatchBatch(batch, { ...deps, protector: deps.protector!, worker, queue });
}
