/** @module Cloudflare Workers entry: D1 database, bundled catalogues, deps built once per isolate. */
import { reachOf } from "../core/outbox/routes";
import { createApp, type App, type AppDeps } from "../app";
import { runDueJobs, type JobOutcome } from "../core/schedule/daily-jobs";
import { scheduledJobs } from "../core/schedule/scheduled-jobs";
import { parseConfig } from "../config";
import { createLogger } from "../logger";
import { createTranslator } from "../i18n/translate";
import { createD1Db } from "./d1-db";
import { ensureFirstAdmin } from "../core/auth/admin-accounts";
import { createWorkerChartRenderer } from "./chart-renderer-worker";
import { createProtector, fromBase64 } from "../core/privacy/protector";
import {
  consumeDeadLetters,
  consumeDispatchBatch,
  createWorkerDispatcher,
  DEAD_LETTER_QUEUE_NAME,
  kickDispatch,
  type DispatchJob,
  type WorkerDispatcher,
} from "./queue-dispatch";
// Bundled as text by the wrangler Text rule (and the .ftl vite plugin in tests): no filesystem here.
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

/** Bindings from wrangler.toml: the D1 database plus [vars] and secrets (all strings). */
export interface Env {
  DB: D1Database;
  /** Producer for `bhyt-dispatch`: kicks that wake the outbox consumer (optional: without it nothing dispatches). */
  DISPATCH_QUEUE?: Queue<DispatchJob>;
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
let cached: { env: Env; deps: Promise<AppDeps> } | undefined;

async function buildDeps(env: Env): Promise<AppDeps> {
  const config = parseConfig({ ...env });
  // Workers cannot keep generated keys: without configured keys only the people-free routes run.
  const protector =
    config.dataEncryptionKey && config.blindIndexKey
      ? await createProtector({ dataKey: fromBase64(config.dataEncryptionKey), indexKey: fromBase64(config.blindIndexKey), keyId: config.dataKeyId })
      : undefined;
  const db = createD1Db(env.DB);
  // Workers have no console to show a generated password in: the first account needs ADMIN_PASSWORD.
  if (config.admin.password) await ensureFirstAdmin(db, config.admin);
  return {
    config,
    db,
    logger: createLogger({ level: config.logLevel }),
    t: createTranslator({ vi, en }, config.defaultLocale),
    protector,
    chart: createWorkerChartRenderer(),
  };
}

const apps = new WeakMap<AppDeps, App>();

async function depsFor(env: Env): Promise<AppDeps> {
  if (cached?.env !== env) cached = { env, deps: buildDeps(env) };
  return cached.deps;
}

async function appFor(env: Env): Promise<App> {
  const deps = await depsFor(env);
  let app = apps.get(deps);
  if (!app) apps.set(deps, (app = createApp(deps)));
  return app;
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
 * records kicks that failed every retry.
 */
export async function runQueue(batch: MessageBatch<DispatchJob>, env: Env): Promise<void> {
  const deps = await depsFor(env);
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
  await consumeDispatchBatch(batch, { ...deps, protector: deps.protector!, worker, queue: env.DISPATCH_QUEUE });
}

/**
 * Cron Triggers (wrangler.toml) at 08:00, 16:00 and 20:00 Hà Nội time run the daily jobs;
 * each job runs once a local day whichever trigger arrives, so a retried or extra trigger is
 * harmless. Without personal-data keys there is nothing to plan.
 */
export async function runScheduled(env: Env, scheduledTime: number): Promise<JobOutcome[]> {
  const deps = await depsFor(env);
  if (!deps.protector) return [];
  const { config } = deps;
  const jobs = scheduledJobs({ db: deps.db, protector: deps.protector, t: deps.t, defaultLocale: config.defaultLocale, timezone: config.timezone, smsEnabled: config.sms !== undefined, reach: reachOf(config), inboundTextRetentionDays: config.inboundTextRetentionDays });
  const outcomes = await runDueJobs(deps.db, jobs, { now: new Date(scheduledTime), timezone: config.timezone });
  for (const outcome of outcomes) deps.logger.info("job.done", outcome);
  return outcomes;
}

export default {
  async fetch(request, env, ctx) {
    const app = await appFor(env);
    const response = await app.fetch(request, env, ctx);
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
          if (controller.cron !== KICK_CRON) await runScheduled(env, controller.scheduledTime);
        } finally {
          // After the daily jobs (even failed ones): what they planned goes out now, not at the next safety-net kick.
          await kickDispatch(env.DISPATCH_QUEUE, { reason: "cron" }, { logger: (await depsFor(env)).logger, now: new Date(controller.scheduledTime) });
        }
      })(),
    );
  },
  async queue(batch, env) {
    await runQueue(batch, env);
  },
} satisfies ExportedHandler<Env, DispatchJob>;
