import { and, eq, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, consents, contacts, type Channel } from "../../db/schema";
import { isUsable, phoneRoutes as configuredPhoneRoutes, type PhoneRoute, type Reach, type RouteChannel } from "../outbox/routes";
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

/** What choosing a recipient reads of a due card (the planner holds no more than this). */
export type RecipientCard = Pick<DueCard, "personId" | "householdId" | "phoneEnc" | "phoneIdx">;

export interface RecipientOptions<K> {
  /** Legacy switch, used when `reach` is not given: any subscription, else SMS to the roster phone. */
  smsEnabled: boolean;
  /** Which channels may carry the message here, in `REMINDER_CHANNEL_ORDER`. */
  reach?: Reach;
  /**
   * Phone routes that can carry each household's message, in order (ZNS only with an approved
   * template for it); without an entry, SMS alone when configured.
   */
  phoneRoutes?: ReadonlyMap<K, readonly PhoneRoute[] | undefined>;
}

/**
 * Ids or keys per statement. They travel as one JSON parameter read through `json_each`, so a
 * chunk costs one bound parameter (D1 allows 100) and one statement however many it holds.
 */
const KEYS_PER_QUERY = 1000;

type Subscription = { consentId: number; personId: number | null; householdId: number | null; contactId: number; locale: string; optedOutAt: Date | null; withdrawnAt: Date | null; channel: Channel; identityId: number; blockedAt: Date | null };

/** `column in (…values)` with the values as a single JSON parameter. */
const inJson = (column: SQLWrapper, values: readonly (string | number)[]) =>
  sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;

const subscriptionKey = (s: Subscription) => `${s.consentId}:${s.identityId}`;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += KEYS_PER_QUERY) out.push(items.slice(i, i + KEYS_PER_QUERY));
  return out;
}

/**
 * Who hears about each household's due cards: the chat channel a member subscribed on first
 * (consent for the card or household) among those usable here; else the roster phone, by the
 * first phone route in the configured order (ZNS, SMS). A person who opted out (HUY from that
 * phone, STOP in chat) hears nothing, whichever way. The roster phone rides along with a chat
 * recipient so the outbox can fall back to it (Zalo's 48-hour window).
 *
 * Batched for the daily planner: consents for every household at once (a few statements per
 * thousand people), then the SMS opt-outs of the roster phones that would be used, instead of
 * one or two queries per household.
 */
export async function householdRecipients<K>(db: Db, households: ReadonlyMap<K, readonly RecipientCard[]>, options: RecipientOptions<K>): Promise<Map<K, Recipient>> {
  const reach = options.reach;
  const personIds = new Set<number>();
  const householdIds = new Set<number>();
  for (const members of households.values()) {
    for (const m of members) {
      personIds.add(m.personId);
      if (m.householdId !== null) householdIds.add(m.householdId);
    }
  }
  const byPerson = new Map<number, Subscription[]>();
  const byHousehold = new Map<number, Subscription[]>();
  const file = (map: Map<number, Subscription[]>, key: number | null, s: Subscription) => {
    if (key !== null) map.set(key, [...(map.get(key) ?? []), s]);
  };
  const seen = new Set<string>();
  const lookups: SQL[] = [...chunks([...personIds]).map((ids) => inJson(consents.personId, ids)), ...chunks([...householdIds]).map((ids) => inJson(consents.householdId, ids))];
  for (const filter of lookups) {
    const rows = await db.orm
      .select({ consentId: consents.id, personId: consents.personId, householdId: consents.householdId, contactId: contacts.id, locale: contacts.locale, optedOutAt: contacts.optedOutAt, withdrawnAt: consents.withdrawnAt, channel: consents.channel, identityId: channelIdentities.id, blockedAt: channelIdentities.blockedAt })
      .from(consents)
      .innerJoin(contacts, eq(contacts.id, consents.contactId))
      .innerJoin(channelIdentities, and(eq(channelIdentities.contactId, contacts.id), eq(channelIdentities.channel, consents.channel)))
      .where(and(eq(consents.purpose, "expiry_reminders"), filter));
    for (const s of rows) {
      // A consent for both a person and a household comes back from both look-ups: keep one.
      if (seen.has(subscriptionKey(s))) continue;
      seen.add(subscriptionKey(s));
      file(byPerson, s.personId, s);
      file(byHousehold, s.householdId, s);
    }
  }

  const result = new Map<K, Recipient>();
  const needPhoneCheck = new Map<K, RecipientCard>();
  for (const [key, members] of households) {
    // Most households subscribed nowhere (a catch-up day: a hundred thousand): no map, no sort.
    let subscribed: Map<string, Subscription> | undefined;
    for (const m of members) {
      const own = byPerson.get(m.personId);
      const home = m.householdId !== null ? byHousehold.get(m.householdId) : undefined;
      if (own) for (const s of own) (subscribed ??= new Map()).set(subscriptionKey(s), s);
      if (home) for (const s of home) (subscribed ??= new Map()).set(subscriptionKey(s), s);
    }
    const ordered = subscribed ? [...subscribed.values()].sort((a, b) => a.consentId - b.consentId || a.identityId - b.identityId) : [];
    const withPhone = members.find((m) => m.phoneIdx && m.phoneEnc);
    const usable = ordered.find((s) => !s.withdrawnAt && !s.optedOutAt && !s.blockedAt && (!reach || isUsable(reach, s.channel as RouteChannel)));
    if (usable) {
      const phone = withPhone ? { phone: { phoneEnc: withPhone.phoneEnc!, phoneIdx: withPhone.phoneIdx! } } : {};
      result.set(key, { kind: "identity", channel: usable.channel, contactId: usable.contactId, identityId: usable.identityId, locale: usable.locale, ...phone });
      continue;
    }
    // A withdrawn consent or an opt-out stops reminders on every channel, the roster phone included.
    if (ordered.some((s) => s.withdrawnAt || s.optedOutAt)) {
      result.set(key, { kind: "opted_out" });
      continue;
    }
    if (!withPhone) result.set(key, { kind: "none" });
    else needPhoneCheck.set(key, withPhone);
  }

  // Someone who answered HUY from a roster phone has an SMS identity, opted out, under that phone's blind index.
  const optedOutPhones = new Set<string>();
  const phones = [...new Set([...needPhoneCheck.values()].map((m) => m.phoneIdx!))];
  for (const keys of chunks(phones)) {
    const rows = await db.orm
      .select({ phoneIdx: channelIdentities.externalKey })
      .from(channelIdentities)
      .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
      .where(and(eq(channelIdentities.channel, "sms"), inJson(channelIdentities.externalKey, keys), isNotNull(contacts.optedOutAt)));
    for (const r of rows) optedOutPhones.add(r.phoneIdx);
  }
  // Without a template known for this message, ZNS cannot carry it: only SMS is left.
  const fallbackRoutes: readonly PhoneRoute[] = reach ? configuredPhoneRoutes(reach).filter((r) => r === "sms") : options.smsEnabled ? ["sms"] : [];
  for (const [key, m] of needPhoneCheck) {
    if (optedOutPhones.has(m.phoneIdx!)) {
      result.set(key, { kind: "opted_out" });
      continue;
    }
    const via = (options.phoneRoutes?.get(key) ?? fallbackRoutes)[0];
    result.set(key, via ? { kind: "roster_phone", via, phoneEnc: m.phoneEnc!, phoneIdx: m.phoneIdx! } : { kind: "none" });
  }
  return result;
}

/** One household's recipient (campaigns ask one at a time); the same rules as the batch. */
export async function householdRecipient(
  db: Db,
  members: readonly RecipientCard[],
  options: { smsEnabled: boolean; reach?: Reach; phoneRoutes?: readonly PhoneRoute[] },
): Promise<Recipient> {
  const routes = options.phoneRoutes ? new Map([[0, options.phoneRoutes]]) : undefined;
  return (await householdRecipients(db, new Map([[0, members]]), { smsEnabled: options.smsEnabled, reach: options.reach, phoneRoutes: routes })).get(0)!;
}
