/**
 * @module Which shards may hold a card a resident typed. A 15-character card code names the
 * province that issued it (characters 4–5, pre-merger numbering), so only that province's
 * shards are asked; a BHXH number or a personal ID names none, so every shard is asked.
 */
import { eq } from "drizzle-orm";
import { cardProvinceCodes } from "../../db/schema";
import type { Db } from "../../db/client";
import type { CardIdentifier } from "../residents/card-identifier";
import type { ShardRouter } from "./shard-router";
import { provinceOfShard } from "./shard-keys";

/**
 * The province codes of today (QĐ 19/2025) a card's printed code stands for: its successor
 * after the 2025 merger, or itself while still valid. A code reused over time (52: Bình Định,
 * then Gia Lai) gives every province it has named. Unknown codes give none: never a guess.
 */
export async function currentProvincesOfCardCode(reference: Db, printed: string): Promise<string[]> {
  const rows = await reference.orm
    .select({ code: cardProvinceCodes.code, validTo: cardProvinceCodes.validTo, successor: cardProvinceCodes.successorCode })
    .from(cardProvinceCodes)
    .where(eq(cardProvinceCodes.code, printed));
  const current = new Set<string>();
  for (const row of rows) {
    if (row.successor) current.add(row.successor);
    else if (row.validTo === null) current.add(row.code);
  }
  return [...current].sort();
}

/**
 * The shards to ask for this identifier. A card code of a province this deployment does not
 * serve (or a code no province ever had) gives [] and the look-up finds nothing, rather than
 * asking shards that cannot hold it. Reference data is the same in every shard: the default
 * shard answers for all.
 */
export async function shardsForCard(router: ShardRouter, identifier: CardIdentifier): Promise<readonly string[]> {
  if (router.mode === "single" || identifier.kind !== "card") return router.shards;
  const printed = identifier.cardCode.slice(3, 5);
  const provinces = await currentProvincesOfCardCode(router.forShard(router.defaultShard!), printed);
  return router.shards.filter((shard) => provinces.includes(provinceOfShard(shard)));
}
