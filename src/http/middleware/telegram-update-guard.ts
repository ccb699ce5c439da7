/** @module Answers 200 to a Telegram webhook body that is not an update, so Telegram stops resending it. */
import type { MiddlewareHandler } from "hono";
import type { Logger } from "../../logger";
import { constantTimeEqual } from "../../core/auth/password-hash";

/**
 * grammY parses the body itself and a malformed one threw out of the handler as a 500, which
 * Telegram retries for as long as a day, like a poison update. Here a body with the right secret
 * that is not JSON, or not an object with a numeric `update_id`, is logged (without its text)
 * and acknowledged. A wrong secret still goes on to grammY's 401. The parsed JSON is cached on
 * the request, so grammY's own `c.req.json()` does not parse it twice.
 */
export function telegramUpdateGuard(secret: string, logger: Logger): MiddlewareHandler {
  const enc = new TextEncoder();
  return async (c, next) => {
    const header = c.req.header("x-telegram-bot-api-secret-token") ?? "";
    if (c.req.method !== "POST" || !constantTimeEqual(enc.encode(header), enc.encode(secret))) return next();
    let update: unknown;
    try {
      update = await c.req.json();
    } catch {
      update = undefined;
    }
    const id = typeof update === "object" && update !== null && !Array.isArray(update) ? (update as { update_id?: unknown }).update_id : undefined;
    if (typeof id !== "number" || !Number.isSafeInteger(id)) {
      logger.warn("telegram.malformed_update", { requestId: c.get("requestId"), bytes: c.req.header("content-length") });
      return c.json({ ok: true }, 200);
    }
    return next();
  };
}
