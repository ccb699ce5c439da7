import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";

/**
 * Which reminder each card has had for one validity period: planning is idempotent per
 * (card, offset, valid_to), even though one household message may cover several cards.
 * A renewal moves `valid_to`, so the new period is planned afresh. `idempotencyKey` names
 * the outbox message that carried it (null when nothing could deliver it that day).
 */
export const reminderPlans = sqliteTable(
  "reminder_plans",
  {
    // No foreign key to cards: checking one looked the card's row up for every plan row written
    // (~3 µs each, ~40% of writing a catch-up day's plan rows at a million cards). The planner
    // writes rows only for cards it read in the same atomic unit, and erasing a card (the one
    // way a card goes, data-subject.ts) deletes its plan rows first.
    cardId: integer().notNull(),
    offsetDays: integer().notNull(),
    validTo: text().notNull(),
    outcome: text({ enum: ["queued", "auto_renew", "opted_out", "undeliverable"] }).notNull(),
    idempotencyKey: text(),
    plannedOn: text().notNull(),
    createdAt: createdAt(),
  },
  // Read by card id only (the key is followed from a plan row to its outbox row, never back):
  // an index on the key cost ~a quarter of each plan row's insert (migration 0016 dropped it).
  (t) => [primaryKey({ columns: [t.cardId, t.offsetDays, t.validTo] })],
);

/**
 * An outreach campaign: reminder offsets (days before expiry, negative after) and, for the
 * peak outreach month, a window, units and a weekly cap per resident.
 */
export const campaigns = sqliteTable("campaigns", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  kind: text({ enum: ["expiry", "peak_month"] }).notNull(),
  /** JSON array of offsets in days, e.g. [30,7,1,-3]. */
  offsets: text({ mode: "json" }).$type<number[]>(),
  startsOn: text(),
  endsOn: text(),
  /** JSON array of unit ids; empty or null means everywhere. */
  unitIds: text({ mode: "json" }).$type<number[]>(),
  audience: text({ mode: "json" }).$type<string[]>(),
  maxPerWeek: integer(),
  status: text({ enum: ["draft", "active", "ended"] }).notNull().default("active"),
  createdAt: createdAt(),
});
