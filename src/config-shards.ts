/** Province sharding settings of `parseConfig`: the keys live in `shardEnvShape`, spread into `configSchema`. */
import { z } from "zod";

export const SHARDING_MODES = ["single", "province"] as const;

export const shardEnvShape = {
  /** `single`: one database (DATABASE_PATH, or the D1 binding DB); `province`: one per province (or part of one). */
  SHARDING: z.enum(SHARDING_MODES).default("single"),
  /** Node with SHARDING=province: `province-<shard>.sqlite` files and `national.sqlite` live here. */
  DATABASE_DIR: z.string().min(1).default("data"),
  /** Node with SHARDING=province: the shards served, e.g. `12,38,79_1,79_2` (Workers: D1 bindings `DB_P12`…). */
  SHARDS: z.string().regex(/^\s*(?:\d{2}(?:_[1-9]\d?)?\s*(?:,\s*\d{2}(?:_[1-9]\d?)?\s*)*)?$/).default(""),
  /** Where a sender nobody has bound yet starts (the welcome, "send your invite code"); default the first shard. */
  DEFAULT_SHARD: z.string().regex(/^\d{2}(?:_[1-9]\d?)?$/).optional(),
};

type ShardEnv = z.infer<z.ZodObject<typeof shardEnvShape>>;

export interface ShardConfig {
  sharding: { mode: "single" } | { mode: "province"; databaseDir: string; shards: string[]; defaultShard?: string };
}

export function shardConfig(e: ShardEnv): ShardConfig {
  if (e.SHARDING === "single") return { sharding: { mode: "single" } };
  const shards = [...new Set(e.SHARDS.split(",").map((p) => p.trim()).filter((p) => p !== ""))].sort();
  return { sharding: { mode: "province", databaseDir: e.DATABASE_DIR, shards, defaultShard: e.DEFAULT_SHARD } };
}
