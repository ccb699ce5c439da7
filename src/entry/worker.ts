/** @module Cloudflare Workers entry: D1 database, bundled catalogues, deps built once per isolate. */
import { createApp, type App, type AppDeps } from "../app";
import type { JobOutcome } from "../core/schedule/daily-jobs";
import { createShardFrontDoor } from "../http/shard-front-door";
import { shardQueue, splitShardKicks, subBatch } from "./shard-queue";
import { consumeDailyKicks, DAILY_QUEUE_NAME, fanOutDaily, runShardJobs, type DailyKick } from "./shard-daily";
import { buildWorkerDeps, type WorkerDeps } from "./worker-deps";
import {
  consumeDeadLetters,
  consumeDispatchBatch,
  createWorkerDispatcher,
  DEAD_LETTER_QUEUE_NAME,
  kickDispatch,
  type DispatchJob,
  type WorkerDispatcher,
} from "./queue-dispatch";

/** Bindings from wrangler.toml: the D1 database(s) plus [vars] and secrets (all strings). */
export interface Env {
  DB: D1Database;
  /** SHARDING=province: identities → shard and daily rollups (migrations-national/). */
  NATIONAL_DB?: D1Database;
  /** SHARDING=province: one database per shard, `DB_P<shard>` (DB_P12, DB_P38, DB_P79_1…). */
  [shard: `DB_P${string}`]: D1Database | undefined;
  SHARDING?: string;
  DEFAULT_SHARD?: string;
  /** Producer for `bhyt-dispatch`: kicks that wake the outbox consumer (optional: without it nothing dispatches). */
  DISPATCH_QUEUE?: Queue<DispatchJob>;
  /** SHARDING=province: `bhyt-daily`, one message per shard and Cron Trigger (src/entry/shard-daily.ts). */
  DAILY_QUEUE?: Queue<DailyKick>;
  DEFAULT_LOCALE?: string;
  TIMEZONE?: string;
  LOG_LEVEL?: string;
  DATA_ENCRYPTION_KEY?: string;
  BLIND_INDEX_KEY?: string;
  DATA_KEY_ID?: string;
  PUBLIC_URL?: string;
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_BOT_USERNAME?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  // Workers only receive webhooks: leave TELEGRAM_MODE unset or "webhook" (polling mounts no route).
  TELEGRAM_MODE?: string;
  SMS_PROVIDER?: string;
  SMS_API_BASE_URL?: string;
  SMS_USERNAME?: string;
  SMS_PASSWORD?: string;
  SMS_API_KEY?: string;
  SMS_API_SECRET?: string;
  SMS_BRANDNAME?: string;
  SMS_FROM?: string;
  SMS_WEBHOOK_SECRET?: string;
  SMS_SANDBOX?: string;
  SMS_RATE_PER_SECOND?: string;
  QUIET_HOURS?: string;
  ZALO_APP_ID?: string;
  ZALO_APP_SECRET?: string;
  ZALO_OA_SECRET_KEY?: string;
  ZALO_OA_ACCESS_TOKEN?: string;
  ZALO_OA_REFRESH_TOKEN?: string;
  ZALO_API_ROOT?: string;
  ZALO_OAUTH_ROOT?: string;
  ZALO_BUSINESS_API_ROOT?: string;
  ZALO_BOT_TOKEN?: string;
  ZALO_BOT_WEBHOOK_SECRET?: string;
  ZALO_BOT_API_ROOT?: string;
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  SESSION_SECRET?: string;
  SMS_DENY_NUMBERS?: string;
  INBOUND_TEXT_RETENTION_DAYS?: string;
  // OLD_DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY, OLD_DATA_KEY_ID are read only by `bhyt keys rotate` (CLI): never bind them here.
}

// Parsing config and Fluent catalogues on every request would waste CPU; bindings are stable
// for an isolate, so cache the deps keyed on the env object (a new env object rebuilds them).
let cached: { env: Env; deps: Promise<WorkerDeps> } | undefined;

const apps = new WeakMap<AppDeps, App>();

async function depsFor(env: Env): Promise<WorkerDeps> {
  if (cached?.env !== env) cached = { env, deps: buildWorkerDeps(env) };
  return cached.deps;
}

function appOf(deps: AppDeps): App {
  let app = apps.get(deps);
  if (!app) apps.set(deps, (app = createApp(deps)));
  return app;
}

const frontDoors = new WeakMap<WorkerDeps, ReturnType<typeof createShardFrontDoor>>();

/** Unsharded: the one app. Sharded: the front door that picks a shard's app per request. */
async function handlerFor(env: Env): Promise<{ fetch: App["fetch"] }> {
  const deps = await depsFor(env);
  if (deps.router.mode === "single") return appOf(deps);
  let door = frontDoors.get(deps);
  if (!door) {
    door = createShardFrontDoor({
      router: deps.router,
      protector: deps.protector,
      logger: deps.logger,
      appFor: (shard) => appOf(deps.forShard(shard)),
      telegramWebhookSecret: deps.config.telegram?.webhookSecret,
    });
    frontDoors.set(deps, door);
  }
  return door as unknown as { fetch: App["fetch"] };
}

const dispatchers = new WeakMap<AppDeps, WorkerDispatcher>();

/** The isolate's dispatcher (its pacing state carries across batches); undefined without keys. */
function dispatcherFor(deps: AppDeps): WorkerDispatcher | undefined {
  if (!deps.protector) return undefined;
  let worker = dispatchers.get(deps);
  if (!worker) dispatchers.set(deps, (worker = createWorkerDispatcher({ ...deps, protector: deps.protector })));
  return worker;
}

/** Every few minutes: only a dispatch kick (a safety net for lost kicks), never the daily jobs. */
export const KICK_CRON = "*/5 * * * *";

/** Webhook POSTs that may have queued replies: a kick after them sends the replies within seconds. */
function queuedReplies(request: Request, response: Response): boolean {
  return request.method === "POST" && new URL(request.url).pathname.startsWith("/webhooks/") && response.ok;
}

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

/**
 * Cron Triggers (wrangler.toml) at 08:00, 16:00 and 20:00 Hà Nội time run the daily jobs;
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
async function onCron(env: Env, scheduledTime: number): Promise<void> {
  const all = await depsFor(env);
  if (all.router.mode === "province" && env.DAILY_QUEUE && all.protector) {
    if (await fanOutDaily(env.DAILY_QUEUE, all.router.shards, scheduledTime, all.logger)) return;
  }
  await runScheduled(env, scheduledTime);
}

export default {
  async fetch(request, env, ctx) {
    const handler = await handlerFor(env);
    const response = await handler.fetch(request, env, ctx);
    if (env.DISPATCH_QUEUE && queuedReplies(request, response)) {
      const { logger } = await depsFor(env);
      ctx.waitUntil(kickDispatch(env.DISPATCH_QUEUE, { reason: "webhook" }, { logger }));
    }
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
