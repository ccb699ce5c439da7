/** @module Channel identity → shard (province database, or part of one), in the national database. */
import { and, eq } from "drizzle-orm";
import type { NationalDb } from "../../db/national/client";
import { nationalIdentities } from "../../db/national/schema";
import type { Channel } from "../../db/schema";

/** The shard that holds this sender, if any has bound them. */
export async function shardOfIdentity(national: NationalDb, channel: Channel, externalKey: string): Promise<string | undefined> {
  const [row] = await national.orm
    .select({ shard: nationalIdentities.shardKey })
    .from(nationalIdentities)
    .where(and(eq(nationalIdentities.channel, channel), eq(nationalIdentities.externalKey, externalKey)));
  return row?.shard;
}

/**
 * Records (or moves) a sender's shard. Written after the shard bound them: if this write is
 * lost the sender is found again by their next invite or card.
 */
export async function rememberIdentity(national: NationalDb, input: { channel: Channel; externalKey: string; shard: string; now: Date }): Promise<void> {
  await national.orm
    .insert(nationalIdentities)
    .values({ channel: input.channel, externalKey: input.externalKey, shardKey: input.shard, updatedAt: input.now })
    .onConflictDoUpdate({ target: [nationalIdentities.channel, nationalIdentities.externalKey], set: { shardKey: input.shard, updatedAt: input.now } });
}
