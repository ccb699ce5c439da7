/** @module better-sqlite3 implementation of the Db interface (Node entry and CLI). */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import type { Db, Orm } from "../db/client";
import { withStatementCache } from "./statement-cache";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

export interface SqliteDb extends Db {
  readonly sqlite: Database.Database;
  close(): void;
}

/** Opens (creating folders as needed) a SQLite file, or ":memory:", tuned for a webhook server. */
export function openSqliteDb(path: string, options: { migrate?: boolean } = {}): SqliteDb {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers (dashboard, health) run while a writer commits; busy_timeout rides out
  // short lock waits from a second process such as the CLI.
  if (path !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const orm = drizzle({ client: withStatementCache(sqlite), schema, casing: "snake_case" });
  if (options.migrate !== false) migrate(orm, { migrationsFolder: MIGRATIONS_DIR });
  return {
    orm: orm as unknown as Orm,
    driver: "sqlite",
    sqlite,
    close: () => sqlite.close(),
    async atomic(steps) {
      // better-sqlite3 transactions must be synchronous: each step runs as it is built.
      orm.transaction((tx) => {
        for (const step of steps) {
          const statement = step(tx as unknown as Orm) as unknown as { run?: () => unknown };
          if (typeof statement.run === "function") statement.run();
        }
      });
    },
  };
}
