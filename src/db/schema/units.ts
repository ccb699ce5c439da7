import { sql, type Placeholder } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";

/** Administrative levels; `district` exists only historically since 1/7/2025 (two-level government). */
export const UNIT_LEVELS = ["province", "district", "commune", "village"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * Administrative units as a tree of any depth. Official codes where they exist (2-digit
 * province, 5-digit commune per QĐ 19/2025); validity dates and `replacedById` keep
 * historical units (pre-merger provinces, districts) so old data stays attached.
 */
export const adminUnits = sqliteTable(
  "admin_units",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    name: text().notNull(),
    level: text({ enum: UNIT_LEVELS }).notNull(),
    /** What the unit calls itself: tỉnh, thành phố, huyện, xã, phường, thôn, xóm, bản, tổ dân phố… */
    kind: text(),
    parentId: integer().references((): AnySQLiteColumn => adminUnits.id),
    /** Lower-case, diacritic-free name used for matching what people type. */
    searchKey: text().notNull(),
    /** Code of the province at the root of the tree: the shard key when databases split per province. */
    provinceCode: text(),
    validFrom: text(),
    validTo: text(),
    replacedById: integer().references((): AnySQLiteColumn => adminUnits.id),
    source: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("admin_units_code_uq").on(t.code),
    index("admin_units_parent_idx").on(t.parentId),
    index("admin_units_search_key_idx").on(t.searchKey),
    index("admin_units_province_idx").on(t.provinceCode, t.level),
  ],
);

/** Other names a unit is known by (old names, spellings); matched like the name. */
export const adminUnitAliases = sqliteTable(
  "admin_unit_aliases",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id, { onDelete: "cascade" }),
    alias: text().notNull(),
    searchKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("admin_unit_aliases_unit_key_uq").on(t.unitId, t.searchKey),
    index("admin_unit_aliases_search_key_idx").on(t.searchKey),
  ],
);

export type AdminUnit = typeof adminUnits.$inferSelect;
export type NewAdminUnit = typeof adminUnits.$inferInsert;
/** `onDate` may be a placeholder, for queries prepared once and run for any day. */
export const unitIsCurrent = (onDate: string | Placeholder) =>
  sql`(${adminUnits.validTo} is null or ${adminUnits.validTo} >= ${onDate})`;
