/** @module Zalo OA webhooks: verified events → the conversation core, contact state, delivery receipts. */
import type { ZaloOaConfig } from "../../config";
import type { Store } from "../../core/store";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import { createInboundReceiver } from "../../core/conversation/receive-inbound";
import { applyDeliveryReport } from "../../core/outbox/delivery-report";
import { applyZnsDelivery } from "../../core/zns/zns-tracking";
import { applyFollowEvent } from "../../core/conversation/follow-state";
import { parseJsonKeepingIds } from "./json";
import { zaloOaEnvelopeSchema, zaloOaEventSchema, type ZaloOaEvent } from "./schemas";
import { verifyZaloOaSignature } from "./signature";

export interface ZaloOaInboundDeps {
  config: ZaloOaConfig;
  db: Store;
  logger: Logger;
  /** The conversation core. */
  handle(message: InboundMessage): Promise<Reply[]>;
  now?: () => Date;
  /** Events older than this are refused (default 24 h); tests may shorten it. */
  maxEventAgeMs?: number;
}

/**
 * Zalo retries an unanswered event on a ladder of about 30 s → 1 h for up to ~12 h, so a
 * genuine event can arrive hours late after an outage; a day covers that with margin. An
 * older event (a replayed 2020 `unfollow`) is refused. Timestamps ahead of our clock by more
 * than the skew allowance are refused too (they would pin follow/unfollow order).
 */
export const ZALO_MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export interface ZaloWebhookRequest {
  headers: Headers;
  /** The body exactly as received: the signature covers these bytes. */
  body: string;
}

export type ZaloOaOutcome = { status: 401 | 400 } | { status: 200; result: "handled" | "duplicate" | "ignored" | "stale" };

/**
 * Handles one OA webhook call. The signature is checked on the raw body first; a forged or
 * altered event gets 401 and changes nothing. Replies are only queued (the outbox sends them),
 * so the answer goes back well inside Zalo's ~2 s.
 */
export function createZaloOaInbound(deps: ZaloOaInboundDeps) {
  const now = deps.now ?? (() => new Date());
  const receive = createInboundReceiver({ db: deps.db, handle: deps.handle, now });

  return async function handleWebhook(request: ZaloWebhookRequest): Promise<ZaloOaOutcome> {
    const signature = request.headers.get("x-zevent-signature");
    if (!(await verifyZaloOaSignature(signature, request.body, deps.config.appId, deps.config.oaSecretKey))) {
      deps.logger.warn("zalo_oa.webhook_refused", {});
      return { status: 401 };
    }
    let raw: unknown;
    try {
      raw = parseJsonKeepingIds(request.body);
    } catch {
      return { status: 400 };
    }
    const envelope = zaloOaEnvelopeSchema.safeParse(raw);
    if (!envelope.success || envelope.data.app_id !== deps.config.appId) return { status: 400 };
    const eventAt = Number(envelope.data.timestamp);
    const age = now().getTime() - eventAt;
    if (age > (deps.maxEventAgeMs ?? ZALO_MAX_EVENT_AGE_MS) || age < -MAX_CLOCK_SKEW_MS) {
      // Answered 200, not 4xx: Zalo retries any non-200 for hours (and may disable the webhook),
      // and a stale event never becomes fresh, so refusing it with an error only brings it back.
      deps.logger.warn("zalo_oa.event_stale", { event: envelope.data.event_name, eventAt: new Date(eventAt).toISOString(), ageSeconds: Math.round(age / 1000) });
      return { status: 200, result: "stale" };
    }
    const event = zaloOaEventSchema.safeParse(raw);
    if (!event.success) {
      // Events we do not use (seen, stickers, template status…) are acknowledged so Zalo stops resending.
      deps.logger.debug("zalo_oa.event_ignored", { event: envelope.data.event_name });
      return { status: 200, result: "ignored" };
    }
    return { status: 200, result: await dispatch(event.data) };
  };

  async function dispatch(event: ZaloOaEvent): Promise<"handled" | "duplicate" | "ignored"> {
    const at = now();
    switch (event.event_name) {
      case "user_send_text":
        return receiveText(event, at);
      case "follow":
      case "unfollow": {
        // Unfollowing is Zalo's block: nothing more is sent to that identity until they follow again.
        // Applied in the order the person acted, not the order events reach us.
        const applied = await applyFollowEvent(deps.db, { channel: "zalo_oa", externalKey: event.follower.id, following: event.event_name === "follow", at: new Date(Number(event.timestamp)) });
        if (!applied) deps.logger.info("zalo_oa.follow_event_skipped", { event: event.event_name, reason: "not newer than the last applied" });
        return applied ? "handled" : "duplicate";
      }
      case "user_received_message": {
        const deliveredAt = event.message.delivery_time ? new Date(Number(event.message.delivery_time)) : at;
        // ZNS events carry our tracking_id (the outbox key); CS receipts only Zalo's msg_id.
        const tracked = event.message.tracking_id ? await applyZnsDelivery(deps.db, { trackingId: event.message.tracking_id, at: deliveredAt }) : false;
        const changed = tracked || (await applyDeliveryReport(deps.db, { channel: "zalo_oa", providerMessageId: event.message.msg_id, status: "delivered", at: deliveredAt }));
        return changed ? "handled" : "ignored";
      }
    }
  }

  async function receiveText(event: Extract<ZaloOaEvent, { event_name: "user_send_text" }>, at: Date): Promise<"handled" | "duplicate"> {
    const externalId = event.message.msg_id;
    const userId = event.sender.id;
    const receivedAt = new Date(Number(event.timestamp));
    return receive({
      message: { channel: "zalo_oa", senderId: userId, text: event.message.text, updateId: externalId, receivedAt: Number.isNaN(receivedAt.getTime()) ? at : receivedAt },
      externalId,
      payloadOf: (replies) => replies.map((reply) => ({ text: reply.text, chatId: userId, buttons: reply.buttons })),
      // Zalo's free-reply window counts from the user's last message.
      touchIdentity: true,
    });
  }
}
