/**
 * @module The province of a sender nobody has bound yet, from what they typed: an invite
 * code (`/start NP7K-3QXM`) or a card number. Each is a keyed-hash index look-up, run in
 * every shard at once (a card code only in the shards of the province it names); this
 * happens once per person, not per message.
 */
import { and, eq, sql } from "drizzle-orm";
import { channelIdentities, conversationStates, inviteCodes } from "../../db/schema";
import type { Channel } from "../../db/schema";
import type { Db } from "../../db/client";
import type { Protector } from "../privacy/protector";
import { normalizeInviteCode } from "../officers/invite-codes";
import { readCardIdentifier } from "../residents/card-identifier";
import { findCandidates } from "../residents/find-card";
import type { ShardRouter } from "./shard-router";
import { shardsForCard } from "./card-shards";

const START = /^\/start(?:@\w+)?\s*(.*)$/i;

/**
 * Which shard knows the invite or card the text names (usually one, or none). `invitesOnly`
 * for senders a shard already holds: an invite may move them (an officer posted to another
 * province), a card number they look up for someone else must not.
 */
export async function locateShard(router: ShardRouter, protector: Protector, text: string, options: { invitesOnly?: boolean } = {}): Promise<string | undefined> {
  if (router.mode === "single") return undefined;
  const payload = (START.exec(text.trim())?.[1] ?? text).trim();
  const invite = normalizeInviteCode(payload);
  const card = invite || options.invitesOnly ? undefined : readCardIdentifier(payload);
  if (!invite && !card) return undefined;
  const inviteHash = invite ? await protector.blindIndex("invite", invite) : undefined;
  // A card code names its province: only that province's shards are asked (issue 16).
  const asked = card ? await shardsForCard(router, card) : router.shards;
  const hits = await Promise.all(
    asked.map(async (shard) => {
      const db = router.forShard(shard);
      if (inviteHash) {
        const [row] = await db.orm.select({ id: inviteCodes.id }).from(inviteCodes).where(eq(inviteCodes.codeHash, inviteHash)).limit(1);
        return row ? shard : undefined;
      }
      return (await findCandidates(db, protector, card!)).length > 0 ? shard : undefined;
    }),
  );
  return hits.find((p) => p !== undefined);
}

/**
 * True when the shard now holds this sender: a bound identity, or a question the
 * bot is waiting on (a resident who sent a card number is asked for a date of birth next).
 */
export async function holdsSender(db: Db, channel: Channel, externalKey: string): Promise<boolean> {
  const [bound] = await db.orm
    .select({ n: sql<number>`1` })
    .from(channelIdentities)
    .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalKey, externalKey)))
    .limit(1);
  if (bound) return true;
  const [waiting] = await db.orm
    .select({ n: sql<number>`1` })
    .from(conversationStates)
    .where(and(eq(conversationStates.channel, channel), eq(conversationStates.externalKey, externalKey)))
    .limit(1);
  return waiting !== undefined;
}
