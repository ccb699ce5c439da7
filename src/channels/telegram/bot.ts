/** @module Telegram adapter: turns grammY updates into InboundMessages; replies go through the outbox (telegram-sender.ts renders them). */
import { Bot, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConfig } from "../../config";
import type { Logger } from "../../logger";
import type { InboundMessage } from "../../core/conversation/types";
import type { InboundResult, InboundTurn } from "../../core/conversation/receive-inbound";
import { chatReplyPayload } from "../../core/conversation/reply-outbox";

/** The Bot API client's HTTP (grammY's `client.fetch`); each entry may inject its runtime's fastest. */
export type BotApiFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface TelegramBotDeps {
  config: TelegramConfig;
  logger: Logger;
  /**
   * The inbound use case: de-duplicates on the update id, runs the conversation, and commits
   * its replies to the outbox with the update's effects (then sends them at once when it can).
   */
  receive(turn: InboundTurn): Promise<InboundResult>;
  /** Records a failed update as processed, so Telegram's redelivery does not fail it again. */
  markSeen(updateId: string, at: Date): Promise<void>;
  /** "Something went wrong, please try again" in the sender's language. */
  apology(languageHint?: string): string;
  /** The clock for updates that carry no date of their own (button presses); tests fix it. */
  now?: () => Date;
  /** Defaults to grammY's own (node-fetch on Node, fetch on Workers). */
  fetch?: BotApiFetch;
}

export function createTelegramBot(deps: TelegramBotDeps): Bot {
  // botInfo from config: no getMe call per cold start (Workers) or per test.
  const botInfo: UserFromGetMe = {
    id: Number(deps.config.token.split(":")[0]),
    is_bot: true,
    first_name: deps.config.username,
    username: deps.config.username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
  // grammY types `fetch` as node-fetch's; it only calls it with a URL and init and reads `json()`.
  const client = { apiRoot: deps.config.apiRoot, ...(deps.fetch ? { fetch: deps.fetch as never } : {}) };
  const bot = new Bot(deps.config.token, { botInfo, client });
  const now = deps.now ?? (() => new Date());

  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      // A poison update (one that always fails) must not be retried by Telegram forever and
      // block the chat: log it without its text, apologise once, and mark it processed.
      // Nothing of it was committed (the conversation and its replies commit together).
      deps.logger.error("telegram.update_failed", { updateId: ctx.update.update_id, err });
      const chatId = ctx.chat?.id ?? ctx.from?.id;
      if (chatId !== undefined) await ctx.api.sendMessage(chatId, deps.apology(ctx.from?.language_code)).catch(() => undefined);
      await deps.markSeen(String(ctx.update.update_id), now());
    }
  });

  bot.on("message:text", async (ctx) => {
    await receive(ctx, { text: ctx.message.text }, new Date(ctx.message.date * 1000));
  });

  bot.on("callback_query:data", async (ctx) => {
    // Stops the button's spinner even if handling fails below.
    await ctx.answerCallbackQuery().catch(() => undefined);
    await receive(ctx, { action: ctx.callbackQuery.data }, now());
  });

  async function receive(ctx: Context, content: { text?: string; action?: string }, receivedAt: Date) {
    const chatId = String(ctx.chat?.id ?? ctx.from!.id);
    const result = await deps.receive({
      message: inbound(ctx, content, receivedAt),
      externalId: String(ctx.update.update_id),
      payloadOf: (replies) => replies.map((reply) => chatReplyPayload(reply, chatId)),
    });
    if (result === "duplicate") deps.logger.info("telegram.duplicate_update", { updateId: ctx.update.update_id });
  }

  return bot;
}

function inbound(ctx: Context, content: { text?: string; action?: string }, receivedAt: Date): InboundMessage {
  const from = ctx.from!;
  return {
    channel: "telegram",
    senderId: String(from.id),
    ...content,
    languageHint: from.language_code,
    displayName: [from.first_name, from.last_name].filter(Boolean).join(" "),
    updateId: String(ctx.update.update_id),
    receivedAt,
  };
}
