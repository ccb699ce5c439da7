import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
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

/**
 * Active tallies summed per (unit, day, indicator), with the running total up to that day, so
 * progress over any date range is two index seeks per unit (cumulative at the end minus at the
 * day before the start) instead of a scan of every tally. Kept per unit of the entry (not
 * rolled up into parents) so a change of the unit tree never leaves a stale parent total; not
 * per group, since progress never splits by group. Rebuilt for the (unit, indicator) pairs a
 * write touches, from its report date on, inside the same atomic unit as the write
 * (`rollupRefreshSteps`), so it always equals the sum of the active rows.
 */
export const tallyRollups = sqliteTable(
  "tally_rollups",
  {
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    reportDate: text().notNull(),
    indicator: text().notNull(),
    /** Sum of the active entries' counts that day (zeros included). */
    total: integer().notNull(),
    /** Number of active entries that day: a report of zero still counts as a report. */
    entries: integer().notNull(),
    /** Sum of `total` over every day up to and including this one. */
    cumulative: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.reportDate, t.indicator] })],
);
