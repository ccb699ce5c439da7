import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Reference data (shipped in migrations, not with demo data). Every rule that changes by
 * law carries `validFrom`/`validTo` and the instrument it comes from.
 */

/** What a target measures and over which denominator (population or working-age labour force). */
export const indicators = sqliteTable("indicators", {
  code: text().primaryKey(),
  nameVi: text().notNull(),
  nameEn: text().notNull(),
  denominator: text({ enum: ["population", "labour_force"] }).notNull(),
  sortOrder: integer().notNull().default(0),
});

export const GROUP_KINDS = ["funding", "card", "subgroup"] as const;

/**
 * Participant groups in one namespace: the five funding groups (employer, bhxh, state,
 * state_supported, household), the BHXH two-letter card codes under them, and subgroups a
 * plan defines (e.g. Lai Châu's "Doanh nghiệp nhà nước"), optionally scoped to one unit.
 */
export const participantGroups = sqliteTable(
  "participant_groups",
  {
    code: text().primaryKey(),
    kind: text({ enum: GROUP_KINDS }).notNull(),
    parentCode: text().references((): AnySQLiteColumn => participantGroups.code),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    /** Article of Law 51/2024 (Điều 12) or the plan that defines the group. */
    lawRef: text(),
    scopeUnitId: integer(),
    sortOrder: integer().notNull().default(0),
    validFrom: text(),
    validTo: text(),
    source: text(),
    /**
     * Who pays for the card that follows this one, when not the group's own funding: TE cards
     * end at 72 months and the family then enrols the child ("household"; Luật 51/2024 Đ16 k3 d).
     */
    nextCardFunding: text(),
    /** Where the card is renewed when not at a collection agent or online: "school" for pupils and students. */
    renewsVia: text(),
  },
  (t) => [index("participant_groups_parent_idx").on(t.parentCode)],
);

/** How officers may write a group ("hộ gia đình", "HGĐ" → GD); per province when `provinceCode` is set. */
export const groupAliases = sqliteTable(
  "group_aliases",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    alias: text().notNull(),
    searchKey: text().notNull(),
    provinceCode: text(),
  },
  (t) => [uniqueIndex("group_aliases_key_uq").on(t.searchKey, t.provinceCode)],
);

/** Benefit level (1–5) of each card group over time (QĐ 1351/QĐ-BHXH and amendments). */
export const groupBenefitLevels = sqliteTable(
  "group_benefit_levels",
  {
    groupCode: text()
      .notNull()
      .references(() => participantGroups.code),
    validFrom: text().notNull(),
    validTo: text(),
    level: integer().notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.validFrom] })],
);

/** Base salary (lương cơ sở / mức tham chiếu) timeline in đồng per month. */
export const baseSalaries = sqliteTable("base_salaries", {
  validFrom: text().primaryKey(),
  amount: integer().notNull(),
  instrument: text().notNull(),
  source: text().notNull(),
});
