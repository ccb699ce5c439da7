import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CHANNELS } from "./common";

/**
 * What the bot is waiting for from one person (a village to confirm, "add or replace?",
 * the next step of a guided report). One row per (channel, person); it expires so a stale
 * question is never answered by an unrelated message hours later.
 */
export const conversationStates = sqliteTable(
  "conversation_states",
  {
    channel: text({ enum: CHANNELS }).notNull(),
    externalKey: text().notNull(),
    kind: text().notNull(),
    data: text({ mode: "json" }).$type<Record<string, unknown>>().notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalKey] })],
);
