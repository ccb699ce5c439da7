/** Province sharding settings of `parseConfig`: the keys live in `shardEnvShape`, spread into `configSchema`. */
import { z } from "zod";

export const SHARDING_MODES = ["single", "province"] as const;

export const shardEnvShape = {
  /** `single`: one database (DATABASE_PATH, or the D1 binding DB); `province`: one per province. */
  SHARDING: z.enum(SHARDING_MODES).default("single"),
  /** Node with SHARDING=province: `province-<code>.sqlite` files and `national.sqlite` live here. */
  DATABASE_DIR: z.string().min(1).default("data"),
  /** Node with SHARDING=province: the provinces served, e.g. `12,38` (Workers list D1 bindings `DB_P12`, `DB_P38`). */
  SHARD_PROVINCES: z.string().regex(/^\s*(?:\d{2}\s*(?:,\s*\d{2}\s*)*)?$/).default(""),
  /** Where a sender nobody has bound yet starts (the welcome, "send your invite code"); default the first province. */
  DEFAULT_PROVINCE: z.string().regex(/^\d{2}$/).optional(),
};

type ShardEnv = z.infer<z.ZodObject<typeof shardEnvShape>>;

export interface ShardConfig {
  sharding: { mode: "single" } | { mode: "province"; databaseDir: string; provinces: string[]; defaultProvince?: string };
}

export function shardConfig(e: ShardEnv): ShardConfig {
  if (e.SHARDING === "single") return { sharding: { mode: "single" } };
  const provinces = [...new Set(e.SHARD_PROVINCES.split(",").map((p) => p.trim()).filter((p) => p !== ""))].sort();
  return { sharding: { mode: "province", databaseDir: e.DATABASE_DIR, provinces, defaultProvince: e.DEFAULT_PROVINCE } };
}
