import type { SmsProviderName } from "../../config";
import type { SendResult } from "../../core/outbox/types";

export type { SmsProviderName };

export interface SmsSendRequest {
  /** Canonical phone, `84…`; each provider writes it the way its API wants. */
  to: string;
  text: string;
  /** Stable across retries; providers that de-duplicate requests get a value derived from it. */
  idempotencyKey: string;
  /** A gateway that queues (SMSGate) drops the message after this instead of sending it late. */
  expiresAt?: Date;
}

/** A webhook call as received, before any parsing: signatures are checked on these exact bytes. */
export interface SmsWebhookRequest {
  method: string;
  /** The URL the provider called, as it saw it (the public URL, for Twilio's signature). */
  url: string;
  headers: Headers;
  body: string;
}

export type SmsWebhookEvent =
  | {
      kind: "inbound";
      /** Unique per delivery of this message by the provider; retries repeat it. */
      eventId: string;
      /** Canonical phone of the sender. */
      from: string;
      text: string;
      receivedAt?: Date;
    }
  | { kind: "status"; providerMessageId: string; status: "sent" | "delivered" | "failed"; errorCode?: string };

/** What to answer a provider's webhook with once it has been handled. */
export interface WebhookAck {
  contentType: string;
  body: string;
}

/**
 * One SMS gateway behind one interface: sending, and reading its webhooks (inbound messages
 * and delivery reports). `verifyWebhook` runs before `parseWebhook`, on the raw request.
 */
export interface SmsProvider {
  name: SmsProviderName;
  send(request: SmsSendRequest): Promise<SendResult>;
  verifyWebhook(request: SmsWebhookRequest, now: Date): Promise<boolean>;
  /** Throws on a payload it cannot read; ignores events it has no use for (pings…). */
  parseWebhook(request: SmsWebhookRequest): SmsWebhookEvent[];
  ack: WebhookAck;
}
