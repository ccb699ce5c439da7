import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rawStep, type AtomicStep } from "../../db/client";
import { countStagedCards } from "./card-staging";

/**
 * The roster's indexes whose keys have nothing to do with the order an apply writes rows in.
 * Above all the four blind indexes: HMACs, random by design, so each row lands on a random
 * leaf; at a million rows they hold ~320 MB, far beyond any page cache the import can
 * afford, and nearly every entry was a page miss (the apply's insert of a million people
 * took 41 s with them, 4 s without). Then the cards' end dates (cards_due_idx: a year of
 * days, each row in the middle of its day's run). Built afresh after the writes, SQLite
 * sorts the keys once and writes each index in order (~2 s each at a million rows).
 * The others (ids, units, households) grow at their end as rows arrive and are kept.
 */
export const REBUILT_INDEX_NAMES = ["people_bhxh_idx_uq", "people_id_idx_uq", "people_phone_idx", "cards_code_idx", "cards_due_idx"] as const;

export interface IndexDefinition {
  name: string;
  sql: string;
}

/**
 * The indexes to drop before the apply's writes and build again after them, when the
 * batch touches at least half as many people as the roster holds (a first import, a
 * province's yearly list); none for a commune's update of a big roster, where rebuilding
 * the whole index would cost more than its few random writes. Taken from sqlite_master, so
 * they come back exactly as the migrations made them.
 */
export async function indexesToRebuild(db: Db, batchId: number): Promise<IndexDefinition[]> {
  const staged = await countStagedCards(db, batchId);
  const [people] = await db.orm.all<{ n: number }>(sql`select count(*) as n from people`);
  if (staged === 0 || staged * 2 < (people?.n ?? 0)) return [];
  return db.orm.all<IndexDefinition>(sql`
    select name, sql from sqlite_master
    where type = 'index' and sql is not null and name in (${sql.join(
      REBUILT_INDEX_NAMES.map((n) => sql`${n}`),
      sql`, `,
    )})
    order by name`);
}

/**
 * Both ends of the rebuild, inside the apply's atomic unit: a failed apply leaves the
 * indexes as they were, and readers (WAL) keep seeing them until the commit. A unique
 * index the writes would break fails its creation, and with it the whole unit, as the
 * write itself would have failed with the index in place (the checks make sure it cannot).
 */
export function dropIndexSteps(indexes: readonly IndexDefinition[]): AtomicStep[] {
  return indexes.map((i) => rawStep(sql.raw(`drop index if exists "${i.name.replace(/"/g, '""')}"`)));
}

export function createIndexSteps(indexes: readonly IndexDefinition[]): AtomicStep[] {
  return indexes.map((i) => rawStep(sql.raw(i.sql)));
}
