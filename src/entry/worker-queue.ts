/** @module The Worker's `queue` handler for `bhyt-dispatch` and its dead-letter queue. */
import type { AppDeps } from "../app";
import { consumeShardKicks } from "./shard-queue";
import { consumeDeadLetters, consumeDispatchBatch, DEAD_LETTER_QUEUE_NAME, type DispatchJob } from "./queue-dispatch";
import { depsFor, dispatcherFor } from "./worker-isolate";
import type { Env } from "./worker-env";

/**
 * The `queue` handler for both queues: `bhyt-dispatch` runs the outbox, `bhyt-dispatch-dlq`
 * records kicks that failed every retry. Sharded, see src/entry/shard-queue.ts.
 */
export async function runQueue(batch: MessageBatch<DispatchJob>, env: Env): Promise<void> {
  const all = await depsFor(env);
  if (all.router.mode === "single") return consumeFor(all, batch, env.DISPATCH_QUEUE);
  await consumeShardKicks(batch, all, env.DISPATCH_QUEUE);
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
