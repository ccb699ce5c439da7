/** @module Cloudflare D1 implementation of the Db interface (Workers entry). */
import { drizzle } from "drizzle-orm/d1";
import type { SQL } from "drizzle-orm";
import * as schema from "../db/schema";
import type { Db, Orm } from "../db/client";

// Migrations are applied by `wrangler d1 migrations apply`, never here:
// drizzle-orm/d1/migrator imports node:fs, which a Worker does not have.

type BuiltStep = { toSQL?: () => { sql: string; params: unknown[] }; getSQL?: () => SQL };

/**
 * Wraps a D1 binding; `atomic` uses `batch`, D1's only all-or-nothing unit (no interactive
 * transactions). Steps go to D1 as plain prepared statements: drizzle's own batch cannot bind
 * the parameters of raw `sql` steps (`db.run(sql…)`), which imports and invites use.
 */
export function createD1Db(binding: D1Database): Db {
  const orm = drizzle(binding, { schema, casing: "snake_case" });
  const shared = orm as unknown as Orm;
  const dialect = (orm as unknown as { dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } } }).dialect;
  return {
    orm: shared,
    driver: "d1",
    async atomic(steps) {
      // D1 rejects an empty batch; nothing to do is trivially atomic.
      if (steps.length === 0) return;
      const statements = steps.map((step) => {
        const built = step(shared) as unknown as BuiltStep;
        const query = built.toSQL ? built.toSQL() : dialect.sqlToQuery(built.getSQL!());
        return binding.prepare(query.sql).bind(...query.params);
      });
      await binding.batch(statements);
    },
  };
}
