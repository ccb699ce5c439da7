/** @module Telegram channel: the grammY bot wired to the conversation core, for webhooks or polling. */
import { webhookCallback, type Bot } from "grammy";
import type { Context as HonoContext } from "hono";
import type { TelegramConfig } from "../../config";
import type { Logger } from "../../logger";
import type { ConversationDeps } from "../../core/conversation/conversation-deps";
import { createConversation } from "../../core/conversation/create-conversation";
import { alreadyProcessed, markProcessed } from "../../core/conversation/inbound-dedup";
import { createTelegramBot, type BotApiFetch } from "./bot";
import { negotiateLocale } from "../../i18n/translate";
import { deferChatReplies } from "../../core/conversation/reply-outbox";

export interface TelegramChannel {
  bot: Bot;
  /** Hono handler for POST /webhooks/telegram; checks X-Telegram-Bot-Api-Secret-Token (401 otherwise). */
  webhook?: (c: HonoContext) => Promise<Response>;
}

export function createTelegramChannel(config: TelegramConfig, deps: ConversationDeps & { logger: Logger; now?: () => Date; botFetch?: BotApiFetch; replyTimeoutMs?: number }): TelegramChannel {
  const { db } = deps;
  const bot = createTelegramBot({
    config,
    logger: deps.logger,
    handle: createConversation(deps),
    seen: (id) => alreadyProcessed(db, "telegram", id),
    markSeen: (id, at) => markProcessed(db, "telegram", id, at),
    defer: (input) => deferChatReplies(db, { channel: "telegram", externalId: input.updateId, chatId: input.chatId, replies: input.replies, from: input.from, at: (deps.now ?? (() => new Date()))(), notBefore: input.notBefore }),
    apology: (hint) => deps.t(negotiateLocale(hint, deps.defaultLocale), "conv-internal-error"),
    now: deps.now,
    fetch: deps.botFetch,
    replyTimeoutMs: deps.replyTimeoutMs,
  });
  // Never grammY webhook replies with the hono adapter (it double-encodes them): replies go
  // out as normal API calls. Polling mode (or no secret) → no webhook route at all, so grammY
  // is never asked to poll and serve webhooks at once.
  const webhook = config.mode === "webhook" && config.webhookSecret ? webhookCallback(bot, "hono", { secretToken: config.webhookSecret }) : undefined;
  return { bot, webhook: webhook as TelegramChannel["webhook"] };
}
