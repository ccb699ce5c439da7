/**
 * @module Which database holds a unit's data. Only the entries know whether the answer is one
 * SQLite file, one file per province, or one D1 binding per province; the core asks here.
 *
 * A shard key is a province code (`38`: the whole province in one database) or a province
 * code and a part (`79_1`, `79_2`: a province too big for one database, split by commune).
 * Units of a split province are assigned to a part by code prefix in the national database.
 */
import type { Db } from "../../db/client";
import type { NationalDb } from "../../db/national/client";
import { AppError } from "../../errors";
import { shardOfPrefix } from "./shard-assignments";
import { SHARD_KEY, provinceOfShard, provinceOfUnitCode } from "./shard-keys";

export { SHARD_KEY, provinceOfShard, provinceOfUnitCode };

export interface ShardRouter {
  /** `single`: one database holds every province; `province`: one database per shard key. */
  readonly mode: "single" | "province";
  /** Shard keys with their own database, in order ([] when `single`). */
  readonly shards: readonly string[];
  /** Where unknown senders start (their first message decides nothing about a province yet). */
  readonly defaultShard: string | undefined;
  /** The database of a shard key; throws `AppError("not_found", "shard-unknown")` when none serves it. */
  forShard(key: string): Db;
  /** The shard key that holds a unit (a split province consults the national assignments). */
  shardOfUnitCode(unitCode: string): Promise<string>;
  /** Identities → shard and daily rollups; in `single` mode it shares the one database. */
  readonly national: NationalDb;
}

/** The database that holds a unit. */
export async function shardForUnitCode(router: ShardRouter, unitCode: string): Promise<Db> {
  return router.forShard(await router.shardOfUnitCode(unitCode));
}

/**
 * A router over a fixed table of databases; both entries build theirs with it. `single`
 * mode maps everything to the one database.
 */
export function createShardRouter(input: { single: Db; national: NationalDb } | { shards: ReadonlyMap<string, Db>; national: NationalDb; defaultShard?: string }): ShardRouter {
  if ("single" in input) {
    const db = input.single;
    return { mode: "single", shards: [], defaultShard: undefined, national: input.national, forShard: () => db, shardOfUnitCode: async () => "*" };
  }
  const shards = [...input.shards.keys()].sort();
  if (shards.length === 0) throw new AppError("bad_request", "shard-none-configured");
  const bad = shards.find((key) => !SHARD_KEY.test(key));
  if (bad) throw new AppError("bad_request", "shard-unknown", { shard: bad });
  const defaultShard = input.defaultShard ?? shards[0]!;
  if (!input.shards.has(defaultShard)) throw new AppError("bad_request", "shard-unknown", { shard: defaultShard });
  const { national } = input;
  return {
    mode: "province",
    shards,
    defaultShard,
    national,
    forShard(key) {
      const db = input.shards.get(key);
      if (!db) throw new AppError("not_found", "shard-unknown", { shard: key });
      return db;
    },
    async shardOfUnitCode(unitCode) {
      const province = provinceOfUnitCode(unitCode);
      if (input.shards.has(province)) return province;
      const parts = shards.filter((key) => provinceOfShard(key) === province);
      if (parts.length === 0) throw new AppError("not_found", "shard-unknown", { shard: province });
      const part = await shardOfPrefix(national, unitCode.trim());
      // An assignment to a part this deployment does not serve is a configuration error, said as such.
      if (!part || !parts.includes(part)) throw new AppError("not_found", "shard-unit-unassigned", { code: unitCode.trim() });
      return part;
    },
  };
}
