import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, type Channel } from "../../db/schema";

export interface FollowEvent {
  channel: Channel;
  /** The platform's user id. */
  externalKey: string;
  /** true for follow (reachable again), false for unfollow (Zalo's block). */
  following: boolean;
  /** When the person did it, from the event itself (not when it reached us). */
  at: Date;
}

/**
 * Applies a follow/unfollow in event-time order, idempotently: one conditional UPDATE changes
 * the identity only when this event is newer than the last one applied. A redelivered event,
 * or an older one arriving late (retries, a replay), changes nothing. Returns whether it applied.
 */
export async function applyFollowEvent(db: Db, event: FollowEvent): Promise<boolean> {
  const updated = await db.orm
    .update(channelIdentities)
    .set({ blockedAt: event.following ? null : event.at, followEventAt: event.at, updatedAt: event.at })
    .where(
      and(
        eq(channelIdentities.channel, event.channel),
        eq(channelIdentities.externalKey, event.externalKey),
        or(isNull(channelIdentities.followEventAt), lt(channelIdentities.followEventAt, event.at)),
      ),
    )
    .returning({ id: channelIdentities.id });
  return updated.length > 0;
}
