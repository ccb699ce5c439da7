import { sql } from "drizzle-orm";
import type { AtomicStep } from "../../db/client";
import { rawStep } from "../../db/client";

/**
 * Steps that erase a person from imports still staged (a running or killed `bhyt import cards`):
 * typed card rows by person or blind index, and older JSON-staged rows that contain one of the
 * person's blind indexes (keyed hashes: containment cannot match by accident). Without them,
 * `person forget` would report success while sealed copies waited in staging.
 */
export function stagedErasureSteps(personId: number, blindIndexes: readonly (string | null | undefined)[]): AtomicStep[] {
  const idx = [...new Set(blindIndexes.filter((v): v is string => typeof v === "string" && v.length >= 16))];
  const steps: AtomicStep[] = [rawStep(sql`delete from card_staging_rows where person_id = ${personId}`)];
  for (const value of idx) {
    steps.push(rawStep(sql`delete from card_staging_rows where bhxh_idx = ${value} or id_idx = ${value} or card_idx = ${value}`));
    steps.push(rawStep(sql`delete from import_staging_rows where instr(payload, ${value}) > 0`));
  }
  return steps;
}
