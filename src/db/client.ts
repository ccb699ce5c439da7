import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQL } from "drizzle-orm";
import type * as schema from "./schema";

/** Drizzle over either driver: the Node SQLite driver is 'sync', D1 is 'async'. Always `await` queries. */
export type Orm = BaseSQLiteDatabase<"sync" | "async", unknown, typeof schema>;

/** One statement of an atomic unit; built lazily so ordering is the same on both drivers. */
export type AtomicStep = (tx: Orm) => BatchItem<"sqlite">;

/**
 * The database as the core sees it. Entries build it (`src/entry/*-db.ts`); only they know
 * the driver. `atomic` runs all steps or none: a sync transaction on Node's SQLite,
 * `batch` on D1 (which has no interactive transactions).
 */
export interface Db {
  readonly orm: Orm;
  readonly driver: "sqlite" | "d1";
  atomic(steps: AtomicStep[]): Promise<void>;
  /**
   * A token that changes whenever reference data (units, their aliases, groups, group aliases,
   * targets) may have changed, through this connection or another; undefined when the driver
   * cannot tell (D1), and then nothing derived from that data is cached.
   */
  referenceVersion?(): string;
}

/** D1 refuses queries with more than 100 bound parameters; bulk writes stay under it. */
export const MAX_BOUND_PARAMETERS = 100;

/** Splits rows so that each multi-row statement binds at most `limit` parameters. */
export function chunkForParameters<T>(rows: readonly T[], parametersPerRow: number, limit = MAX_BOUND_PARAMETERS): T[][] {
  if (parametersPerRow < 1 || parametersPerRow > limit) {
    throw new RangeError(`parametersPerRow must be between 1 and ${limit}`);
  }
  const size = Math.floor(limit / parametersPerRow);
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * A raw SQL statement as an atomic step. `run` executes at once on Node's SQLite (inside
 * the transaction `atomic` opened) and returns a batchable statement on D1.
 */
export function rawStep(query: SQL): AtomicStep {
  return (tx) => tx.run(query) as unknown as BatchItem<"sqlite">;
}
