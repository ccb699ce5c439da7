/** @module Telegram adapter: turns grammY updates into InboundMessages and Replies into Bot API calls. */
import { Bot, InputFile, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { TelegramConfig } from "../../config";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import { inlineKeyboard, TELEGRAM_MAX_CAPTION, TELEGRAM_MAX_TEXT, telegramFailure } from "./telegram-sender";

/**
 * How long one reply may take (grammY waits 500 s by default): a stuck Bot API call ends well
 * inside Telegram's webhook timeout, and the reply goes to the outbox instead.
 */
const REPLY_TIMEOUT_MS = 8_000;

/** The Bot API client's HTTP (grammY's `client.fetch`); each entry may inject its runtime's fastest. */
export type BotApiFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface TelegramBotDeps {
  config: TelegramConfig;
  logger: Logger;
  /** The conversation core. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /** True when this update was already processed (Telegram re-sends on any non-2xx). */
  seen(updateId: string): Promise<boolean>;
  /** Records the update as processed once replies are out (no-op if its effects recorded it). */
  markSeen(updateId: string, at: Date): Promise<void>;
  /**
   * Queues replies `from…` that could not be sent now (429, 5xx, timeout) in the outbox, in
   * order, not before `notBefore`; the dispatcher retries them. Without it they are lost.
   */
  defer?(input: { updateId: string; chatId: string; replies: Reply[]; from: number; notBefore: Date }): Promise<void>;
  /** "Something went wrong, please try again" in the sender's language. */
  apology(languageHint?: string): string;
  /** The clock for updates that carry no date of their own (button presses); tests fix it. */
  now?: () => Date;
  /** How long one reply may take before it goes to the outbox (default 8 s); tests shorten it. */
  replyTimeoutMs?: number;
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

  bot.use(async (ctx, next) => {
    const key = String(ctx.update.update_id);
    if (await deps.seen(key)) {
      deps.logger.info("telegram.duplicate_update", { updateId: ctx.update.update_id });
      return;
    }
    try {
      await next();
    } catch (err) {
      // A poison update (one that always fails) must not be retried by Telegram forever and
      // block the chat: log it without its text, apologise once, and mark it processed.
      deps.logger.error("telegram.update_failed", { updateId: ctx.update.update_id, err });
      const chatId = ctx.chat?.id ?? ctx.from?.id;
      if (chatId !== undefined) await ctx.api.sendMessage(chatId, deps.apology(ctx.from?.language_code)).catch(() => undefined);
    }
    await deps.markSeen(key, (deps.now ?? (() => new Date()))());
  });

  bot.on("message:text", async (ctx) => {
    const replies = await deps.handle(inbound(ctx, { text: ctx.message.text }, new Date(ctx.message.date * 1000)));
    await sendReplies(ctx, replies, deps);
  });

  bot.on("callback_query:data", async (ctx) => {
    // Stops the button's spinner even if handling fails below.
    await ctx.answerCallbackQuery().catch(() => undefined);
    const replies = await deps.handle(inbound(ctx, { action: ctx.callbackQuery.data }, (deps.now ?? (() => new Date()))()));
    await sendReplies(ctx, replies, deps);
  });

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

/**
 * Sends the replies in order. The first one the Bot API does not take (429, 5xx, a network
 * error or timeout) goes to the outbox with every reply after it, honouring `retry_after`:
 * the update's effects are already saved, so a send failure must never become "please try
 * again" (a retry would ask "add or replace?" and invite double counting). Final refusals
 * (400, 403 blocked) are logged and the rest is dropped, as the outbox would.
 */
async function sendReplies(ctx: Context, replies: Reply[], deps: TelegramBotDeps) {
  const chatId = ctx.chat?.id ?? ctx.from!.id;
  for (const [i, reply] of replies.entries()) {
    try {
      await sendReply(ctx, chatId, reply, deps.replyTimeoutMs ?? REPLY_TIMEOUT_MS);
    } catch (err) {
      const failure = classify(err);
      const fields = { updateId: ctx.update.update_id, code: failure.code, httpStatus: failure.httpStatus, retryAfterSeconds: failure.retryAfterSeconds, queued: replies.length - i };
      if (!failure.retryable || !deps.defer) {
        deps.logger.warn("telegram.reply_refused", fields);
        return;
      }
      const now = (deps.now ?? (() => new Date()))();
      const notBefore = new Date(now.getTime() + (failure.retryAfterSeconds ?? 0) * 1000);
      await deps.defer({ updateId: String(ctx.update.update_id), chatId: String(chatId), replies: replies.slice(i), from: i, notBefore });
      deps.logger.info("telegram.reply_deferred", fields);
      return;
    }
  }
}

async function sendReply(ctx: Context, chatId: number, reply: Reply, timeoutMs: number) {
  const reply_markup = inlineKeyboard(reply.buttons);
  // grammY types the signal as its abort-controller polyfill's; the platform one works at run time.
  const signal = AbortSignal.timeout(timeoutMs) as never;
  if (reply.document) {
    await ctx.api.sendDocument(chatId, new InputFile(reply.document.bytes, reply.document.fileName), { caption: reply.text.slice(0, TELEGRAM_MAX_CAPTION), reply_markup }, signal);
  } else if (reply.image) {
    await ctx.api.sendPhoto(chatId, new InputFile(reply.image.png, "tien-do.png"), { caption: (reply.image.caption ?? reply.text).slice(0, TELEGRAM_MAX_CAPTION), reply_markup }, signal);
  } else {
    await ctx.api.sendMessage(chatId, reply.text.slice(0, TELEGRAM_MAX_TEXT), { reply_markup }, signal);
  }
}

/** grammY's errors as the outbox classifies them; anything else (a timeout's abort) is transient. */
function classify(err: unknown) {
  try {
    return telegramFailure(err);
  } catch {
    return { ok: false as const, retryable: true, code: "network", httpStatus: undefined, retryAfterSeconds: undefined };
  }
}
