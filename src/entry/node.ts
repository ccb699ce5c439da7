/** @module Node entry: embedded SQLite file, @hono/node-server, demo data on first start. */
import { reachOf } from "../core/outbox/routes";
import { serve } from "@hono/node-server";
import { createApp } from "../app";
import { createTelegramChannel } from "../channels/telegram";
import { parseConfig } from "../config";
import { createLogger } from "../logger";
import { createTranslator } from "../i18n/translate";
import { seedDemoIfEmpty } from "../core/demo/seed-demo";
import { ensureFirstAdmin } from "../core/auth/admin-accounts";
import { openSqliteShards } from "./sqlite-shards";
import { startProvinceServer, type ProvinceServerDeps } from "./node-shards";
import type { Config } from "../config";
import { loadMessageSources, loadProtector } from "./node-support";
import { createNodeChartRenderer } from "./chart-renderer-node";
import { createNodeBotFetch } from "./node-bot-fetch";
import { startOutboxDispatch } from "./outbox-dispatch";
import { startScheduler } from "./scheduler";
import { createMetricsRegistry } from "../core/metrics/registry";

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  // The router is the only place that knows whether this is one file or one per province.
  const shards = openSqliteShards(config);
  const t = createTranslator(loadMessageSources(), config.defaultLocale);
  const protector = await loadProtector(config, logger);
  if (shards.router.mode === "province") return serveProvinces(config, { logger, t, protector, shards });
  const db = shards.files.get("*")!;
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty({ db, protector, logger });
    if (seeded) logger.info("demo.seeded", { warnings: seeded.warnings.length });
  }
  const admin = await ensureFirstAdmin(db, config.admin);
  if (admin?.generatedPassword) {
    // Never in the logs (they are kept and shipped): the start-up banner shows it once.
    logger.warn("dashboard.admin_created", { username: admin.username, generatedPassword: true, hint: "set ADMIN_PASSWORD to choose it" });
  } else if (admin) logger.info("dashboard.admin_created", { username: admin.username });
  const chart = createNodeChartRenderer();
  const botFetch = createNodeBotFetch();
  const app = createApp({ config, db, logger, t, protector, chart, metrics: createMetricsRegistry(), botFetch });
  if (config.telegram) logger.info("telegram.mode", { mode: config.telegram.mode, source: config.telegram.modeSource, route: config.telegram.mode === "webhook" ? "POST /webhooks/telegram" : undefined });
  if (config.telegram?.mode === "polling") {
    // Long polling lets a developer try a real bot from a laptop; the app mounted no webhook route.
    const { bot } = createTelegramChannel(config.telegram, { db, logger, t, protector, chart, defaultLocale: config.defaultLocale, timezone: config.timezone, botFetch });
    void bot.start({ onStart: (me) => logger.info("telegram.polling", { username: me.username }) });
  }
  const outbox = startOutboxDispatch(config, { db, protector, t, logger });
  const scheduler = startScheduler({ db, protector, t, logger, defaultLocale: config.defaultLocale, timezone: config.timezone, smsEnabled: config.sms !== undefined, reach: reachOf(config), inboundTextRetentionDays: config.inboundTextRetentionDays, outboxRetentionDays: config.outboxRetentionDays });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("server.listening", { url: `http://${config.host}:${info.port}`, database: config.databasePath });
  });
  const shutdown = (signal: string) => {
    logger.info("server.stopping", { signal });
    scheduler.stop();
    // Messages in flight finish (and are recorded) before the database closes.
    void (outbox?.stop() ?? Promise.resolve()).finally(() => {
      server.close(() => {
        db.close();
        process.exit(0);
      });
    });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

/** SHARDING=province: the front door over one app per province file (no demo seeding). */
async function serveProvinces(config: Config, deps: Omit<ProvinceServerDeps, "config">) {
  const { logger, shards } = deps;
  const provinces = await startProvinceServer({ config, ...deps, chart: createNodeChartRenderer() });
  const server = serve({ fetch: provinces.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info("server.listening", { url: `http://${config.host}:${info.port}`, provinces: shards.router.shards });
  });
  const shutdown = (signal: string) => {
    logger.info("server.stopping", { signal });
    void provinces.stop().finally(() => server.close(() => (shards.close(), process.exit(0))));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  // Config errors name keys only; anything else is reported by name and message.
  console.error(JSON.stringify({ level: "error", event: "server.start_failed", err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }));
  process.exit(1);
});
