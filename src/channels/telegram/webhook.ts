import type { Bot } from "grammy";
import type { Logger } from "../../logger";
import { secretsMatch } from "../../core/auth/secret-compare";
import type { WebhookRequest, WebhookResponse } from "../types";

/**
 * POST /webhooks/telegram without grammY's framework adapters (the Hono one double-encodes
 * webhook replies; none is needed: replies go out through the outbox). The secret header is
 * compared in constant time (401 otherwise). A body with the right secret that is not JSON, or
 * not an object with a numeric `update_id`, is logged without its text and acknowledged:
 * Telegram retries any non-2xx for up to a day, and a malformed body never becomes readable.
 */
export function createTelegramWebhook(bot: Bot, secret: string, logger: Logger) {
  return async function handle(request: WebhookRequest): Promise<WebhookResponse> {
    const header = request.headers.get("x-telegram-bot-api-secret-token") ?? "";
    if (!secretsMatch(header, secret)) return { status: 401, body: "secret token is wrong" };
    let update: unknown;
    try {
      update = JSON.parse(await request.text());
    } catch {
      update = undefined;
    }
    const id = typeof update === "object" && update !== null && !Array.isArray(update) ? (update as { update_id?: unknown }).update_id : undefined;
    if (typeof id !== "number" || !Number.isSafeInteger(id)) {
      logger.warn("telegram.malformed_update", { bytes: request.headers.get("content-length") ?? undefined });
      return { status: 200, body: '{"ok":true}', contentType: "application/json" };
    }
    // Failures inside the conversation are caught by the bot (logged, apologised, marked processed).
    await bot.handleUpdate(update as Parameters<Bot["handleUpdate"]>[0]);
    return { status: 200, body: "" };
  };
}
