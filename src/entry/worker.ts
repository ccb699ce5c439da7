/**
 * @module Cloudflare Workers entry: D1 database, bundled catalogues, deps built once per isolate.
 * workerd treats every export of this module as an entrypoint, so it exports the handler object
 * only; the handlers live in worker-isolate.ts, worker-queue.ts and worker-cron.ts.
 */
import { consumeDailyKicks, DAILY_QUEUE_NAME, type DailyKick } from "./shard-daily";
import { kickDispatch, type DispatchJob } from "./queue-dispatch";
import { depsFor, handlerFor, queuedReplies, relaysIdle } from "./worker-isolate";
import { runQueue } from "./worker-queue";
import { onCron } from "./worker-cron";
import { KICK_CRON } from "./cron-triggers";
import type { Env } from "./worker-env";

export default {
  async fetch(request, env, ctx) {
    const handler = await handlerFor(env);
    const response = await handler.fetch(request, env, ctx);
    if (env.DISPATCH_QUEUE && queuedReplies(request, response)) {
      const { logger } = await depsFor(env);
      // Sharded: the kick names the shard that answered, so the consumer runs that outbox only (no fan-out).
      ctx.waitUntil(kickDispatch(env.DISPATCH_QUEUE, { reason: "webhook", shard: handler.shardOf?.(response) }, { logger }));
    }
    // Replies the update started sending after the answer (see reply-relay.ts) are sent and recorded.
    if (request.method === "POST") ctx.waitUntil(relaysIdle());
    return response;
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      (async () => {
        try {
          if (controller.cron !== KICK_CRON) await onCron(env, controller.scheduledTime);
        } finally {
          // After the daily jobs (even failed ones): what they planned goes out now, not at the next safety-net kick.
          await kickDispatch(env.DISPATCH_QUEUE, { reason: "cron" }, { logger: (await depsFor(env)).logger, now: new Date(controller.scheduledTime) });
        }
      })(),
    );
  },
  async queue(batch, env) {
    if (batch.queue === DAILY_QUEUE_NAME) await consumeDailyKicks(batch as MessageBatch<DailyKick>, await depsFor(env), env.DISPATCH_QUEUE);
    else await runQueue(batch as MessageBatch<DispatchJob>, env);
  },
} satisfies ExportedHandler<Env, DispatchJob | DailyKick>;
