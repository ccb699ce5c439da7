import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as nationalSchema from "./schema";

/** Drizzle over the national database (either driver); always `await` queries. */
export type NationalOrm = BaseSQLiteDatabase<"sync" | "async", unknown, typeof nationalSchema>;

/** The national database as the core sees it; built by the entries like `Db`. */
export interface NationalDb {
  readonly orm: NationalOrm;
}
