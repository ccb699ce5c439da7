/** @module The national database over either driver (Node SQLite file or D1 binding). */
import type Database from "better-sqlite3";
import { fileURLToPath } from "node:url";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as nationalSchema from "../db/national/schema";
import type { NationalDb, NationalOrm } from "../db/national/client";

export const NATIONAL_MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations-national", import.meta.url));
/**
 * Its own tracker table: in `single` mode the national tables share the one SQLite file, and
 * drizzle's tracker compares timestamps, so two folders must never share one tracker.
 */
export const NATIONAL_MIGRATIONS_TABLE = "__drizzle_migrations_national";

/** National tables on an open SQLite connection (its own file, or the single database's). */
export function openSqliteNational(sqlite: Database.Database, options: { migrate?: boolean } = {}): NationalDb {
  const orm = drizzleSqlite({ client: sqlite, schema: nationalSchema, casing: "snake_case" });
  if (options.migrate !== false) migrate(orm, { migrationsFolder: NATIONAL_MIGRATIONS_DIR, migrationsTable: NATIONAL_MIGRATIONS_TABLE });
  return { orm: orm as unknown as NationalOrm };
}
