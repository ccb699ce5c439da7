import { sql, type SQL } from "drizzle-orm";
import type { CardPayload } from "./card-payload";

/**
 * SQL shared by the card checks and the apply. Everything runs over the staging table so a
 * million-row roster never comes back into memory; only offending rows and counts do.
 */

/**
 * The payload's fields, in the column order of card_staging_rows (snake_case there). Card
 * batches staged before that table were a JSON array in this order in import_staging_rows;
 * key rotation still reads those through `fromStagedCard`. Append new fields at the end.
 */
export const STAGED_CARD_FIELDS: readonly (keyof CardPayload)[] = [
  "unitId", "householdCode", "nameEnc", "gender", "birthYear", "dobEnc", "dobIdx", "bhxhEnc", "bhxhIdx", "idEnc", "idIdx",
  "phoneEnc", "phoneIdx", "cardEnc", "cardIdx", "groupCode", "benefitLevel", "provinceCode", "validFrom", "validTo",
  "registeredFacility", "fiveYearDate",
];

/** A card payload as an array in STAGED_CARD_FIELDS order (the older JSON staging). */
export function toStagedCard(payload: CardPayload): unknown[] {
  return STAGED_CARD_FIELDS.map((f) => payload[f]);
}

/** A staged card payload back as named fields (key rotation re-seals staged rows by name). */
export function fromStagedCard(values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(STAGED_CARD_FIELDS.map((f, i) => [f, values[i] ?? null]));
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The batch's staged rows (card_staging_rows) as a table: `row`, `personId` (the match the
 * last `resolveStagedPeople` found) and one column per payload field, named as in CardPayload.
 */
export function stagedCards(batchId: number): SQL {
  const columns = STAGED_CARD_FIELDS.map((f) => `s.${snake(f)} as ${f}`).join(", ");
  return sql`(select s.row_number as row, s.person_id as personId, ${sql.raw(columns)} from card_staging_rows s where s.batch_id = ${batchId})`;
}

/**
 * The person a staged row `r` is about: the BHXH number decides, else the personal ID.
 * Both are unique blind indexes, so this is two index look-ups per row. Checks make sure
 * the two never point at different people before anything is applied.
 */
export const personOf = (r: string): SQL =>
  sql.raw(`coalesce((select p.id from people p where p.bhxh_number_idx = ${r}.bhxhIdx), (select p.id from people p where p.id_number_idx = ${r}.idIdx))`);

/**
 * Records each staged row's match on record in `person_id`, once, so checks, counts and
 * the apply read a column instead of probing two indexes of `people` each time (at a
 * million rows those probes were most of their cost). The checks run it, and the apply
 * again as its first statement, inside its atomic unit: the roster may have changed in between.
 */
export function resolveStagedPeople(batchId: number): SQL {
  // Only rows whose match changed are written: SQLite rewrites every row an UPDATE selects,
  // and a staged row is ~1 KB, so a first import (no match, still null) or the apply's
  // second pass (same match) rewrote the whole batch for nothing.
  const match = `coalesce(
      (select p.id from people p where p.bhxh_number_idx = card_staging_rows.bhxh_idx),
      (select p.id from people p where p.id_number_idx = card_staging_rows.id_idx))`;
  return sql`update card_staging_rows set person_id = ${sql.raw(match)}
    where batch_id = ${batchId} and person_id is not ${sql.raw(match)}`;
}
