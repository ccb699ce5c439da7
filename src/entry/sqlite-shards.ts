/**
 * @module The Node shard router: one SQLite file by default (`DATABASE_PATH`, national tables
 * inside it), or with `SHARDING=province` one file per province in `DATABASE_DIR`
 * (`province-38.sqlite`, `province-79_1.sqlite`…) plus `national.sqlite`. Every file is created and migrated on open.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { createShardRouter, type ShardRouter } from "../core/shards/shard-router";
import { openSqliteDb, type SqliteDb } from "./sqlite-db";
import { openSqliteNational } from "./national-db";

export interface SqliteShards {
  router: ShardRouter;
  /** The shard files (or the one file, as `*`), for closing and for per-file jobs. */
  files: Map<string, SqliteDb>;
  close(): void;
}

export const provinceFile = (dir: string, shard: string) => join(dir, `province-${shard}.sqlite`);
export const nationalFile = (dir: string) => join(dir, "national.sqlite");

export function openSqliteShards(config: Pick<Config, "databasePath" | "sharding">): SqliteShards {
  const { sharding } = config;
  if (sharding.mode === "single") {
    const db = openSqliteDb(config.databasePath);
    return { router: createShardRouter({ single: db, national: openSqliteNational(db.sqlite) }), files: new Map([["*", db]]), close: () => db.close() };
  }
  if (sharding.shards.length === 0) throw new Error("SHARDING=province needs SHARDS (e.g. 12,38)");
  mkdirSync(sharding.databaseDir, { recursive: true });
  const files = new Map<string, SqliteDb>();
  for (const shard of sharding.shards) files.set(shard, openSqliteDb(provinceFile(sharding.databaseDir, shard)));
  const nationalSqlite = new Database(nationalFile(sharding.databaseDir));
  nationalSqlite.pragma("journal_mode = WAL");
  nationalSqlite.pragma("busy_timeout = 5000");
  const router = createShardRouter({ shards: files as Map<string, Db>, national: openSqliteNational(nationalSqlite), defaultShard: sharding.defaultShard });
  return {
    router,
    files,
    close() {
      for (const db of files.values()) db.close();
      nationalSqlite.close();
    },
  };
}
