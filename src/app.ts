import { Hono, type Context } from "hono";
import type { Config } from "./config";
import type { Store } from "./core/store";
import type { ShardRouter } from "./core/shards/shard-router";
import type { Logger } from "./logger";
import type { Translator } from "./i18n/translate";
import type { AppEnv } from "./http/app-env";
import { requestId } from "./http/middleware/request-id";
import { requestLog } from "./http/middleware/request-log";
import { createHealthRoutes } from "./http/routes/health";
import { webhookBodyLimit } from "./http/middleware/webhook-body-limit";
import type { BotApiFetch } from "./channels/telegram/bot";
import { registerDashboard } from "./http/dashboard";
import type { Protector } from "./core/privacy/protector";
import type { ChartRenderer } from "./core/charts/chart-renderer";
import type { MetricsRegistry } from "./core/metrics/registry";
import { createDatabaseSamples } from "./core/metrics/database-samples";
import { httpMetrics } from "./http/middleware/metrics";
import { createMetricsRoutes } from "./http/routes/metrics";
import type { Dispatcher } from "./core/outbox/dispatcher";
import type { PacingPool } from "./core/outbox/channel-pacing";
import { createOutboxDispatcher } from "./channels/senders";
import { webhookChannelOf, webhookRoutes } from "./channels/registry";
import { mountWebhooks } from "./http/channel-webhooks";
import { createConversation } from "./core/conversation/create-conversation";

/** Everything the app needs, built by an entry (Node or Workers). */
export interface AppDeps {
  config: Config;
  db: Store;
  logger: Logger;
  t: Translator;
  /** Personal-data protection; channels that handle people need it (Workers without keys run health only). */
  protector?: Protector;
  /** Renders progress charts (WASM); optional so tests and minimal deployments can skip it. */
  chart?: ChartRenderer;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** In-process metrics; when given, `GET /metrics` serves them (the Node entry does; Workers use Cloudflare's analytics). */
  metrics?: MetricsRegistry;
  /** The Telegram Bot API client's HTTP; the Node entry injects node:http (see node-bot-fetch.ts). */
  botFetch?: BotApiFetch;
  /**
   * SHARDING=province: the national database, whose daily province roll-ups national accounts
   * see on the dashboard (this app's `db` is one province's shard).
   */
  nationalRollups?: ShardRouter["national"];
  /**
   * The connection's peer address (Node: the socket; Workers: Cloudflare's CF-Connecting-IP).
   * X-Forwarded-For counts only when this peer is in TRUSTED_PROXIES.
   */
  peerAddress?: (c: Context) => string | undefined;
  /**
   * The outbox dispatcher webhooks send their replies through at once (`sendNow`). The entry
   * passes the one its dispatch loop or queue consumer uses, so both share the rate limits;
   * without one the app builds its own over the configured channels.
   */
  dispatcher?: Dispatcher;
  /** Rate state shared by the process's dispatchers (SHARDING=province: one per shard, one bot). */
  pacing?: PacingPool;
}

/** Largest webhook body accepted (Telegram's biggest updates are a few kB). */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The runtime-agnostic Hono app: Web-standard Request/Response only. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", requestId());
  app.use("*", requestLog());
  if (deps.metrics) {
    app.use("*", httpMetrics(deps.metrics, (path) => webhookChannelOf(deps.config, path)));
    app.route("/", createMetricsRoutes({ registry: deps.metrics, samples: createDatabaseSamples(deps.db), token: deps.config.metricsToken }));
  }
  app.route("/", createHealthRoutes());
  // Webhook bodies are small; anything over 1 MB is refused before it is read into memory or parsed.
  app.use("/webhooks/*", webhookBodyLimit(WEBHOOK_BODY_LIMIT, (c) => c.json({ ok: false, error: { code: "payload_too_large" } }, 413)));
  const dispatcher = deps.dispatcher ?? (deps.protector ? createOutboxDispatcher(deps.config, { ...deps, protector: deps.protector }, { now: deps.now, pacing: deps.pacing }) : undefined);
  if (deps.protector) {
    // The conversation core, built once for every channel (SMS and Zalo get no chart: they show
    // text only, and a picture's caption would arrive as an extra message).
    const base = { db: deps.db, protector: deps.protector, t: deps.t, defaultLocale: deps.config.defaultLocale, timezone: deps.config.timezone };
    const handle = createConversation(base);
    const handleWithPictures = deps.chart ? createConversation({ ...base, chart: deps.chart }) : handle;
    mountWebhooks(app, webhookRoutes({ ...deps, protector: deps.protector, handle, handleWithPictures, relay: dispatcher?.relay }));
  }
  registerDashboard(app, deps);
  app.notFound((c) => c.json({ ok: false, error: { code: "not_found" } }, 404));
  // The one place errors become HTTP: never echo input or internals.
  app.onError((err, c) => {
    deps.logger.error("http.unhandled", { requestId: c.get("requestId"), err });
    return c.json({ ok: false, error: { code: "internal" } }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
