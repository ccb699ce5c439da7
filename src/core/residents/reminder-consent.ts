import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { channelIdentities, consents, contacts, outboxMessages, type Channel } from "../../db/schema";
import type { Protector } from "../privacy/protector";

export interface SubscribeInput {
  channel: Channel;
  /** The identity key (Telegram user id; blind index of the phone on SMS). */
  externalKey: string;
  /** Deliverable address when `externalKey` is a blind index (the phone); stored sealed. */
  address?: string;
  personId: number;
  householdId: number | null;
  locale: string;
  /** The exact sentence the resident agreed to, as shown (Law 91/2025/QH15 asks for it). */
  wording: string;
  now: Date;
}

/**
 * Records consent to expiry reminders for a verified card and its household, creating the
 * resident's contact and channel identity on first use. Idempotent: agreeing twice keeps one
 * active consent. A new consent lifts an earlier opt-out, since the person just asked for it.
 */
export async function subscribeReminders(db: Db, protector: Protector, input: SubscribeInput): Promise<{ created: boolean }> {
  const { now } = input;
  const [identity] = await db.orm
    .select({ contactId: channelIdentities.contactId })
    .from(channelIdentities)
    .where(and(eq(channelIdentities.channel, input.channel), eq(channelIdentities.externalKey, input.externalKey)));
  if (identity) {
    const [active] = await db.orm
      .select({ id: consents.id })
      .from(consents)
      .where(and(eq(consents.contactId, identity.contactId), eq(consents.personId, input.personId), eq(consents.purpose, "expiry_reminders"), isNull(consents.withdrawnAt)));
    if (active) return { created: false };
  }
  const addressEnc = input.address ? await protector.seal(input.address) : null;
  const steps: AtomicStep[] = [];
  // Without an identity the contact is inserted in this unit: "the newest contact" is ours.
  const contactRef = identity ? sql`${identity.contactId}` : sql`(select max(id) from contacts)`;
  if (!identity) {
    steps.push((tx) => tx.insert(contacts).values({ kind: "resident", personId: input.personId, householdId: input.householdId, locale: input.locale, createdAt: now, updatedAt: now }));
    steps.push(rawStep(sql`
      insert into channel_identities (contact_id, channel, external_key, address_enc, last_inbound_at, created_at, updated_at)
      values (${contactRef}, ${input.channel}, ${input.externalKey}, ${addressEnc}, ${now.getTime()}, ${now.getTime()}, ${now.getTime()})`));
  } else {
    steps.push((tx) => tx.update(contacts).set({ optedOutAt: null, updatedAt: now }).where(eq(contacts.id, identity.contactId)));
  }
  steps.push(rawStep(sql`
    insert into consents (contact_id, person_id, household_id, purpose, channel, wording, given_at, created_at)
    values (${contactRef}, ${input.personId}, ${input.householdId}, 'expiry_reminders', ${input.channel}, ${input.wording}, ${now.getTime()}, ${now.getTime()})`));
  await db.atomic(steps);
  return { created: true };
}

/**
 * HUY / STOP / TU CHOI / /huy_nhac: withdraws every consent of the sender at once, marks the
 * contact opted out and cancels what is still waiting in the outbox for it, in one unit.
 */
export async function withdrawConsents(db: Db, input: { channel: Channel; externalKey: string; via: string; now: Date }): Promise<{ withdrawn: number; known: boolean }> {
  const [identity] = await db.orm
    .select({ contactId: channelIdentities.contactId })
    .from(channelIdentities)
    .where(and(eq(channelIdentities.channel, input.channel), eq(channelIdentities.externalKey, input.externalKey)));
  if (!identity) {
    // Someone we never talked to (a roster phone that got an SMS reminder): remember the
    // refusal, so the planner skips this number from now on.
    const now = input.now;
    await db.atomic([
      (tx) => tx.insert(contacts).values({ kind: "resident", optedOutAt: now, createdAt: now, updatedAt: now }),
      rawStep(sql`insert into channel_identities (contact_id, channel, external_key, created_at, updated_at) values ((select max(id) from contacts), ${input.channel}, ${input.externalKey}, ${now.getTime()}, ${now.getTime()})`),
    ]);
    return { withdrawn: 0, known: false };
  }
  const active = await db.orm.select({ id: consents.id }).from(consents).where(and(eq(consents.contactId, identity.contactId), isNull(consents.withdrawnAt)));
  const { now } = input;
  await db.atomic([
    (tx) => tx.update(consents).set({ withdrawnAt: now, withdrawnVia: input.via }).where(and(eq(consents.contactId, identity.contactId), isNull(consents.withdrawnAt))),
    (tx) => tx.update(contacts).set({ optedOutAt: now, updatedAt: now }).where(eq(contacts.id, identity.contactId)),
    (tx) =>
      tx
        .update(outboxMessages)
        .set({ status: "cancelled", lastErrorCode: "opted_out", updatedAt: now })
        .where(and(eq(outboxMessages.contactId, identity.contactId), inArray(outboxMessages.status, ["pending"]))),
  ]);
  return { withdrawn: active.length, known: true };
}
