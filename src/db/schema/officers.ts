import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { adminUnits } from "./units";

/** collector: reports for own villages · commune: any village of the commune, corrects · viewer: progress only. */
export const OFFICER_ROLES = ["collector", "commune", "viewer"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const officers = sqliteTable(
  "officers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    displayName: text(),
    role: text({ enum: OFFICER_ROLES }).notNull(),
    /** The commune (or higher unit, for viewers) the officer belongs to. */
    scopeUnitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    status: text({ enum: ["active", "disabled"] }).notNull().default("active"),
    locale: text().notNull().default("vi"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("officers_scope_idx").on(t.scopeUnitId)],
);

/** Villages a collector covers; one officer may cover several. */
export const officerUnits = sqliteTable(
  "officer_units",
  {
    officerId: integer()
      .notNull()
      .references(() => officers.id, { onDelete: "cascade" }),
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.unitId] }), index("officer_units_unit_idx").on(t.unitId)],
);

/** Single-use, expiring, scoped invitations. Only a hash of the code is stored. */
export const inviteCodes = sqliteTable(
  "invite_codes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    codeHash: text().notNull(),
    role: text({ enum: OFFICER_ROLES }).notNull(),
    scopeUnitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    unitId: integer().references(() => adminUnits.id),
    createdBy: text(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    usedAt: integer({ mode: "timestamp_ms" }),
    usedByOfficerId: integer().references(() => officers.id),
    /**
     * A link code: redeeming it adds the sender's channel (an officer's phone, by SMS) to this
     * existing officer instead of creating one, so reports from both count as the same person.
     */
    linkOfficerId: integer().references(() => officers.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invite_codes_hash_uq").on(t.codeHash)],
);

/** Dashboard accounts, scoped to a unit (a commune admin sees only their commune). */
export const adminAccounts = sqliteTable(
  "admin_accounts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    username: text().notNull(),
    passwordHash: text().notNull(),
    scopeUnitId: integer().references(() => adminUnits.id),
    status: text({ enum: ["active", "disabled"] }).notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("admin_accounts_username_uq").on(t.username)],
);
