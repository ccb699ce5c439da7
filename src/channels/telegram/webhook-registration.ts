/** @module Registering our webhook with Telegram (`setWebhook`), used by `bhyt telegram set-webhook`. */
import { Api, GrammyError, HttpError } from "grammy";
import type { TelegramConfig } from "../../config";
import { AppError } from "../../errors";

/** The updates the bot handles; everything else would only cost requests. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Where the app listens (see app.ts). */
export const TELEGRAM_WEBHOOK_PATH = "/webhooks/telegram";

export interface WebhookInfo {
  url: string;
  pendingUpdateCount: number;
  lastErrorDate?: string;
  lastErrorMessage?: string;
}

/**
 * The URL Telegram will call: a bare origin (`https://bhyt.example.vn`) gets our webhook path;
 * a full URL is kept. Telegram only calls HTTPS URLs, so anything else is refused here
 * rather than by Telegram after a round trip.
 */
export function webhookUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new AppError("bad_request", "telegram-webhook-bad-url", { url: input.slice(0, 200) });
  }
  if (url.protocol !== "https:") throw new AppError("bad_request", "telegram-webhook-not-https", { url: url.origin });
  if (url.pathname === "/" || url.pathname === "") url.pathname = TELEGRAM_WEBHOOK_PATH;
  return url.toString();
}

function api(config: TelegramConfig) {
  return new Api(config.token, { apiRoot: config.apiRoot });
}

/** Telegram's refusal or an unreachable API, as a message in the user's language (never the token). */
function providerError(err: unknown): AppError {
  if (err instanceof GrammyError) return new AppError("provider_error", "telegram-webhook-refused", { code: err.error_code, detail: err.description.slice(0, 200) });
  if (err instanceof HttpError) return new AppError("provider_error", "telegram-webhook-unreachable", {});
  return err instanceof AppError ? err : new AppError("provider_error", "telegram-webhook-refused", { code: 0, detail: String(err).slice(0, 200) });
}

/**
 * Points Telegram at our webhook with the shared secret, so forged updates are refused
 * (app.ts checks `X-Telegram-Bot-Api-Secret-Token`). Without a secret we refuse to register:
 * anyone who guessed the URL could post updates as any officer.
 */
export async function setTelegramWebhook(config: TelegramConfig, input: string, options: { dropPendingUpdates?: boolean } = {}): Promise<{ url: string }> {
  if (!config.webhookSecret) throw new AppError("bad_request", "telegram-webhook-no-secret", {});
  const url = webhookUrl(input);
  try {
    await api(config).setWebhook(url, {
      secret_token: config.webhookSecret,
      allowed_updates: [...ALLOWED_UPDATES],
      drop_pending_updates: options.dropPendingUpdates ?? false,
    });
  } catch (err) {
    throw providerError(err);
  }
  return { url };
}

export async function telegramWebhookInfo(config: TelegramConfig): Promise<WebhookInfo> {
  try {
    const info = await api(config).getWebhookInfo();
    return {
      url: info.url ?? "",
      pendingUpdateCount: info.pending_update_count,
      lastErrorDate: info.last_error_date ? new Date(info.last_error_date * 1000).toISOString() : undefined,
      lastErrorMessage: info.last_error_message?.slice(0, 200),
    };
  } catch (err) {
    throw providerError(err);
  }
}
