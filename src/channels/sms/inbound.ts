/** @module Inbound SMS: verified webhooks → the conversation core; replies → the outbox. */
import type { Db } from "../../db/client";
import { inboundUpdates } from "../../db/schema";
import type { Logger } from "../../logger";
import type { InboundMessage, Reply } from "../../core/conversation/types";
import { alreadyProcessed } from "../../core/conversation/inbound-dedup";
import { enqueueSteps } from "../../core/outbox/enqueue";
import { applyDeliveryReport } from "../../core/outbox/delivery-report";
import type { OutboxDraft } from "../../core/outbox/types";
import type { Protector } from "../../core/privacy/protector";
import { isDeniedSender } from "../../core/sms/deny-list";
import { renderSmsText } from "./sms-sender";
import type { SmsProvider, SmsWebhookEvent, SmsWebhookRequest } from "./types";

export interface SmsInboundDeps {
  provider: SmsProvider;
  db: Db;
  protector: Protector;
  logger: Logger;
  /** The conversation core. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /** Gateway numbers and short codes (`senderKey` form) whose SMS are ignored: answering them loops. */
  denySenders?: readonly string[];
  now?: () => Date;
}

/** Replies are conversation, not campaigns: never held by quiet hours, but pointless an hour late. */
export const SMS_REPLY_PURPOSE = "officer-reply";
export const SMS_REPLY_TTL_MS = 60 * 60_000;
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
    if (await alreadyProcessed(deps.db, "sms", externalId)) return false;
    const at = now();
    const replies = await deps.handle({ channel: "sms", senderId: event.from, text: event.text, updateId: externalId, receivedAt: event.receivedAt ?? at });
    // The number is stored sealed; the dispatcher opens it just for the send.
    const toEnc = replies.length > 0 ? await deps.protector.seal(event.from) : undefined;
    const drafts: OutboxDraft[] = replies.map((reply, i) => ({
      idempotencyKey: `sms-reply:${externalId}:${i}`,
      channel: "sms",
      purpose: SMS_REPLY_PURPOSE,
      templateKey: "sms-reply",
      payload: { text: renderSmsText(reply.text, reply.buttons), toEnc, maxSegments: SMS_REPLY_SEGMENTS },
      notBefore: at,
      expiresAt: new Date(at.getTime() + SMS_REPLY_TTL_MS),
    }));
    await deps.db.atomic([
      ...enqueueSteps(drafts, at),
      (tx) => tx.insert(inboundUpdates).values({ channel: "sms", externalId, receivedAt: at }).onConflictDoNothing(),
    ]);
    return true;
  }
}
