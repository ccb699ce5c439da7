import type { ChannelSender } from "../../core/outbox/types";
import type { ZaloOaClient } from "./oa-client";
import { renderChoices, splitText } from "./render-text";

/** Zalo OA CS text limit per message. */
export const ZALO_OA_MAX_TEXT = 2000;

/**
 * About 4,000 OA API calls a minute per app (reported); we stay far below, and one message per
 * second per user keeps a multi-part reply in order.
 */
export const ZALO_OA_LIMITS = { perSecond: 20, perRecipientPerSecond: 1 } as const;

/**
 * The outbox's `zalo_oa` channel: CS text to a follower's user id, choices as numbered lines,
 * long text in parts. The first part's message id is kept: delivery receipts match on it.
 */
export function createZaloOaSender(client: ZaloOaClient): ChannelSender {
  return {
    channel: "zalo_oa",
    limits: ZALO_OA_LIMITS,
    async send(message) {
      let first: string | undefined;
      for (const part of splitText(renderChoices(message.text, message.buttons), ZALO_OA_MAX_TEXT)) {
        const result = await client.sendText(message.to, part);
        if (!result.ok) return result;
        first ??= result.providerMessageId;
      }
      return { ok: true, providerMessageId: first! };
    },
  };
}
