/** @module The national database on a D1 binding (migrated by `wrangler d1 migrations apply NATIONAL_DB`). */
import { drizzle } from "drizzle-orm/d1";
import * as nationalSchema from "../db/national/schema";
import type { NationalDb, NationalOrm } from "../db/national/client";

export function createD1National(binding: D1Database): NationalDb {
  return { orm: drizzle(binding, { schema: nationalSchema, casing: "snake_case" }) as unknown as NationalOrm };
}
