/**
 * @module Which database holds a province's data. The core asks by province code (or by a
 * unit code, whose first two digits are the province); only the entries know whether the
 * answer is one SQLite file, one file per province, or one D1 binding per province.
 */
import type { Db } from "../../db/client";
import type { NationalDb } from "../../db/national/client";
import { AppError } from "../../errors";

export interface ShardRouter {
  /** `single`: one database holds every province; `province`: one database per province. */
  readonly mode: "single" | "province";
  /** Province codes with their own database, in order ([] when `single`). */
  readonly provinces: readonly string[];
  /** Where unknown senders start (their first message decides nothing about a province yet). */
  readonly defaultProvince: string | undefined;
  /** The database of a province; throws `AppError("not_found", "shard-unknown-province")` when none serves it. */
  forProvince(provinceCode: string): Db;
  /** Identities → province and daily rollups; in `single` mode it shares the one database. */
  readonly national: NationalDb;
}

/**
 * The province of a unit code. Codes carry their province first: `38` (the province),
 * `38-01-01-02` (this project's composite codes), or `3801234` (CV 1804: 2 + 5 digits).
 * A bare 5-digit QĐ 19/2025 commune code names no province and is refused, never guessed.
 */
export function provinceOfUnitCode(code: string): string {
  const trimmed = code.trim();
  const match = /^(\d{2})(?:$|-|\d{5}$)/.exec(trimmed);
  if (!match) throw new AppError("bad_request", "shard-unit-without-province", { code: trimmed });
  return match[1]!;
}

/** The database of the province a unit code belongs to. */
export function shardForUnitCode(router: ShardRouter, unitCode: string): Db {
  return router.forProvince(provinceOfUnitCode(unitCode));
}

/** Province codes are two digits (QĐ 19/2025); anything else in config is a mistake. */
export const PROVINCE_CODE = /^\d{2}$/;

/**
 * A router over a fixed table of province databases; both entries build theirs with it.
 * `single` mode maps every province to the one database.
 */
export function createShardRouter(input: { single: Db; national: NationalDb } | { shards: ReadonlyMap<string, Db>; national: NationalDb; defaultProvince?: string }): ShardRouter {
  if ("single" in input) {
    const db = input.single;
    return { mode: "single", provinces: [], defaultProvince: undefined, national: input.national, forProvince: () => db };
  }
  const provinces = [...input.shards.keys()].sort();
  if (provinces.length === 0) throw new AppError("bad_request", "shard-none-configured");
  const defaultProvince = input.defaultProvince ?? provinces[0];
  if (!input.shards.has(defaultProvince!)) throw new AppError("bad_request", "shard-unknown-province", { province: defaultProvince! });
  return {
    mode: "province",
    provinces,
    defaultProvince,
    national: input.national,
    forProvince(provinceCode) {
      const db = input.shards.get(provinceCode);
      if (!db) throw new AppError("not_found", "shard-unknown-province", { province: provinceCode });
      return db;
    },
  };
}
