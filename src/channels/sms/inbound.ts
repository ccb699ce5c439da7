/** @module Inbound SMS: verified webhooks → the conversation core; replies → the outbox. */
import type { Store } from "../../core/store";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import { createInboundReceiver } from "../../core/conversation/receive-inbound";
import { applyDeliveryReport } from "../../core/outbox/delivery-report";
import type { Protector } from "../../core/privacy/protector";
import { isDeniedSender } from "../../core/sms/deny-list";
import { renderSmsText } from "./sms-sender";
import type { SmsProvider, SmsWebhookEvent, SmsWebhookRequest } from "./types";

export interface SmsInboundDeps {
  provider: SmsProvider;
  db: Store;
  protector: Protector;
  logger: Logger;
  /** The conversation core. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /** Gateway numbers and short codes (`senderKey` form) whose SMS are ignored: answering them loops. */
  denySenders?: readonly string[];
  now?: () => Date;
}

/** A reply may take more parts than a reminder: an officer asked for it (a ranking, a summary). */
export const SMS_REPLY_SEGMENTS = 4;

export type SmsWebhookOutcome = { status: 401 } | { status: 400 } | { status: 200; inbound: number; duplicates: number; reports: number; ignored: number };

/**
 * Handles one webhook call. The signature is checked on the raw request before anything is
 * parsed; a bad one gets 401 and changes nothing. Each inbound SMS is processed once per
 * provider event id: its replies are enqueued in the same atomic unit that records the id,
 * so a redelivered webhook neither re-runs the core nor queues the replies twice.
 */
export function createSmsInbound(deps: SmsInboundDeps) {
  const now = deps.now ?? (() => new Date());
  const receiveTurn = createInboundReceiver({ db: deps.db, handle: deps.handle, now });
  return async function handleWebhook(request: SmsWebhookRequest): Promise<SmsWebhookOutcome> {
    if (!(await deps.provider.verifyWebhook(request, now()))) {
      deps.logger.warn("sms.webhook_refused", { provider: deps.provider.name });
      return { status: 401 };
    }
    let events: SmsWebhookEvent[];
    try {
      events = deps.provider.parseWebhook(request);
    } catch (err) {
      deps.logger.warn("sms.webhook_unreadable", { provider: deps.provider.name, err });
      return { status: 400 };
    }
    const outcome = { status: 200 as const, inbound: 0, duplicates: 0, reports: 0, ignored: 0 };
    for (const event of events) {
      if (event.kind === "status") {
        if (await applyDeliveryReport(deps.db, { channel: "sms", providerMessageId: event.providerMessageId, status: event.status, errorCode: event.errorCode, at: now() })) outcome.reports += 1;
        continue;
      }
      if (isDeniedSender(event.from, deps.denySenders ?? [])) {
        deps.logger.info("sms.inbound_denied", { provider: deps.provider.name });
        outcome.ignored += 1;
        continue;
      }
      if (await receive(event)) outcome.inbound += 1;
      else outcome.duplicates += 1;
    }
    return outcome;
  };

  async function receive(event: Extract<SmsWebhookEvent, { kind: "inbound" }>): Promise<boolean> {
    const externalId = `${deps.provider.name}:${event.eventId}`;
    const result = await receiveTurn({
      message: { channel: "sms", senderId: event.from, text: event.text, updateId: externalId, receivedAt: event.receivedAt ?? now() },
      externalId,
      // The number is stored sealed; the dispatcher opens it just for the send.
      payloadOf: async (replies) => {
        const toEnc = await deps.protector.seal(event.from);
        return replies.map((reply) => ({ text: renderSmsText(reply.text, reply.buttons), toEnc, maxSegments: reply.smsMaxParts ?? SMS_REPLY_SEGMENTS }));
      },
    });
    return result === "handled";
  }
}
