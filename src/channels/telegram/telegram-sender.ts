import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { TelegramConfig } from "../../config";
import type { ChannelSender, SendResult } from "../../core/outbox/types";
import { fromBase64 } from "../../core/privacy/protector";

/** Bot API limits (FAQ): about 30 messages per second overall, one per second per chat. */
export const TELEGRAM_LIMITS = { perSecond: 30, perRecipientPerSecond: 1 } as const;

/** Telegram's hard limits on message text and on a file's or picture's caption. */
export const TELEGRAM_MAX_TEXT = 4096;
export const TELEGRAM_MAX_CAPTION = 1024;
const MAX_TEXT = TELEGRAM_MAX_TEXT;
const MAX_CAPTION = TELEGRAM_MAX_CAPTION;

/** The one Telegram keyboard renderer: reply buttons as an inline keyboard (callback data = action). */
export function inlineKeyboard(buttons?: { label: string; action: string }[][]) {
  return buttons ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.action }))) } : undefined;
}

/** The outbox's Telegram channel: plain Bot API calls (no auto-retry plugin: the outbox is the retry). */
export function createTelegramSender(config: TelegramConfig, options: { timeoutSeconds?: number; fetch?: (url: string | URL, init?: RequestInit) => Promise<Response> } = {}): ChannelSender {
  // grammY types `fetch` as node-fetch's; it only calls it with a URL and init and reads `json()`.
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: options.timeoutSeconds ?? 15, ...(options.fetch ? { fetch: options.fetch as never } : {}) });
  return {
    channel: "telegram",
    limits: TELEGRAM_LIMITS,
    async send(message) {
      const reply_markup = inlineKeyboard(message.buttons);
      try {
        const file = message.attachment;
        const sent = file
          ? file.kind === "document"
            ? await api.sendDocument(message.to, new InputFile(fromBase64(file.base64), file.fileName), { caption: (file.caption ?? message.text).slice(0, MAX_CAPTION), reply_markup })
            : await api.sendPhoto(message.to, new InputFile(fromBase64(file.base64), file.fileName), { caption: (file.caption ?? message.text).slice(0, MAX_CAPTION), reply_markup })
          : await api.sendMessage(message.to, message.text.slice(0, MAX_TEXT), { reply_markup });
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
