/** @module Telegram channel: the grammY bot wired to the conversation core, for webhooks or polling. */
import type { Bot } from "grammy";
import type { TelegramConfig } from "../../config";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import type { ConversationDeps } from "../../core/conversation/conversation-deps";
import { createConversation } from "../../core/conversation/create-conversation";
import { markProcessed } from "../../core/conversation/inbound-dedup";
import { createInboundReceiver } from "../../core/conversation/receive-inbound";
import { createTelegramBot, type BotApiFetch } from "./bot";
import { negotiateLocale } from "../../i18n/translate";
import { createTelegramWebhook } from "./webhook";
import type { WebhookRequest, WebhookResponse } from "../types";
import type { RelayRequest } from "../../core/outbox/reply-relay";

export interface TelegramChannel {
  bot: Bot;
  /** POST /webhooks/telegram; checks X-Telegram-Bot-Api-Secret-Token (401 otherwise). */
  webhook?: (request: WebhookRequest) => Promise<WebhookResponse>;
}

export interface TelegramChannelDeps extends ConversationDeps {
  logger: Logger;
  /** The conversation core when the caller built it already (the registry builds one for every channel). */
  handle?: (message: InboundMessage) => Promise<Reply[]>;
  now?: () => Date;
  botFetch?: BotApiFetch;
  /** Starts sending committed replies at once (the dispatcher's `relay`); without it the dispatch loop sends them. */
  relay?(request: RelayRequest): void;
}

export function createTelegramChannel(config: TelegramConfig, deps: TelegramChannelDeps): TelegramChannel {
  const { db } = deps;
  const bot = createTelegramBot({
    config,
    logger: deps.logger,
    receive: createInboundReceiver({ db, handle: deps.handle ?? createConversation(deps), now: deps.now, relay: deps.relay }),
    markSeen: (id, at) => markProcessed(db, "telegram", id, at),
    apology: (hint) => deps.t(negotiateLocale(hint, deps.defaultLocale), "conv-internal-error"),
    now: deps.now,
    fetch: deps.botFetch,
  });
  // Polling mode (or no secret) → no webhook route at all, so grammY is never asked to poll
  // and serve webhooks at once.
  const webhook = config.mode === "webhook" && config.webhookSecret ? createTelegramWebhook(bot, config.webhookSecret, deps.logger) : undefined;
  return { bot, webhook };
}
