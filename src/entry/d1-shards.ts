/**
 * @module The Workers shard router: D1 bindings from wrangler.toml. `SHARDING=province`
 * serves every `DB_P<shard>` binding (DB_P12, DB_P38, or DB_P79_1 and DB_P79_2 for a split
 * province) and keeps identities, assignments and rollups in `NATIONAL_DB`; otherwise the
 * one binding `DB` holds everything, national tables included.
 */
import type { Config } from "../config";
import type { Db } from "../db/client";
import { createShardRouter, type ShardRouter } from "../core/shards/shard-router";
import { createD1Db } from "./d1-db";
import { createD1National } from "./d1-national";

const SHARD_BINDING = /^DB_P(\d{2}(?:_[1-9]\d?)?)$/;

/** The D1 bindings the router reads: `DB`, `NATIONAL_DB` and any `DB_P<shard>`. */
export type ShardBindings = { DB?: D1Database; NATIONAL_DB?: D1Database } & Partial<Record<`DB_P${string}`, D1Database>>;

export function createD1ShardRouter(env: ShardBindings, sharding: Config["sharding"]): ShardRouter {
  if (sharding.mode === "single") {
    if (!env.DB) throw new Error("D1 binding DB is missing");
    return createShardRouter({ single: createD1Db(env.DB), national: createD1National(env.DB) });
  }
  if (!env.NATIONAL_DB) throw new Error("SHARDING=province needs the D1 binding NATIONAL_DB");
  const shards = new Map<string, Db>();
  for (const [name, binding] of Object.entries(env)) {
    const shard = SHARD_BINDING.exec(name)?.[1];
    if (shard && binding) shards.set(shard, createD1Db(binding as D1Database));
  }
  return createShardRouter({ shards, national: createD1National(env.NATIONAL_DB), defaultShard: sharding.defaultShard });
}
