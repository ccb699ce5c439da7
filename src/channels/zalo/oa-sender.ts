import type { ChannelSender, OutboundMessage, SendResult } from "../../core/outbox/types";
import { normalizePhone } from "../../core/sms/phone";
import { sha256Hex } from "../sms/webhook-crypto";
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
export function createZaloOaSender(client: ZaloOaClient, options: { trackZns?: (trackingId: string, idempotencyKey: string) => Promise<void> } = {}): ChannelSender {
  return {
    channel: "zalo_oa",
    limits: ZALO_OA_LIMITS,
    async send(message) {
      if (message.template) return sendTemplate(client, message, options.trackZns);
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

/**
 * `tracking_id` is echoed on ZNS delivery events and should be ≤ 48 plain characters; our
 * idempotency keys have colons and may be longer, so a stable hash of the key is used.
 */
export async function znsTrackingId(idempotencyKey: string): Promise<string> {
  return /^[A-Za-z0-9_-]{1,48}$/.test(idempotencyKey) ? idempotencyKey : (await sha256Hex(idempotencyKey)).slice(0, 40);
}

async function sendTemplate(client: ZaloOaClient, message: OutboundMessage, track?: (trackingId: string, key: string) => Promise<void>): Promise<SendResult> {
  const phone = normalizePhone(message.to);
  if (!phone) return { ok: false, retryable: false, code: "bad_phone" };
  const { id, data } = message.template!;
  const trackingId = await znsTrackingId(message.idempotencyKey);
  // Recorded before the call: a delivery event may arrive before we have settled the row.
  await track?.(trackingId, message.idempotencyKey);
  return client.sendTemplate({ phone, template_id: id, template_data: data, tracking_id: trackingId });
}
