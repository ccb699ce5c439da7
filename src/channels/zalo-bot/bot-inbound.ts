/** @module Zalo Bot webhooks: secret-checked text events → the conversation core; replies → the outbox. */
import type { ZaloBotConfig } from "../../config";
import type { Store } from "../../core/store";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import { createInboundReceiver } from "../../core/conversation/receive-inbound";
import { secretsMatch } from "../../core/auth/secret-compare";
import { parseJsonKeepingIds } from "../zalo/json";
import type { ZaloWebhookRequest } from "../zalo/oa-inbound";
import { unwrapBotUpdate, zaloBotUpdateSchema } from "./bot-schemas";

export interface ZaloBotInboundDeps {
  config: ZaloBotConfig & { webhookSecret: string };
  db: Store;
  logger: Logger;
  handle(message: InboundMessage): Promise<Reply[]>;
  now?: () => Date;
}

export type ZaloBotOutcome = { status: 401 | 400 } | { status: 200; result: "handled" | "duplicate" | "ignored" };

/**
 * Handles one Bot webhook call: `X-Bot-Api-Secret-Token` compared in constant time before the
 * body is read; `message.text.received` reaches the core once per event and message id.
 */
export function createZaloBotInbound(deps: ZaloBotInboundDeps) {
  const now = deps.now ?? (() => new Date());
  const receive = createInboundReceiver({ db: deps.db, handle: deps.handle, now });
  return async function handleWebhook(request: ZaloWebhookRequest): Promise<ZaloBotOutcome> {
    const secret = request.headers.get("x-bot-api-secret-token");
    if (!secret || !secretsMatch(secret, deps.config.webhookSecret)) {
      deps.logger.warn("zalo_bot.webhook_refused", {});
      return { status: 401 };
    }
    let parsed: ReturnType<typeof zaloBotUpdateSchema.safeParse>;
    try {
      parsed = zaloBotUpdateSchema.safeParse(unwrapBotUpdate(parseJsonKeepingIds(request.body)));
    } catch {
      return { status: 400 };
    }
    if (!parsed.success) return { status: 400 };
    const update = parsed.data;
    if (update.event_name !== "message.text.received" || update.message.text === undefined) return { status: 200, result: "ignored" };
    const externalId = `${update.event_name}:${update.message.message_id}`;
    const date = Number(update.message.date);
    // The bot platform's `date` is in ms (seconds in older copies of the docs): guess by size.
    const receivedAt = Number.isFinite(date) && date > 0 ? new Date(date < 1e12 ? date * 1000 : date) : now();
    const chatId = update.message.chat.id;
    const result = await receive({
      message: { channel: "zalo_bot", senderId: update.message.from.id, text: update.message.text, displayName: update.message.from.display_name, updateId: externalId, receivedAt },
      externalId,
      payloadOf: (replies) => replies.map((reply) => ({ text: reply.text, chatId, buttons: reply.buttons })),
    });
    if (result === "duplicate") return { status: 200, result: "duplicate" };
    return { status: 200, result: "handled" };
  };
}
