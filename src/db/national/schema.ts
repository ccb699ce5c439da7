/**
 * @module The national database: only what must be global when data is split per province.
 * Personal data never lives here: identities are the platforms' opaque ids (or SMS blind
 * indexes) and rollups are counts.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CHANNELS } from "../schema/common";

/** Which shard (province database, or part of one) holds a channel identity: its contact, officer, conversation. */
export const nationalIdentities = sqliteTable(
  "national_identities",
  {
    channel: text({ enum: CHANNELS }).notNull(),
    externalKey: text().notNull(),
    /** `38`, or `79_2` for a part of a split province. */
    shardKey: text().notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalKey] })],
);

/**
 * One row per shard and local day, written by the Cron Trigger from each province database,
 * read by national dashboards without touching the provinces (a split province sums its parts).
 */
export const provinceRollups = sqliteTable(
  "national_province_rollups",
  {
    day: text().notNull(),
    shardKey: text().notNull(),
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
  (t) => [primaryKey({ columns: [t.day, t.shardKey] }), index("national_rollups_province_idx").on(t.provinceCode, t.day)],
);

/**
 * Units of a split province, by code prefix, to the part that holds them (`79-01` → `79_1`).
 * Only provinces too big for one database have rows here.
 */
export const shardAssignments = sqliteTable("national_shard_assignments", {
  unitPrefix: text().primaryKey(),
  shardKey: text().notNull(),
  updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
});
