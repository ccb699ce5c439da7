import { index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { CHANNELS, createdAt } from "./common";
import { officers } from "./officers";
import { adminUnits } from "./units";

/** One message (or form) in which an officer reported; keeps the original text for audit. */
export const tallyReports = sqliteTable(
  "tally_reports",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    officerId: integer().references(() => officers.id),
    channel: text({ enum: CHANNELS }).notNull(),
    /** Raw text as received; purged after the retention period (the entries stay). */
    originalText: text(),
    inboundKey: text(),
    receivedAt: integer({ mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("tally_reports_officer_idx").on(t.officerId, t.receivedAt)],
);

/**
 * Enrolments reported for (unit, date, indicator, group). Corrections never overwrite:
 * a replacement marks earlier rows `superseded` and points at its successor; an undo marks
 * a row `undone`. The current figure is the sum of `active` rows.
 */
export const tallyEntries = sqliteTable(
  "tally_entries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer().references(() => tallyReports.id),
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    reportDate: text().notNull(),
    indicator: text().notNull().default("bhyt"),
    groupCode: text().notNull(),
    count: integer().notNull(),
    status: text({ enum: ["active", "superseded", "undone"] }).notNull().default("active"),
    supersededById: integer().references((): AnySQLiteColumn => tallyEntries.id),
    officerId: integer().references(() => officers.id),
    channel: text({ enum: CHANNELS }).notNull(),
    createdAt: createdAt(),
    changedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("tally_entries_unit_date_idx").on(t.unitId, t.reportDate),
    index("tally_entries_date_idx").on(t.reportDate, t.status),
    // Undo reads one report's entries.
    index("tally_entries_report_idx").on(t.reportId),
  ],
);
