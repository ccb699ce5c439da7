import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { importBatches } from "./system";

/**
 * A card roster row while its import is checked (core/imports/card-staging.ts): typed
 * columns, named as CardPayload's fields, rather than a JSON payload in
 * import_staging_rows. Each check and the apply read a million-row batch several times; a
 * JSON array had to be parsed again for every field on every pass. Personal values are
 * only ciphertext (`*Enc`) and blind index (`*Idx`), as in the real tables.
 */
export const cardStagingRows = sqliteTable(
  "card_staging_rows",
  {
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    rowNumber: integer().notNull(),
    /** The person on record the row is about, resolved once by the checks (null: a new person); the apply resolves it again. */
    personId: integer(),
    unitId: integer().notNull(),
    householdCode: text(),
    nameEnc: text().notNull(),
    gender: text({ enum: ["male", "female"] }),
    birthYear: integer(),
    dobEnc: text(),
    dobIdx: text(),
    bhxhEnc: text(),
    bhxhIdx: text(),
    idEnc: text(),
    idIdx: text(),
    phoneEnc: text(),
    phoneIdx: text(),
    cardEnc: text(),
    cardIdx: text(),
    groupCode: text(),
    benefitLevel: integer(),
    provinceCode: text(),
    validFrom: text(),
    validTo: text(),
    registeredFacility: text(),
    fiveYearDate: text(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNumber] })],
);
