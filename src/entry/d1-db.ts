/** @module Cloudflare D1 implementation of the Db interface (Workers entry). */
import { drizzle } from "drizzle-orm/d1";
import type { BatchItem } from "drizzle-orm/batch";
import * as schema from "../db/schema";
import type { Db, Orm } from "../db/client";

// Migrations are applied by `wrangler d1 migrations apply`, never here:
// drizzle-orm/d1/migrator imports node:fs, which a Worker does not have.

/** Wraps a D1 binding; `atomic` uses `batch`, D1's only all-or-nothing unit (no interactive transactions). */
export function createD1Db(binding: D1Database): Db {
  const orm = drizzle(binding, { schema, casing: "snake_case" });
  const shared = orm as unknown as Orm;
  return {
    orm: shared,
    driver: "d1",
    async atomic(steps) {
      // D1 rejects an empty batch; nothing to do is trivially atomic.
      if (steps.length === 0) return;
      const statements = steps.map((step) => step(shared)) as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];
      await orm.batch(statements);
    },
  };
}
