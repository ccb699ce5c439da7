import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { participantGroups } from "./reference";

/**
 * Dated rules a resident is told about, shipped in migrations (docs/domain-rules.md). Like
 * the other reference tables, each row has the dates it applies and its source; facts marked
 * UNCONFIRMED in domain.md say so in `source`.
 */

/**
 * Groups whose transport between facilities is paid (emergency or inpatient transfer, Luật
 * BHYT Đ21 k1 b). Listed by group, not by benefit level: CN and LH reach level 2 in 2026
 * without being listed by the law.
 */
export const groupTransports = sqliteTable(
  "group_transports",
  {
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    validFrom: text().notNull(),
    validTo: text(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.validFrom] })],
);

/**
 * When a self-paid or supported card waits after payment: on first enrolment, or after a gap of
 * `gapDays` or more (counted within the fiscal year before 1/7/2025, Luật 46/2014 Đ16 k3 c;
 * 90 days from 1/7/2025, Luật 51/2024 Đ1 k14 b), the card starts `waitDays` after payment.
 */
export const waitingRules = sqliteTable("waiting_rules", {
  validFrom: text().primaryKey(),
  validTo: text(),
  waitDays: integer().notNull(),
  /** "days": a gap of `gapLength` days; "fiscal_months": `gapLength` months within the fiscal (calendar) year. */
  gapUnit: text({ enum: ["days", "fiscal_months"] }).notNull(),
  gapLength: integer().notNull(),
  source: text().notNull(),
});

export const COMMUNE_STATUSES = ["poor", "ethnic_minority_disadvantaged", "no_longer_disadvantaged"] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/** The status of a commune that changes the state's support (poor commune, ethnic-minority area…), by date. */
export const communeStatuses = sqliteTable(
  "commune_statuses",
  {
    /** The commune's code as in admin_units (5 digits, QĐ 19/2025). */
    unitCode: text().notNull(),
    status: text({ enum: COMMUNE_STATUSES }).notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    source: text().notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.status, t.validFrom] })],
);

/**
 * The state's share of a group's contribution for people living in a commune of `status`,
 * replacing the national share of state_supports (e.g. near-poor people in poor communes: 100 %).
 */
export const communeStatusSupports = sqliteTable(
  "commune_status_supports",
  {
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    status: text({ enum: COMMUNE_STATUSES }).notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    percentBp: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.status, t.validFrom] })],
);

/**
 * How many months one payment may cover, per group (null: every group the calculator handles).
 * 3, 6 and 12 for everyone (Luật BHYT Đ15 k6); pupils also pay 9 months in grade 12 and 13–15
 * months in grade 1, to line the card up with the school year.
 */
export const paymentPeriods = sqliteTable(
  "payment_periods",
  {
    groupCode: text().notNull(),
    months: integer().notNull(),
    validFrom: text().notNull(),
    validTo: text(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.months, t.validFrom] })],
);

export type GroupTransport = typeof groupTransports.$inferSelect;
export type WaitingRule = typeof waitingRules.$inferSelect;
export type CommuneStatusRow = typeof communeStatuses.$inferSelect;
export type CommuneStatusSupport = typeof communeStatusSupports.$inferSelect;
export type PaymentPeriod = typeof paymentPeriods.$inferSelect;
