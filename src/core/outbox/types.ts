import type { Channel } from "../../db/schema";

/**
 * What a channel answered to one send. `retryable` failures come back later (backoff, or
 * `retryAfterSeconds` when the platform said so); the others are final. `blocked` means the
 * person blocked us (Telegram 403): the identity is marked and nothing more is sent there.
 * `hold` means "not today" (a spent daily quota, a night ban): the message waits
 * `retryAfterSeconds` without using up an attempt and without slowing the whole channel.
 */
export type SendResult =
  | { ok: true; providerMessageId: string }
  | { ok: false; retryable: boolean; code: string; retryAfterSeconds?: number; httpStatus?: number; blocked?: boolean; hold?: boolean };

/** A rendered message for one recipient, as a channel sender receives it. */
export interface OutboundMessage {
  /** Telegram chat id, or the canonical phone (`84…`) for SMS. */
  to: string;
  text: string;
  /** Stable across retries: providers that de-duplicate (eSMS RequestId, SMSGate id) get it. */
  idempotencyKey: string;
  /** Gateways that queue (SMSGate) must not send after this either. */
  expiresAt?: Date;
  /** SMS only: how many parts the text may take (default 2). */
  maxSegments?: number;
  buttons?: { label: string; action: string }[][];
  /** Telegram only: a file or picture sent with `text` as its caption. */
  attachment?: OutboxAttachment;
  /** Zalo OA only: send as a ZNS / ZBS template to the phone in `to` instead of as text. */
  template?: ZnsTemplate;
}

/** A reply's file (the door-to-door XLSX) or picture (the progress chart), kept as base64 in the row. */
export interface OutboxAttachment {
  kind: "document" | "photo";
  base64: string;
  fileName: string;
  caption?: string;
}

/** An approved ZNS template and its parameters (values as strings, as Zalo wants them). */
export interface ZnsTemplate {
  id: string;
  data: Record<string, string>;
  /** A promotional (tag 3) template: Zalo allows it only 08:00–22:00. */
  promotional?: boolean;
  /**
   * Parameters filled at send time from the message's variables (the masked names, opened by
   * the dispatcher: see `namesOf`), so the outbox row holds no name in `data` either.
   */
  late?: { name: string; variable: string; maxLength?: number }[];
}

/** Limits the dispatcher paces a channel to (token bucket of one: evenly spaced sends, no bursts). */
export interface SendLimits {
  perSecond: number;
  /** Telegram: at most one message per second to the same chat. */
  perRecipientPerSecond?: number;
}

/** The port every channel implements for proactive delivery (Telegram via grammY, SMS via a provider). */
export interface ChannelSender {
  channel: Channel;
  limits: SendLimits;
  send(message: OutboundMessage): Promise<SendResult>;
}

/** What the planner (or a reply) puts in the outbox. */
export interface OutboxDraft {
  /** Same key, same message: enqueueing twice is a no-op. */
  idempotencyKey: string;
  channel: Channel;
  /** `officer…` purposes ignore quiet hours; everything else is for residents. */
  purpose: string;
  /** Fluent message id rendered in the contact's locale with `payload.vars`, unless `payload.text` is set. */
  templateKey: string;
  payload: OutboxPayload;
  contactId?: number;
  identityId?: number;
  /** Defaults to now. */
  notBefore?: Date;
  /** Past this the message is dropped, never sent late. */
  expiresAt?: Date;
}

/** The JSON payload of an outbox row, as the dispatcher reads it. */
export interface OutboxPayload extends Record<string, unknown> {
  /** Already rendered text (conversation replies); wins over the template. */
  text?: string;
  vars?: Record<string, string | number>;
  /** People whose masked names become `vars.names` at send time (see `maskedNamesOf`). */
  namesOf?: number[];
  /** Sealed recipient when there is no channel identity (an SMS reply to an unknown number). */
  toEnc?: string;
  /** Blind index of that phone: a HUY from it after planning still stops the message. */
  phoneIdx?: string;
  /** Telegram chat id when there is no channel identity. */
  chatId?: string;
  maxSegments?: number;
  buttons?: { label: string; action: string }[][];
  attachment?: OutboxAttachment;
  /** A Zalo OA row with a template goes out by phone (`toEnc`) as ZNS, not as CS text. */
  zns?: ZnsTemplate;
  /**
   * The roster phone (and, when one is approved, the ZNS template) a chat message falls back
   * to when its channel cannot carry it (Zalo's 48-hour window, -230/-232): the same row is
   * re-routed, so the idempotency key and the "sent once" promise stay.
   */
  fallback?: { toEnc: string; phoneIdx: string; zns?: ZnsTemplate };
  /** The channels this row went through before, and why it left each (`zalo_oa:window_closed`). */
  rerouted?: string[];
}

/** Purposes that start with this are for officers: quiet hours do not hold them. */
export const OFFICER_PURPOSE_PREFIX = "officer";

export function isOfficerPurpose(purpose: string): boolean {
  return purpose.startsWith(OFFICER_PURPOSE_PREFIX);
}
