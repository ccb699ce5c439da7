/**
 * @module The Node server with SHARDING=province: one app, scheduler and outbox loop per
 * shard file, behind the front door that routes each request to its shard.
 */
import { reachOf } from "../core/outbox/routes";
import { nodePeerAddress } from "./peer-address";
import { createApp, type App, type AppDeps } from "../app";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import type { ChartRenderer } from "../core/charts/chart-renderer";
import { ensureFirstAdmin } from "../core/auth/admin-accounts";
import { provinceRollupJob } from "../core/shards/province-rollup";
import { createShardFrontDoor } from "../http/shard-front-door";
import type { SqliteShards } from "./sqlite-shards";
import { startOutboxDispatch } from "./outbox-dispatch";
import { createOutboxDispatcher } from "../channels/senders";
import { createPacingPool } from "../core/outbox/channel-pacing";
import { startScheduler } from "./scheduler";

export interface ProvinceServerDeps {
  config: Config;
  logger: Logger;
  t: Translator;
  protector: Protector;
  chart?: ChartRenderer;
  shards: SqliteShards;
}

export async function startProvinceServer(deps: ProvinceServerDeps) {
  const { config, logger, t, protector, chart, shards } = deps;
  const { router } = shards;
  const apps = new Map<string, App>();
  const stops: (() => void | Promise<void>)[] = [];
  // One bot, one gateway contract: every shard's dispatcher draws on the same rate.
  const pacing = createPacingPool(() => Date.now());
  for (const shard of router.shards) {
    const db = router.forShard(shard);
    const dispatcher = createOutboxDispatcher(config, { db, protector, t, logger: logger.child({ shard }) }, { pacing });
    const appDeps: AppDeps = { config, db, logger: logger.child({ shard }), t, protector, chart, nationalRollups: router.national, peerAddress: nodePeerAddress, dispatcher };
    apps.set(shard, createApp(appDeps));
    const outbox = startOutboxDispatch(config, { db, protector, t, logger: appDeps.logger }, {}, dispatcher);
    if (outbox) stops.push(() => outbox.stop());
    if (dispatcher) stops.push(() => dispatcher.relaysIdle());
    const rollup = provinceRollupJob({ db, national: router.national, shard, timezone: config.timezone });
    const scheduler = startScheduler({ db, protector, t, logger: appDeps.logger, defaultLocale: config.defaultLocale, timezone: config.timezone, smsEnabled: config.sms !== undefined, reach: reachOf(config), inboundTextRetentionDays: config.inboundTextRetentionDays, outboxRetentionDays: config.outboxRetentionDays, extraJobs: [rollup] });
    stops.push(() => scheduler.stop());
  }
  // National dashboard accounts live in the default shard; a province's accounts in its own (bhyt admin create --scope).
  const admin = await ensureFirstAdmin(router.forShard(router.defaultShard!), config.admin);
  if (admin?.generatedPassword) logger.warn("dashboard.admin_created", { username: admin.username, generatedPassword: true, hint: "set ADMIN_PASSWORD to choose it" });
  if (config.telegram?.mode === "polling") logger.warn("shard.telegram_needs_webhook", { hint: "SHARDING=province routes Telegram webhooks only; set TELEGRAM_MODE=webhook and TELEGRAM_WEBHOOK_SECRET" });
  const door = createShardFrontDoor({ router, protector, logger, appFor: (shard) => apps.get(shard)!, telegramWebhookSecret: config.telegram?.webhookSecret, config });
  return {
    fetch: door.fetch as App["fetch"],
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
