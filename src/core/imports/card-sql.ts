import { sql, type SQL } from "drizzle-orm";
import type { CardPayload } from "./card-payload";

/**
 * SQL shared by the card checks and the apply. Everything runs over the staging table so a
 * million-row roster never comes back into memory; only offending rows and counts do.
 */

/**
 * The payload is staged as a JSON array in this order, not as an object: a third smaller,
 * and `->> n` finds its value without comparing keys. SQL reads it back only through
 * `stagedCards`, by these names. Append new fields at the end.
 */
export const STAGED_CARD_FIELDS: readonly (keyof CardPayload)[] = [
  "unitId", "householdCode", "nameEnc", "gender", "birthYear", "dobEnc", "dobIdx", "bhxhEnc", "bhxhIdx", "idEnc", "idIdx",
  "phoneEnc", "phoneIdx", "cardEnc", "cardIdx", "groupCode", "benefitLevel", "provinceCode", "validFrom", "validTo",
  "registeredFacility", "fiveYearDate",
];

/** A card payload as staged: its values in STAGED_CARD_FIELDS order. */
export function toStagedCard(payload: CardPayload): unknown[] {
  return STAGED_CARD_FIELDS.map((f) => payload[f]);
}

/** A staged card payload back as named fields (key rotation re-seals staged rows by name). */
export function fromStagedCard(values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(STAGED_CARD_FIELDS.map((f, i) => [f, values[i] ?? null]));
}

/** The batch's staged rows as a table: `row` plus one column per payload field, named as in CardPayload. */
export function stagedCards(batchId: number): SQL {
  const columns = STAGED_CARD_FIELDS.map((f, i) => `s.payload ->> ${i} as ${f}`).join(", ");
  return sql`(select s.row_number as row, ${sql.raw(columns)} from import_staging_rows s where s.batch_id = ${batchId})`;
}

/**
 * The person a staged row `r` is about: the BHXH number decides, else the personal ID.
 * Both are unique blind indexes, so this is two index look-ups per row. Checks make sure
 * the two never point at different people before anything is applied.
 */
export const personOf = (r: string): SQL =>
  sql.raw(`coalesce((select p.id from people p where p.bhxh_number_idx = ${r}.bhxhIdx), (select p.id from people p where p.id_number_idx = ${r}.idIdx))`);

/** Staged rows with the person each matches now (null: a new person). */
export function stagedWithPerson(batchId: number): SQL {
  return sql`(select r.*, ${personOf("r")} as personId from ${stagedCards(batchId)} r)`;
}

