/** @module Tells when reference data changed on a better-sqlite3 connection (Node only). */
import type Database from "better-sqlite3";

/** The tables `Db.referenceVersion` watches: what tally vocabularies and the lapse rules are built from. */
export const REFERENCE_TABLES = ["admin_units", "admin_unit_aliases", "participant_groups", "group_aliases", "targets", "waiting_rules"] as const;

/**
 * `PRAGMA data_version` changes when another connection (the CLI, a second process) commits;
 * writes through this connection call a counter through TEMP triggers, which exist for this
 * connection only and cost one function call per changed row. Together they say "maybe
 * changed" for every write, whoever made it, so a cache keyed by the token is never stale.
 * The counter lives in JS, not in a table, so a rolled-back write cannot take it back to a
 * value a cache entry was made under.
 */
export function watchReferenceTables(sqlite: Database.Database): () => string {
  let changes = 0;
  sqlite.function("bhyt_reference_changed", { deterministic: false }, () => {
    changes++;
    return null;
  });
  for (const table of REFERENCE_TABLES) {
    for (const event of ["INSERT", "UPDATE", "DELETE"]) {
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS reference_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT bhyt_reference_changed(); END`);
    }
  }
  const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
  return () => `${dataVersion.get() as number}.${changes}`;
}
