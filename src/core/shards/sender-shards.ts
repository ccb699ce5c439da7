/**
 * @module Where a sender's data lives across shards, and their opt-out recorded everywhere it
 * matters. A phone can be on the roster of several provinces (a household that moved, a
 * relative's number), and each shard plans its own reminders: an SMS "HUY" recorded in one
 * shard only would leave the others sending. An opt-out lost is never acceptable.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { channelIdentities, outboxMessages, people, type Channel } from "../../db/schema";
import type { Db } from "../../db/client";
import { withdrawConsents } from "../residents/reminder-consent";
import { OFFICER_PURPOSE_PREFIX } from "../outbox/types";
import type { ShardRouter } from "./shard-router";

/** The channels a webhook sender can arrive on (http reads it here, not from db/schema). */
export type SenderChannel = Channel;

/** True when this shard knows the sender: a channel identity, or (SMS) a roster phone. */
async function holds(db: Db, channel: Channel, externalKey: string): Promise<boolean> {
  const [bound] = await db.orm
    .select({ n: sql<number>`1` })
    .from(channelIdentities)
    .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalKey, externalKey)))
    .limit(1);
  if (bound || channel !== "sms") return bound !== undefined;
  const [listed] = await db.orm.select({ n: sql<number>`1` }).from(people).where(eq(people.phoneIdx, externalKey)).limit(1);
  return listed !== undefined;
}

/** Every shard that holds the sender (an indexed look-up per shard, all at once), in shard order. */
export async function shardsHoldingSender(router: ShardRouter, channel: Channel, externalKey: string): Promise<string[]> {
  if (router.mode === "single") return [];
  const hits = await Promise.all(router.shards.map(async (shard) => ((await holds(router.forShard(shard), channel, externalKey)) ? shard : undefined)));
  return hits.filter((s): s is string => s !== undefined);
}

/**
 * Cancels reminders still waiting for a roster phone (planned by phone, with no contact yet).
 * The dispatcher would cancel them at send time anyway; doing it now means nothing is left
 * pending for a number that said no.
 */
export async function cancelPendingForPhone(db: Db, phoneIdx: string, now: Date): Promise<void> {
  await db.orm
    .update(outboxMessages)
    .set({ status: "cancelled", lastErrorCode: "opted_out", updatedAt: now })
    .where(and(eq(outboxMessages.channel, "sms"), inArray(outboxMessages.status, ["pending"]), sql`json_extract(${outboxMessages.payload}, '$.phoneIdx') = ${phoneIdx}`, sql`${outboxMessages.purpose} not like ${OFFICER_PURPOSE_PREFIX + "%"}`));
}

/**
 * Records an opt-out in every shard listed (each marks the contact opted out, withdraws its
 * consents and cancels what waits in its outbox), independently: one shard failing does not
 * stop the others, and the failures are returned so the caller can answer with an error and
 * let the sender's platform retry.
 */
export async function withdrawInShards(router: ShardRouter, shards: readonly string[], input: { channel: Channel; externalKey: string; via: string; now: Date }): Promise<{ failed: string[] }> {
  const results = await Promise.allSettled(
    shards.map(async (shard) => {
      const db = router.forShard(shard);
      await withdrawConsents(db, input);
      if (input.channel === "sms") await cancelPendingForPhone(db, input.externalKey, input.now);
    }),
  );
  return { failed: shards.filter((_, i) => results[i]!.status === "rejected") };
}
