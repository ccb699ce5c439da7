import type { ZaloBotConfig } from "../../config";
import type { ChannelSender, SendResult } from "../../core/outbox/types";
import { callProvider, isFailure, joinUrl, parseRetryAfter } from "../sms/provider-http";
import { parseJsonKeepingIds } from "../zalo/json";
import { renderChoices, splitText } from "../zalo/render-text";
import { zaloBotResponseSchema } from "./bot-schemas";

/** `sendMessage` text is 1–2000 characters. */
export const ZALO_BOT_MAX_TEXT = 2000;
/** Undocumented; Telegram-like pacing keeps us polite. */
export const ZALO_BOT_LIMITS = { perSecond: 20, perRecipientPerSecond: 1 } as const;

type Failure = Extract<SendResult, { ok: false }>;

/** The Bot API's error code (HTTP status or `error_code`) as an outbox decision, as for Telegram. */
export function zaloBotFailure(code: number, retryAfterSeconds?: number): Failure {
  if (code === 429) return { ok: false, retryable: true, code: "rate_limited", httpStatus: code, retryAfterSeconds: retryAfterSeconds ?? 30 };
  if (code === 403) return { ok: false, retryable: false, code: "blocked", httpStatus: code, blocked: true };
  if (code === 401 || code === 404) return { ok: false, retryable: true, code: "auth", httpStatus: code };
  if (code >= 500 || code === 408) return { ok: false, retryable: true, code: `http_${code}`, httpStatus: code };
  return { ok: false, retryable: false, code: "bad_request", httpStatus: code };
}

/** The outbox's `zalo_bot` channel: `POST {root}/bot<token>/sendMessage`, long text in parts. */
export function createZaloBotSender(config: ZaloBotConfig, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): ChannelSender {
  const url = joinUrl(config.apiRoot, `/bot${config.token}/sendMessage`);
  const fetchFn = options.fetch ?? fetch;
  async function sendPart(chatId: string, text: string): Promise<SendResult> {
    const res = await callProvider(fetchFn, url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chat_id: chatId, text }) }, options.timeoutMs ?? 15_000);
    if (isFailure(res)) return res;
    let body: ReturnType<typeof zaloBotResponseSchema.safeParse> | undefined;
    try {
      body = zaloBotResponseSchema.safeParse(parseJsonKeepingIds(res.text));
    } catch {
      body = undefined;
    }
    if (res.status === 200 && body?.success && body.data.ok) return { ok: true, providerMessageId: `${chatId}:${body.data.result?.message_id ?? ""}` };
    const code = body?.success && body.data.error_code ? body.data.error_code : res.status === 200 ? 500 : res.status;
    return zaloBotFailure(code, parseRetryAfter(res.headers.get("retry-after")));
  }
  return {
    channel: "zalo_bot",
    limits: ZALO_BOT_LIMITS,
    async send(message) {
      let first: string | undefined;
      for (const part of splitText(renderChoices(message.text, message.buttons), ZALO_BOT_MAX_TEXT)) {
        const result = await sendPart(message.to, part);
        if (!result.ok) return result;
        first ??= result.providerMessageId;
      }
      return { ok: true, providerMessageId: first! };
    },
  };
}
