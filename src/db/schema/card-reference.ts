import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Reference data for reading cards and explaining benefits, shipped in migrations. Every row
 * carries the dates it applies and where it comes from, so a change in law is a new row.
 */

/**
 * Two-digit province codes printed on legacy 15-character cards (pre-merger numbering; the 34
 * provinces of 1/7/2025 reuse a subset of the same codes). A code can name different provinces
 * over time (52: Bình Định, then Gia Lai), hence one row per period. Cards keep the code they
 * were printed with, so parsing accepts a code from any period.
 */
export const cardProvinceCodes = sqliteTable(
  "card_province_codes",
  {
    code: text().notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    name: text().notNull(),
    /** Code of the province that took over this one after a merger (NQ 202/2025/QH15). */
    successorCode: text(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

/** What each benefit level (1–5, the third character of a legacy card) pays, over time. */
export const benefitLevelRates = sqliteTable(
  "benefit_level_rates",
  {
    level: integer().notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    /** Share of covered costs the fund pays, in whole percent. */
    percent: integer().notNull(),
    /** Ministry of Health payment-ratio caps on drugs, supplies and services apply. */
    ratioCaps: integer({ mode: "boolean" }).notNull(),
    /** Transport is paid for emergencies and inpatient transfers. */
    transport: integer({ mode: "boolean" }).notNull(),
    /** Costs outside the BHYT benefit package are paid too (armed forces). */
    outsidePackage: integer({ mode: "boolean" }).notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.validFrom] })],
);

export const BENEFIT_RULES = ["low_cost_visit", "primary_care", "five_year_copay", "self_referral_inpatient_specialised"] as const;
export type BenefitRule = (typeof BENEFIT_RULES)[number];

/**
 * The numbers behind the general benefit rules: the cheap-visit threshold (percent of the base
 * salary), the primary-care share, the co-payment threshold of the 5-year rule (months of base
 * salary) and the share paid when self-referred to inpatient care at a specialised facility.
 */
export const benefitRuleValues = sqliteTable(
  "benefit_rule_values",
  {
    rule: text({ enum: BENEFIT_RULES }).notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    value: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rule, t.validFrom] })],
);

export type CardProvinceCode = typeof cardProvinceCodes.$inferSelect;
export type BenefitLevelRate = typeof benefitLevelRates.$inferSelect;
export type BenefitRuleValue = typeof benefitRuleValues.$inferSelect;
