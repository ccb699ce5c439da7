import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, consents, contacts, type Channel } from "../../db/schema";
import type { DueCard } from "./due-cards";

export type Recipient =
  | { kind: "identity"; channel: Channel; contactId: number; identityId: number; locale: string }
  | { kind: "roster_phone"; phoneEnc: string; phoneIdx: string }
  | { kind: "opted_out" }
  | { kind: "none" };

/**
 * Who hears about a household's due cards: the chat channel a member subscribed on (consent
 * for the card or household), else SMS to a roster phone when SMS is configured. A person
 * who opted out (HUY from that phone, STOP in chat) hears nothing, whichever way.
 */
export async function householdRecipient(db: Db, members: readonly DueCard[], options: { smsEnabled: boolean }): Promise<Recipient> {
  const personIds = members.map((m) => m.personId);
  const householdIds = [...new Set(members.map((m) => m.householdId).filter((h): h is number => h !== null))];
  const subscribed = await db.orm
    .select({ contactId: contacts.id, locale: contacts.locale, optedOutAt: contacts.optedOutAt, withdrawnAt: consents.withdrawnAt, channel: consents.channel, identityId: channelIdentities.id, blockedAt: channelIdentities.blockedAt })
    .from(consents)
    .innerJoin(contacts, eq(contacts.id, consents.contactId))
    .innerJoin(channelIdentities, and(eq(channelIdentities.contactId, contacts.id), eq(channelIdentities.channel, consents.channel)))
    .where(
      and(
        eq(consents.purpose, "expiry_reminders"),
        or(inArray(consents.personId, personIds), householdIds.length ? inArray(consents.householdId, householdIds) : undefined),
      ),
    );
  const usable = subscribed.find((s) => !s.withdrawnAt && !s.optedOutAt && !s.blockedAt);
  if (usable) return { kind: "identity", channel: usable.channel, contactId: usable.contactId, identityId: usable.identityId, locale: usable.locale };
  // A withdrawn consent or an opt-out stops reminders on every channel, the roster phone included.
  if (subscribed.some((s) => s.withdrawnAt || s.optedOutAt)) return { kind: "opted_out" };
  const withPhone = members.find((m) => m.phoneIdx && m.phoneEnc);
  if (!withPhone) return { kind: "none" };
  const [phoneIdentity] = await db.orm
    .select({ optedOutAt: contacts.optedOutAt, blockedAt: channelIdentities.blockedAt })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(and(eq(channelIdentities.channel, "sms"), eq(channelIdentities.externalKey, withPhone.phoneIdx!)));
  if (phoneIdentity?.optedOutAt) return { kind: "opted_out" };
  return options.smsEnabled ? { kind: "roster_phone", phoneEnc: withPhone.phoneEnc!, phoneIdx: withPhone.phoneIdx! } : { kind: "none" };
}
