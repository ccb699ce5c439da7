import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { adminUnits } from "./units";
import { indicators } from "./reference";

/** What a target or baseline is about: unit, year, indicator, group ('' = all groups). */
const scopeColumns = () => ({
  unitId: integer()
    .notNull()
    .references(() => adminUnits.id),
  year: integer().notNull(),
  indicator: text()
    .notNull()
    .default("bhyt")
    .references(() => indicators.code),
  groupCode: text().notNull().default(""),
});

/**
 * A unit's target for a year and indicator, optionally for one participant group
 * (`groupCode` '' means all groups: SQLite treats NULLs as distinct in unique keys).
 * Rates are in basis points of a percent (95,57 % = 9557) so no float ever rounds a target.
 */
export const targets = sqliteTable(
  "targets",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ...scopeColumns(),
    /** Denominator: population, or the working-age labour force for BHXH/BHTN indicators. */
    population: integer(),
    targetCount: integer(),
    targetRateBp: integer(),
    deadline: text(),
    source: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("targets_key_uq").on(t.unitId, t.year, t.indicator, t.groupCode),
    index("targets_year_idx").on(t.year, t.indicator),
  ],
);

/**
 * Insured count at a date (from the roster or entered for the year); progress is this
 * baseline plus tallies reported after `asOf`.
 */
export const coverageBaselines = sqliteTable(
  "coverage_baselines",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ...scopeColumns(),
    insuredCount: integer().notNull(),
    asOf: text().notNull(),
    source: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("coverage_baselines_key_uq").on(t.unitId, t.year, t.indicator, t.groupCode)],
);

export type Target = typeof targets.$inferSelect;
export type NewTarget = typeof targets.$inferInsert;
