import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { participantGroups } from "./reference";

/**
 * Contribution rules for self-paid and state-supported participants, shipped in migrations.
 * Percentages are basis points (4.5 % = 450, 70 % = 7000) so no float ever rounds a fee; each
 * row has the dates it applies and its source.
 */

/** Monthly contribution as a share of the base salary (mức tham chiếu). */
export const contributionRates = sqliteTable("contribution_rates", {
  validFrom: text().primaryKey(),
  validTo: text(),
  rateBp: integer().notNull(),
  instrument: text().notNull(),
  source: text().notNull(),
});

/**
 * The household ladder: members from `fromMember` on pay `percentBp` of the first member's
 * amount (the row with the highest `fromMember` not above the member's position applies).
 */
export const householdDiscounts = sqliteTable(
  "household_discounts",
  {
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    fromMember: integer().notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    percentBp: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.fromMember, t.validFrom] })],
);

/**
 * The national state-budget share of a group's contribution. A row (even at 0 %) is what makes
 * a group one the fee calculator handles: the household scheme and the supported groups.
 */
export const stateSupports = sqliteTable(
  "state_supports",
  {
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    validFrom: text().notNull(),
    validTo: text(),
    percentBp: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.validFrom] })],
);

/**
 * Extra support a province adds on top of the national share, in percentage points of the
 * contribution. `provinceCode` is the card province code of the council that decided it
 * (pre-merger codes for pre-merger resolutions). `isDemo` rows are illustrations, never law.
 */
export const provinceSupports = sqliteTable(
  "province_supports",
  {
    provinceCode: text().notNull(),
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    validFrom: text().notNull(),
    validTo: text(),
    percentBp: integer().notNull(),
    instrument: text().notNull(),
    source: text().notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.groupCode, t.validFrom] })],
);

export type ContributionRate = typeof contributionRates.$inferSelect;
export type HouseholdDiscount = typeof householdDiscounts.$inferSelect;
export type StateSupport = typeof stateSupports.$inferSelect;
export type ProvinceSupport = typeof provinceSupports.$inferSelect;
