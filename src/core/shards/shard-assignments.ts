/**
 * @module Units of a split province, assigned to parts by code prefix (a commune, or a former
 * district with its communes): `79-01 → 79_1`. The longest matching prefix wins, so one
 * commune can be moved to another part without reassigning its neighbours.
 */
import { sql } from "drizzle-orm";
import type { NationalDb } from "../../db/national/client";
import { shardAssignments } from "../../db/national/schema";
import { AppError } from "../../errors";
import { SHARD_KEY, provinceOfShard, provinceOfUnitCode } from "./shard-keys";

/** The part holding the unit whose code starts with the longest assigned prefix, if any. */
export async function shardOfPrefix(national: NationalDb, unitCode: string): Promise<string | undefined> {
  const [row] = await national.orm.all<{ shard: string }>(sql`
    select shard_key as shard from ${shardAssignments}
    where ${unitCode} = unit_prefix or ${unitCode} like unit_prefix || '-%'
    order by length(unit_prefix) desc limit 1`);
  return row?.shard;
}

/**
 * Assigns a code prefix to a part of its own province. Moving a prefix does not move its
 * data: the operator copies the rows first, then reassigns (docs/scale.md).
 */
export async function assignShard(national: NationalDb, input: { unitPrefix: string; shard: string; now: Date }): Promise<void> {
  const prefix = input.unitPrefix.trim();
  if (!SHARD_KEY.test(input.shard)) throw new AppError("bad_request", "shard-unknown", { shard: input.shard });
  if (provinceOfUnitCode(prefix) !== provinceOfShard(input.shard)) throw new AppError("bad_request", "shard-assignment-other-province", { code: prefix, shard: input.shard });
  await national.orm
    .insert(shardAssignments)
    .values({ unitPrefix: prefix, shardKey: input.shard, updatedAt: input.now })
    .onConflictDoUpdate({ target: shardAssignments.unitPrefix, set: { shardKey: input.shard, updatedAt: input.now } });
}
