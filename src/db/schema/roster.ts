import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./common";
import { adminUnits } from "./units";

/**
 * The card roster communes receive from BHXH. Personal numbers are never stored in plain
 * text: `*Enc` columns hold AES-256-GCM ciphertext and `*Idx` an HMAC-SHA256 blind index
 * used for look-ups (see core/privacy).
 */
export const households = sqliteTable(
  "households",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    /** Mã hộ gia đình from BHXH lists, when known. */
    code: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("households_unit_idx").on(t.unitId), uniqueIndex("households_unit_code_uq").on(t.unitId, t.code)],
);

export const people = sqliteTable(
  "people",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    unitId: integer()
      .notNull()
      .references(() => adminUnits.id),
    householdId: integer().references(() => households.id),
    fullNameEnc: text().notNull(),
    gender: text({ enum: ["male", "female", "other"] }),
    birthYear: integer(),
    dateOfBirthEnc: text(),
    dateOfBirthIdx: text(),
    bhxhNumberEnc: text(),
    bhxhNumberIdx: text(),
    idNumberEnc: text(),
    idNumberIdx: text(),
    phoneEnc: text(),
    phoneIdx: text(),
    source: text({ enum: ["import", "demo", "chat"] }).notNull().default("import"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("people_unit_idx").on(t.unitId),
    index("people_household_idx").on(t.householdId),
    uniqueIndex("people_bhxh_idx_uq").on(t.bhxhNumberIdx),
    uniqueIndex("people_id_idx_uq").on(t.idNumberIdx),
    index("people_phone_idx").on(t.phoneIdx),
    // The columns the renewal planner groups due cards by, keyed by id: its look-up of every
    // due card's person (a hundred thousand on a catch-up day) reads this narrow index
    // (~20 bytes an entry, stays in cache) instead of the ~650-byte people rows (see due-cards.ts).
    index("people_plan_idx").on(t.id, t.householdId, t.unitId),
  ],
);

/** A BHYT card (one current card per person; renewals move `validTo`). */
export const cards = sqliteTable(
  "cards",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    cardCodeEnc: text(),
    cardCodeIdx: text(),
    groupCode: text(),
    benefitLevel: integer(),
    /** Province code printed on a legacy card (pre-merger numbering). */
    provinceCode: text(),
    validFrom: text(),
    validTo: text(),
    registeredFacility: text(),
    fiveYearDate: text(),
    importBatchId: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cards_person_uq").on(t.personId),
    index("cards_code_idx").on(t.cardCodeIdx),
    // Covers the planner's range scan of due cards (valid_to, then the person and group it
    // needs), so the scan never reads card rows; replaces the plain valid_to index.
    index("cards_due_idx").on(t.validTo, t.personId, t.groupCode),
    // Lapsed cards are counted per unit, person by person (progress-query.ts, lapsed-cards.ts):
    // this answers each person's card end from the index, never reading the card row (4× faster
    // for a commune of 100,000 people than cards_person_uq plus the row).
    index("cards_person_valid_idx").on(t.personId, t.validTo, t.groupCode),
  ],
);

export type Person = typeof people.$inferSelect;
export type Card = typeof cards.$inferSelect;

/** What a card says (group, level, validity, facility): shared by the import, the look-up and data export. */
export type CardTerms = Pick<Card, "groupCode" | "benefitLevel" | "provinceCode" | "validFrom" | "validTo" | "registeredFacility" | "fiveYearDate">;
