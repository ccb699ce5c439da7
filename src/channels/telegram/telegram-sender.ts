import { Api, GrammyError, HttpError } from "grammy";
import type { TelegramConfig } from "../../config";
import type { ChannelSender, SendResult } from "../../core/outbox/types";

/** Bot API limits (FAQ): about 30 messages per second overall, one per second per chat. */
export const TELEGRAM_LIMITS = { perSecond: 30, perRecipientPerSecond: 1 } as const;

/** Telegram's hard limit on message text. */
const MAX_TEXT = 4096;

/** The outbox's Telegram channel: plain Bot API calls (no auto-retry plugin: the outbox is the retry). */
export function createTelegramSender(config: TelegramConfig, options: { timeoutSeconds?: number } = {}): ChannelSender {
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: options.timeoutSeconds ?? 15 });
  return {
    channel: "telegram",
    limits: TELEGRAM_LIMITS,
    async send(message) {
      const reply_markup = message.buttons
        ? { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.action }))) }
        : undefined;
      try {
        const sent = await api.sendMessage(message.to, message.text.slice(0, MAX_TEXT), { reply_markup });
        return { ok: true, providerMessageId: `${sent.chat.id}:${sent.message_id}` };
      } catch (err) {
        return telegramFailure(err);
      }
    },
  };
}

/**
 * 429 carries `parameters.retry_after`; 403 means the user blocked the bot (or deleted their
 * account): final, and the identity is marked. 400 (chat not found…) is final too; 401/404
 * are a bad token, 5xx and network errors transient.
 */
export function telegramFailure(err: unknown): Extract<SendResult, { ok: false }> {
  if (err instanceof GrammyError) {
    const httpStatus = err.error_code;
    if (httpStatus === 429) return { ok: false, retryable: true, code: "rate_limited", httpStatus, retryAfterSeconds: err.parameters.retry_after };
    if (httpStatus === 403) return { ok: false, retryable: false, code: "blocked", httpStatus, blocked: true };
    if (httpStatus === 400) return { ok: false, retryable: false, code: "bad_request", httpStatus };
    if (httpStatus === 401 || httpStatus === 404) return { ok: false, retryable: true, code: "auth", httpStatus };
    return { ok: false, retryable: true, code: `http_${httpStatus}`, httpStatus };
  }
  if (err instanceof HttpError) return { ok: false, retryable: true, code: "network" };
  throw err;
}
