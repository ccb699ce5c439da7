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

export interface SqliteOptions {
  migrate?: boolean;
  /** How long a statement waits for another connection's write lock before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number;
  /** How often `atomic` starts over after SQLITE_BUSY (default 8, backing off from 50 ms). */
  busyRetries?: number;
  /** SQLite's page cache in MB (default: SQLite's own, 2 MB). See `setPageCacheMb`. */
  pageCacheMb?: number;
}

/** Another connection (the CLI, a second server process) held the write lock too long. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * Sizes the connection's page cache. A bulk write (a card roster of a million rows) inserts
 * blind indexes, random by design, into unique indexes that outgrow SQLite's default 2 MB:
 * nearly every insert then missed the cache, and its one big transaction spilled dirty pages
 * to the WAL and wrote them again, so the import slowed down faster than it grew. Memory is
 * taken only as pages are read, up to this size.
 */
export function setPageCacheMb(sqlite: Database.Database, mb: number): void {
  sqlite.pragma(`cache_size = ${-Math.max(1, Math.round(mb * 1024))}`);
}

/** Opens (creating folders as needed) a SQLite file, or ":memory:", tuned for a webhook server. */
export function openSqliteDb(path: string, options: SqliteOptions = {}): SqliteDb {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers (dashboard, health) run while a writer commits; busy_timeout rides out
  // short lock waits from a second process such as the CLI.
  if (path !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  if (options.pageCacheMb !== undefined) setPageCacheMb(sqlite, options.pageCacheMb);
  const orm = drizzle({ client: withStatementCache(sqlite), schema, casing: "snake_case" });
  if (options.migrate !== false) migrate(orm, { migrationsFolder: MIGRATIONS_DIR });
  return {
    orm: orm as unknown as Orm,
    driver: "sqlite",
    sqlite,
    close: () => sqlite.close(),
    async atomic(steps) {
      const retries = options.busyRetries ?? 8;
      for (let attempt = 0; ; attempt++) {
        try {
          // better-sqlite3 transactions must be synchronous: each step runs as it is built.
          // IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for it; a deferred
          // transaction that read first could fail at its first write without waiting.
          orm.transaction(
            (tx) => {
              for (const step of steps) {
                const statement = step(tx as unknown as Orm) as unknown as { run?: () => unknown };
                if (typeof statement.run === "function") statement.run();
              }
            },
            { behavior: "immediate" },
          );
          return;
        } catch (err) {
          // The transaction rolled back as a whole; starting over loses nothing.
          if (!isBusy(err) || attempt >= retries) throw err;
          await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 5) * (0.5 + Math.random())));
        }
      }
    },
  };
}
