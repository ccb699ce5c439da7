import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANNELS, createdAt, updatedAt } from "./common";
import { officers } from "./officers";
import { households, people } from "./roster";

/** Someone we talk to: an officer, or a resident (optionally linked to the roster). */
export const contacts = sqliteTable(
  "contacts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: ["officer", "resident"] }).notNull(),
    officerId: integer().references(() => officers.id),
    personId: integer().references(() => people.id),
    householdId: integer().references(() => households.id),
    locale: text().notNull().default("vi"),
    /** Set when the contact opted out of everything (STOP, blocked bot); proactive sends stop. */
    optedOutAt: integer({ mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("contacts_officer_idx").on(t.officerId), index("contacts_person_idx").on(t.personId)],
);

/**
 * How a contact is reached on one channel. `externalKey` is the platform's id (kept as a
 * string: Zalo ids exceed 2^53) or, for SMS, a blind index of the phone number whose
 * ciphertext sits in `addressEnc`.
 */
export const channelIdentities = sqliteTable(
  "channel_identities",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    channel: text({ enum: CHANNELS }).notNull(),
    externalKey: text().notNull(),
    addressEnc: text(),
    /** Last time the person wrote to us: Zalo's free-reply window counts from here. */
    lastInboundAt: integer({ mode: "timestamp_ms" }),
    blockedAt: integer({ mode: "timestamp_ms" }),
    /**
     * Event time of the last follow/unfollow applied (Zalo OA): a later-arriving older event, or
     * the same event redelivered, changes nothing.
     */
    followEventAt: integer({ mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("channel_identities_key_uq").on(t.channel, t.externalKey), index("channel_identities_contact_idx").on(t.contactId)],
);

/** Consent per purpose, with the evidence Law 91/2025/QH15 asks for: who, when, channel, wording. */
export const consents = sqliteTable(
  "consents",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    personId: integer().references(() => people.id),
    householdId: integer().references(() => households.id),
    purpose: text({ enum: ["expiry_reminders", "campaigns", "phone_link"] }).notNull(),
    channel: text({ enum: CHANNELS }).notNull(),
    /** The exact text the person agreed to, as shown to them. */
    wording: text().notNull(),
    givenAt: integer({ mode: "timestamp_ms" }).notNull(),
    withdrawnAt: integer({ mode: "timestamp_ms" }),
    withdrawnVia: text(),
    createdAt: createdAt(),
  },
  (t) => [index("consents_contact_idx").on(t.contactId, t.purpose)],
);
