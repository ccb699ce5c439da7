/** @module Telegram channel: the grammY bot wired to the conversation core, for webhooks or polling. */
import { webhookCallback, type Bot } from "grammy";
import type { Context as HonoContext } from "hono";
import type { TelegramConfig } from "../../config";
import type { Logger } from "../../logger";
import type { ConversationDeps } from "../../core/conversation/conversation-deps";
import { createConversation } from "../../core/conversation/create-conversation";
import { markProcessed } from "../../core/conversation/inbound-dedup";
import { createInboundReceiver } from "../../core/conversation/receive-inbound";
import { createTelegramBot, type BotApiFetch } from "./bot";
import { negotiateLocale } from "../../i18n/translate";

export interface TelegramChannel {
  bot: Bot;
  /** Hono handler for POST /webhooks/telegram; checks X-Telegram-Bot-Api-Secret-Token (401 otherwise). */
  webhook?: (c: HonoContext) => Promise<Response>;
}

export interface TelegramChannelDeps extends ConversationDeps {
  logger: Logger;
  now?: () => Date;
  botFetch?: BotApiFetch;
  /** Sends committed replies at once (the dispatcher's `sendNow`); without it the dispatch loop sends them. */
  relay?(replyKeys: string[]): Promise<unknown>;
}

export function createTelegramChannel(config: TelegramConfig, deps: TelegramChannelDeps): TelegramChannel {
  const { db } = deps;
  const bot = createTelegramBot({
    config,
    logger: deps.logger,
    receive: createInboundReceiver({ db, handle: createConversation(deps), now: deps.now, relay: deps.relay, logger: deps.logger }),
    markSeen: (id, at) => markProcessed(db, "telegram", id, at),
    apology: (hint) => deps.t(negotiateLocale(hint, deps.defaultLocale), "conv-internal-error"),
    now: deps.now,
    fetch: deps.botFetch,
  });
  // Never grammY webhook replies with the hono adapter (it double-encodes them): replies go
  // out through the outbox as normal API calls. Polling mode (or no secret) → no webhook route
  // at all, so grammY is never asked to poll and serve webhooks at once.
  const webhook = config.mode === "webhook" && config.webhookSecret ? webhookCallback(bot, "hono", { secretToken: config.webhookSecret }) : undefined;
  return { bot, webhook: webhook as TelegramChannel["webhook"] };
}
