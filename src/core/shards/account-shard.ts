import { findAdminByUsername } from "../auth/admin-accounts";
import type { ShardRouter } from "./shard-router";

/**
 * The shard that holds a dashboard account (SHARDING=province): a province's accounts live in
 * its own database, beside the units they are scoped to; national accounts in the default
 * shard. The default shard is asked first; usernames are unique across shards (`bhyt admin
 * create` refuses a name another shard holds).
 */
export async function shardOfAccount(router: ShardRouter, username: string): Promise<string | undefined> {
  const order = [router.defaultShard!, ...router.shards.filter((s) => s !== router.defaultShard)];
  for (const shard of order) {
    if (await findAdminByUsername(router.forShard(shard), username)) return shard;
  }
  return undefined;
}
