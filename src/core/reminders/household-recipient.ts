import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, consents, contacts, type Channel } from "../../db/schema";
import { isUsable, phoneRoutes, type PhoneRoute, type Reach, type RouteChannel } from "../outbox/routes";
import type { DueCard } from "./due-cards";

/** A roster phone, sealed, with its blind index (a HUY from it stops everything). */
export interface RosterPhone {
  phoneEnc: string;
  phoneIdx: string;
}

export type Recipient =
  | { kind: "identity"; channel: Channel; contactId: number; identityId: number; locale: string; phone?: RosterPhone }
  | ({ kind: "roster_phone"; via: PhoneRoute } & RosterPhone)
  | { kind: "opted_out" }
  | { kind: "none" };

export interface RecipientOptions {
  /** Legacy switch, used when `reach` is not given: any subscription, else SMS to the roster phone. */
  smsEnabled: boolean;
  /** Which channels may carry the message here, in `REMINDER_CHANNEL_ORDER`. */
  reach?: Reach;
  /** Phone routes that can carry this message, in order (ZNS only with an approved template for it). */
  phoneRoutes?: readonly PhoneRoute[];
}

/**
 * Who hears about a household's due cards: the chat channel a member subscribed on first
 * (consent for the card or household) among those usable here; else the roster phone, by the
 * first phone route in the configured order (ZNS, SMS). A person who opted out (HUY from that
 * phone, STOP in chat) hears nothing, whichever way. The roster phone rides along with a chat
 * recipient so the outbox can fall back to it (Zalo's 48-hour window).
 */
export async function householdRecipient(db: Db, members: readonly DueCard[], options: RecipientOptions): Promise<Recipient> {
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
    )
    .orderBy(asc(consents.givenAt), asc(consents.id));
  const withPhone = members.find((m) => m.phoneIdx && m.phoneEnc);
  const phone = withPhone ? { phoneEnc: withPhone.phoneEnc!, phoneIdx: withPhone.phoneIdx! } : undefined;
  const reach = options.reach;
  const usable = subscribed.find((s) => !s.withdrawnAt && !s.optedOutAt && !s.blockedAt && (!reach || isUsable(reach, s.channel as RouteChannel)));
  if (usable) return { kind: "identity", channel: usable.channel, contactId: usable.contactId, identityId: usable.identityId, locale: usable.locale, ...(phone ? { phone } : {}) };
  // A withdrawn consent or an opt-out stops reminders on every channel, the roster phone included.
  if (subscribed.some((s) => s.withdrawnAt || s.optedOutAt)) return { kind: "opted_out" };
  if (!phone) return { kind: "none" };
  const [phoneIdentity] = await db.orm
    .select({ optedOutAt: contacts.optedOutAt })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(and(eq(channelIdentities.channel, "sms"), eq(channelIdentities.externalKey, phone.phoneIdx)));
  if (phoneIdentity?.optedOutAt) return { kind: "opted_out" };
  // Without a template known for this message, ZNS cannot carry it: only SMS is left.
  const routes = options.phoneRoutes ?? (reach ? phoneRoutes(reach).filter((r) => r === "sms") : options.smsEnabled ? ["sms" as const] : []);
  const via = routes[0];
  return via ? { kind: "roster_phone", via, ...phone } : { kind: "none" };
}
