/**
 * @module The national database: only what must be global when data is split per province.
 * Personal data never lives here: identities are the platforms' opaque ids (or SMS blind
 * indexes) and rollups are counts.
 */
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CHANNELS } from "../schema/common";

/** Which province database holds a channel identity (its contact, officer, conversation). */
export const nationalIdentities = sqliteTable(
  "national_identities",
  {
    channel: text({ enum: CHANNELS }).notNull(),
    externalKey: text().notNull(),
    provinceCode: text().notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalKey] })],
);

/**
 * One row per province and local day, written by the Cron Trigger from each province
 * database, read by national dashboards without touching the provinces.
 */
export const provinceRollups = sqliteTable(
  "national_province_rollups",
  {
    day: text().notNull(),
    provinceCode: text().notNull(),
    cards: integer().notNull(),
    /** Cards whose `valid_to` is on or after `day`. */
    cardsValid: integer().notNull(),
    /** Valid cards ending within 30 days of `day`: the renewal work ahead. */
    cardsExpiring30d: integer().notNull(),
    /** Active tally entries reported for `day`, summed. */
    enrolments: integer().notNull(),
    tallyReports: integer().notNull(),
    outboxSent: integer().notNull(),
    outboxFailed: integer().notNull(),
    computedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.provinceCode] })],
);
