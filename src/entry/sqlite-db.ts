/** @module better-sqlite3 implementation of the Db interface (Node entry and CLI). */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import type { AtomicStep, Db, Orm } from "../db/client";
import { withStatementCache } from "./statement-cache";
import { createGroupCommit } from "./group-commit";
import { REFERENCE_TABLES, watchReferenceTables } from "./reference-version";

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
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    // Owner-only from the first byte (an empty file is an empty database); SQLite gives the
    // WAL and shared-memory files the database file's mode.
    if (!existsSync(path)) writeFileSync(path, "", { mode: 0o600, flag: "wx" });
  }
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
  // Statements of a unit run as they are built, on this connection, with the steps given the
  // connection's own Orm: Drizzle's transaction() builds a transaction object and session per
  // call, a third of a small unit's cost. Units of one turn share a transaction (group-commit.ts).
  const runSteps = (steps: readonly AtomicStep[], tx: Orm) => {
    for (const step of steps) {
      const statement = step(tx) as unknown as { run?: () => unknown };
      if (typeof statement.run === "function") statement.run();
    }
  };
  const commitUnit = createGroupCommit(sqlite, { busy: { isBusy, retries: options.busyRetries ?? 8 } });
  // After the migrations: they create (and may rebuild) the watched tables.
  const referenceVersion = options.migrate !== false || hasReferenceTables(sqlite) ? watchReferenceTables(sqlite) : undefined;
  return {
    orm: orm as unknown as Orm,
    driver: "sqlite",
    sqlite,
    ...(referenceVersion ? { referenceVersion } : {}),
    close: () => sqlite.close(),
    async atomic(steps) {
      // Inside a transaction someone else opened (a test, the CLI), Drizzle nests a savepoint.
      if (sqlite.inTransaction) return orm.transaction((tx) => runSteps(steps, tx as unknown as Orm));
      return commitUnit(() => runSteps(steps, orm as unknown as Orm));
    },
  };
}

/** A connection opened without migrating may face an empty file: then nothing is watched (nor cached). */
function hasReferenceTables(sqlite: Database.Database): boolean {
  const names = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  return REFERENCE_TABLES.every((t) => names.has(t));
}
