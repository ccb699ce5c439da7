import { channelIdentities, contacts, type Channel } from "../../../src/db/schema";
import type { Db } from "../../../src/db/client";
import type { Protector } from "../../../src/core/privacy/protector";
import type { ChannelSender, OutboundMessage, OutboxDraft, SendLimits, SendResult } from "../../../src/core/outbox/types";
import type { VirtualClock } from "../../helpers/virtual-clock";

/** A resident (or officer) contact reachable on one channel; SMS numbers are stored sealed, as in production. */
export async function addContact(
  db: Db,
  protector: Protector,
  options: { channel: Channel; address: string; kind?: "resident" | "officer"; locale?: string; optedOut?: Date },
): Promise<{ contactId: number; identityId: number }> {
  const [contact] = await db.orm
    .insert(contacts)
    .values({ kind: options.kind ?? "resident", locale: options.locale ?? "vi", optedOutAt: options.optedOut ?? null })
    .returning({ id: contacts.id });
  const sms = options.channel === "sms";
  const [identity] = await db.orm
    .insert(channelIdentities)
    .values({
      contactId: contact!.id,
      channel: options.channel,
      externalKey: sms ? await protector.blindIndex("phone", options.address) : options.address,
      addressEnc: sms ? await protector.seal(options.address) : null,
    })
    .returning({ id: channelIdentities.id });
  return { contactId: contact!.id, identityId: identity!.id };
}

export function draft(key: string, over: Partial<OutboxDraft> = {}): OutboxDraft {
  return { idempotencyKey: key, channel: "sms", purpose: "expiry-reminder", templateKey: "test", payload: { text: `message ${key}` }, ...over };
}

export interface SentCall extends OutboundMessage {
  at: number;
}

/** A sender that records each call with the virtual time it happened at and answers as scripted. */
export function fakeSender(
  channel: Channel,
  limits: SendLimits,
  clock: VirtualClock,
  answer: (message: OutboundMessage, n: number) => SendResult = (_m, n) => ({ ok: true, providerMessageId: `p-${n}` }),
): { sender: ChannelSender; calls: SentCall[] } {
  const calls: SentCall[] = [];
  return {
    calls,
    sender: {
      channel,
      limits,
      async send(message) {
        calls.push({ ...message, at: clock.nowMs() });
        return answer(message, calls.length - 1);
      },
    },
  };
}

/** Calls per simulated second, keyed by the second's start. */
export function perSecond(calls: { at: number }[]): number[] {
  const counts = new Map<number, number>();
  for (const c of calls) counts.set(Math.floor(c.at / 1000), (counts.get(Math.floor(c.at / 1000)) ?? 0) + 1);
  return [...counts.values()];
}
