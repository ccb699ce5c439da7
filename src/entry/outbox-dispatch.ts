/** @module The outbox dispatch loop for long-running processes (the Node server; tests' child processes). */
import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import { createDispatcher, type DispatcherDeps } from "../core/outbox/dispatcher";
import { startDispatchLoop, type DispatchLoop } from "../core/outbox/dispatch-loop";
import type { ChannelSender } from "../core/outbox/types";
import { createTelegramSender } from "../channels/telegram/telegram-sender";
import { createSmsProvider } from "../channels/sms/create-sms-provider";
import { createSmsSender } from "../channels/sms/sms-sender";
import { createZaloOaClient } from "../channels/zalo/oa-client";
import { createZaloOaSender } from "../channels/zalo/oa-sender";
import { createZaloTokenStore } from "../channels/zalo/token-store";
import { createZaloBotSender } from "../channels/zalo-bot/bot-sender";
import { reachOf } from "../core/outbox/routes";
import type { SendGate } from "../core/outbox/send-gate";
import { createZaloOaGate } from "../core/outbox/zalo-oa-gate";
import { recordZnsTracking } from "../core/zns/zns-tracking";

/** Tuning a caller may override; the defaults suit one Node process. */
export type DispatchTuning = Pick<DispatcherDeps, "concurrency" | "leaseMs" | "maxWaitMs" | "retry"> & { intervalMs?: number };

/** What senders with state of their own need (the Zalo OA token pair lives in the database). */
export interface SenderDeps {
  db: Db;
  protector: Protector;
  logger: Logger;
}

/**
 * Senders for every configured channel (Telegram with a bot token, SMS with a provider, Zalo
 * Bot with its token; Zalo OA with its app id and `deps`, since its tokens are refreshed in the database).
 */
export function createSenders(config: Config, deps?: SenderDeps): ChannelSender[] {
  const senders: ChannelSender[] = [];
  if (config.telegram) senders.push(createTelegramSender(config.telegram));
  if (config.sms) senders.push(createSmsSender(createSmsProvider(config.sms, { publicUrl: config.publicUrl }), { ratePerSecond: config.sms.ratePerSecond }));
  if (config.zaloOa && deps) {
    const tokens = createZaloTokenStore({ config: config.zaloOa, db: deps.db, protector: deps.protector, logger: deps.logger });
    const db = deps.db;
    senders.push(createZaloOaSender(createZaloOaClient({ config: config.zaloOa, tokens }), { trackZns: (trackingId, key) => recordZnsTracking(db, trackingId, key) }));
  }
  if (config.zaloBot) senders.push(createZaloBotSender(config.zaloBot));
  return senders;
}

/** Zalo OA's rules around a send (48-hour window and fallback, quotas, night bans), when the OA is configured. */
export function createSendGate(config: Config, db: Db): SendGate | undefined {
  if (!config.zaloOa) return undefined;
  return createZaloOaGate({ db, reach: reachOf(config), timezone: config.timezone, proactiveDailyQuota: config.zaloOa.proactiveDailyQuota });
}

/**
 * Starts dispatching the outbox every second (undefined when no channel can send). One loop
 * per process: rate limits are kept in memory, so two processes would each use the full rate.
 */
export function startOutboxDispatch(
  config: Config,
  deps: { db: Db; protector: Protector; t: Translator; logger: Logger },
  tuning: DispatchTuning = {},
): DispatchLoop | undefined {
  const senders = createSenders(config, deps);
  if (senders.length === 0) return undefined;
  const logger = deps.logger.child({ component: "outbox" });
  const { intervalMs = 1_000, ...rest } = tuning;
  const dispatcher = createDispatcher({
    ...deps,
    ...rest,
    logger,
    senders,
    defaultLocale: config.defaultLocale,
    timezone: config.timezone,
    quietHours: config.quietHours,
    gate: createSendGate(config, deps.db),
  });
  logger.info("outbox.dispatch_started", { channels: senders.map((s) => s.channel), intervalMs });
  return startDispatchLoop({ dispatcher, logger, intervalMs });
}
