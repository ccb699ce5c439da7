/** @module Every configured channel's outbox sender, and the dispatcher built over them. */
import type { Config } from "../config";
import type { DispatcherDeps as CoreDispatcherDeps } from "../core/outbox/dispatcher";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import { createDispatcher, type Dispatcher, type DispatcherDeps } from "../core/outbox/dispatcher";
import type { ChannelSender } from "../core/outbox/types";
import { reachOf } from "../core/outbox/routes";
import type { SendGate } from "../core/outbox/send-gate";
import { createZaloOaGate } from "../core/outbox/zalo-oa-gate";
import { recordZnsTracking } from "../core/zns/zns-tracking";
import { createTelegramSender } from "./telegram/telegram-sender";
import type { BotApiFetch } from "./telegram/bot";
import { createSmsProvider } from "./sms/create-sms-provider";
import { createSmsSender } from "./sms/sms-sender";
import { createZaloOaClient } from "./zalo/oa-client";
import { createZaloOaSender } from "./zalo/oa-sender";
import { createZaloTokenStore } from "./zalo/token-store";
import { createZaloBotSender } from "./zalo-bot/bot-sender";

/** What senders with state of their own need (the Zalo OA token pair lives in the database). */
export interface SenderDeps {
  db: CoreDispatcherDeps["db"];
  protector: Protector;
  logger: Logger;
  /** The Telegram Bot API's HTTP (the Node entry injects node:http). */
  botFetch?: BotApiFetch;
}

/**
 * Senders for every configured channel (Telegram with a bot token, SMS with a provider, Zalo
 * Bot with its token; Zalo OA with its app id and `deps`, since its tokens are refreshed in the database).
 */
export function createSenders(config: Config, deps?: SenderDeps): ChannelSender[] {
  const senders: ChannelSender[] = [];
  if (config.telegram) senders.push(createTelegramSender(config.telegram, { fetch: deps?.botFetch }));
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
export function createSendGate(config: Config, db: CoreDispatcherDeps["db"]): SendGate | undefined {
  if (!config.zaloOa) return undefined;
  return createZaloOaGate({ db, reach: reachOf(config), timezone: config.timezone, proactiveDailyQuota: config.zaloOa.proactiveDailyQuota });
}

/** Tuning a caller may override; the defaults suit one process. */
export type DispatchTuning = Pick<DispatcherDeps, "concurrency" | "leaseMs" | "maxWaitMs" | "retry" | "now" | "sleep">;

/**
 * The outbox dispatcher over every configured channel (undefined when none can send). One per
 * process: rate limits are kept in it, so the dispatch loop and the webhooks' immediate replies
 * must share it, or each would use the full rate.
 */
export function createOutboxDispatcher(
  config: Config,
  deps: SenderDeps & { t: Translator },
  tuning: DispatchTuning = {},
  senders: ChannelSender[] = createSenders(config, deps),
): Dispatcher | undefined {
  if (senders.length === 0) return undefined;
  return createDispatcher({
    ...deps,
    ...tuning,
    logger: deps.logger.child({ component: "outbox" }),
    senders,
    defaultLocale: config.defaultLocale,
    timezone: config.timezone,
    quietHours: config.quietHours,
    gate: createSendGate(config, deps.db),
  });
}
