import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANNELS, createdAt, updatedAt } from "./common";
import { channelIdentities, contacts } from "./contacts";

export const OUTBOX_STATES = ["pending", "sending", "sent", "delivered", "failed", "dropped", "cancelled"] as const;
/** States a message can still leave; every other state is finished (what retention may purge). */
export const OPEN_OUTBOX_STATES = ["pending", "sending"] as const;

/**
 * Every proactive message goes through here: pending → sending → sent → delivered, or
 * failed/dropped/cancelled. `idempotencyKey` makes planning and provider calls repeatable.
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    idempotencyKey: text().notNull(),
    contactId: integer().references(() => contacts.id),
    identityId: integer().references(() => channelIdentities.id),
    channel: text({ enum: CHANNELS }).notNull(),
    purpose: text().notNull(),
    templateKey: text().notNull(),
    payload: text({ mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text({ enum: OUTBOX_STATES }).notNull().default("pending"),
    /** Not before this time (quiet hours, backoff). */
    notBefore: integer({ mode: "timestamp_ms" }).notNull(),
    /** Past its useful life it is dropped, never sent late. */
    expiresAt: integer({ mode: "timestamp_ms" }),
    leaseUntil: integer({ mode: "timestamp_ms" }),
    attempts: integer().notNull().default(0),
    lastErrorCode: text(),
    providerMessageId: text(),
    sentAt: integer({ mode: "timestamp_ms" }),
    deliveredAt: integer({ mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey),
    index("outbox_due_idx").on(t.status, t.notBefore),
    index("outbox_provider_id_idx").on(t.channel, t.providerMessageId),
  ],
);

export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    messageId: integer()
      .notNull()
      .references(() => outboxMessages.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    startedAt: integer({ mode: "timestamp_ms" }).notNull(),
    finishedAt: integer({ mode: "timestamp_ms" }),
    outcome: text({ enum: ["sent", "retry", "permanent_failure"] }),
    errorCode: text(),
    httpStatus: integer(),
    retryAfterSeconds: integer(),
  },
  (t) => [index("delivery_attempts_message_idx").on(t.messageId)],
);
