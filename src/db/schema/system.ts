import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CHANNELS, createdAt } from "./common";

/** Inbound updates already processed (Telegram update_id, Zalo msg_id…), written atomically with their effects. */
export const inboundUpdates = sqliteTable(
  "inbound_updates",
  {
    channel: text({ enum: CHANNELS }).notNull(),
    externalId: text().notNull(),
    receivedAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] }), index("inbound_updates_received_idx").on(t.receivedAt)],
);

/** Who did what to which record; look-ups and admin actions included. Never holds personal numbers. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: "timestamp_ms" }).notNull(),
    actorKind: text({ enum: ["officer", "admin", "resident", "system", "cli"] }).notNull(),
    actorId: text(),
    action: text().notNull(),
    subjectKind: text(),
    subjectId: text(),
    details: text({ mode: "json" }).$type<Record<string, unknown>>(),
    requestId: text(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_subject_idx").on(t.subjectKind, t.subjectId),
    // The dashboard's look-up alarm counts one action over a week on every page view; the log filters by action.
    index("audit_log_action_at_idx").on(t.action, t.at),
  ],
);

/** A file import; rows are staged first so the final write is one atomic step. */
export const importBatches = sqliteTable("import_batches", {
  id: integer().primaryKey({ autoIncrement: true }),
  kind: text({ enum: ["units", "targets", "cards", "commune_statuses"] }).notNull(),
  fileName: text(),
  status: text({ enum: ["staging", "applied", "failed"] }).notNull().default("staging"),
  rowCount: integer().notNull().default(0),
  errorCount: integer().notNull().default(0),
  actor: text(),
  createdAt: createdAt(),
  finishedAt: integer({ mode: "timestamp_ms" }),
});

export const importStagingRows = sqliteTable(
  "import_staging_rows",
  {
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    rowNumber: integer().notNull(),
    /** The row's natural key (unit code, unit|year|indicator|group…): finds duplicates and parents by index. */
    key: text().notNull(),
    payload: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNumber] }), index("import_staging_rows_key_idx").on(t.batchId, t.key)],
);

/** Small facts about the installation itself (demo seeded, last planner run…). */
export const appMeta = sqliteTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: integer({ mode: "timestamp_ms" }).notNull(),
});

