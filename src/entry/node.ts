/** @module Node entry: embedded SQLite file, @hono/node-server, demo data on first start. */
import { reachOf } from "../core/outbox/routes";
import { serve } from "@hono/node-server";
import { nodePeerAddress } from "./peer-address";
import { createApp } from "../app";
import { createTelegramChannel } from "../channels/telegram";
import { parseConfig } from "../config";
import { createLogger } from "../logger";
import { createTranslator } from "../i18n/translate";
import { isDemoDatabase, seedDemoIfEmpty } from "../core/demo/seed-demo";
import { ensureDemoActivity } from "../core/demo/demo-activity";
import { demoShowcase } from "../core/demo/demo-showcase";
import { localDate } from "../core/time/local-date";
import { ensureFirstAdmin } from "../core/auth/admin-accounts";
import { discardStaleImports } from "../core/imports/run-import";
import { adminEnvPasswordIgnored } from "../core/auth/admin-env-password";
import { formatBanner, type BannerInput } from "./start-banner";
import { writeFirstPassword } from "./first-password";
import { loadEnvFile } from "./env-file";
import { openSqliteShards } from "./sqlite-shards";
import { startProvinceServer, type ProvinceServerDeps } from "./node-shards";
import type { Config } from "../config";
import { loadMessageSources, loadProtector } from "./node-support";
import { createNodeChartRenderer } from "./chart-renderer-node";
import { createNodeBotFetch } from "./node-bot-fetch";
import { startOutboxDispatch } from "./outbox-dispatch";
import { createOutboxDispatcher } from "../channels/senders";
import { startScheduler } from "./scheduler";
import { createMetricsRegistry } from "../core/metrics/registry";

async function main() {
  const fromFile = loadEnvFile(process.env);
  const config = parseConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  if (fromFile.length > 0) logger.info("config.env_file", { keys: fromFile });
  // The router is the only place that knows whether this is one file or one per province.
  const shards = openSqliteShards(config);
  const t = createTranslator(loadMessageSources(), config.defaultLocale);
  const protector = await loadProtector(config, logger);
  if (shards.router.mode === "province") return serveProvinces(config, { logger, t, protector, shards });
  const db = shards.files.get("*")!;
  // An import killed over a day ago left sealed staged rows: clear them at start, not only at the daily purge.
  const staleImports = await discardStaleImports(db);
  if (staleImports > 0) logger.info("imports.stale_discarded", { batches: staleImports });
  const today = localDate(new Date(), config.timezone);
  let demoWarnings = 0;
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty({ db, protector, logger, today, activity: true });
    if (seeded) logger.info("demo.seeded", { warnings: seeded.warnings.length });
    else if (await isDemoDatabase(db)) {
      // A demo opened again weeks later still shows this year's targets and recent reports.
      const activity = await ensureDemoActivity(db, today);
      logger.info("demo.refreshed", { year: activity.year, targets: activity.targets, tallyDays: activity.tallyDays });
    }
    demoWarnings = seeded?.warnings.length ?? 0;
  }
  const admin = await ensureFirstAdmin(db, config.admin);
  // The password never goes into a log line: the banner shows it on a terminal, else a 0600 file holds it.
  const bannerAdmin: BannerInput["admin"] = { username: admin?.username ?? config.admin.username.toLowerCase() };
  if (admin?.generatedPassword) {
    if (process.stdout.isTTY) bannerAdmin.password = admin.generatedPassword;
    else bannerAdmin.passwordFile = writeFirstPassword(config.databasePath, admin.generatedPassword);
  }
  logger.info(admin ? "dashboard.admin_created" : "dashboard.admin_exists", { username: bannerAdmin.username, passwordGenerated: Boolean(admin?.generatedPassword) });
  if (!admin && (await adminEnvPasswordIgnored(db, config.admin))) {
    bannerAdmin.envPasswordIgnored = true;
    logger.warn("dashboard.admin_password_env_ignored", { username: config.admin.username, hint: "ADMIN_PASSWORD is read only when no account exists; run bhyt admin reset-password" });
  }
  const demo = (await isDemoDatabase(db)) ? await demoShowcase(db, protector, { today, now: new Date() }) : null;
  const chart = createNodeChartRenderer();
  const botFetch = createNodeBotFetch();
  // One dispatcher for the loop and the webhooks' immediate replies: they share the rate limits.
  const dispatcher = createOutboxDispatcher(config, { db, protector, t, logger, botFetch });
  const app = createApp({ config, db, logger, t, protector, chart, metrics: createMetricsRegistry(), botFetch, peerAddress: nodePeerAddress, dispatcher });
  if (config.telegram) logger.info("telegram.mode", { mode: config.telegram.mode, source: config.telegram.modeSource, route: config.telegram.mode === "webhook" ? "POST /webhooks/telegram" : undefined });
  if (config.telegram?.mode === "polling") {
    // Long polling lets a developer try a real bot from a laptop; the app mounted no webhook route.
    const { bot } = createTelegramChannel(config.telegram, { db, logger, t, protector, chart, defaultLocale: config.defaultLocale, timezone: config.timezone, botFetch, relay: dispatcher?.relay });
    void bot.start({ onStart: (me) => logger.info("telegram.polling", { username: me.username }) });
  }
  const outbox = startOutboxDispatch(config, { db, protector, t, logger }, {}, dispatcher);
  const scheduler = startScheduler({ db, protector, t, logger, defaultLocale: config.defaultLocale, timezone: config.timezone, smsEnabled: config.sms !== undefined, reach: reachOf(config), inboundTextRetentionDays: config.inboundTextRetentionDays, outboxRetentionDays: config.outboxRetentionDays });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
    logger.info("server.listening", { url, database: config.databasePath });
    process.stdout.write(formatBanner({ url, admin: bannerAdmin, demo, demoWarnings }) + "\n");
  });
  const shutdown = (signal: string) => {
    logger.info("server.stopping", { signal });
    scheduler.stop();
    // Messages in flight finish (and are recorded) before the database closes.
    void (outbox?.stop() ?? Promise.resolve()).finally(() => {
      server.close(() => {
        // Replies a webhook started sending after its answer are recorded too.
        void (dispatcher?.relaysIdle() ?? Promise.resolve()).finally(() => {
          db.close();
          process.exit(0);
        });
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
