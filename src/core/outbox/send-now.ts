import { settleWithoutSending } from "./settle";
import { claimKeys, notBeforeOf } from "./claim";
import { prepareDelivery, releasePrepared, sendPrepared, type ChannelPacing, type DeliverContext, type DeliverOutcome } from "./deliver";
import type { ChannelSender } from "./types";
import type { Channel } from "../../db/schema";

/** A channel's sender and the rate state the dispatcher keeps for it. */
export interface ChannelLane {
  sender: ChannelSender;
  pace: ChannelPacing;
}

/**
 * How long a reply may wait for a slot of the channel's overall rate inside the webhook: one
 * slot at Telegram's 30/s, enough for an update's own text and picture. A busier channel means
 * a burst of updates: their replies wait in the outbox for the dispatch loop instead, so the
 * platform's webhook connections are answered at once rather than held while replies trickle
 * out at the platform's rate (measured: holding them cut webhook ingest to 29 updates/s).
 */
export const REPLY_MAX_WAIT_MS = 40;

/**
 * Sends an inbound update's replies at once, through the outbox: they were committed with
 * the update's effects, so a crash before this point only delays them (the dispatcher sends
 * them), never loses them. Replies go one after another, in order, each taking a slot of the
 * channel's overall rate (shared with the dispatcher's own sends). The first one that cannot
 * go now (a 429 with its retry-after, a 5xx, no slot within `REPLY_MAX_WAIT_MS`) is left to
 * the dispatcher with every reply after it, not before it, so a chat never reads the replies
 * out of order and a saved report is never followed by "try again".
 */
export async function sendNow(ctx: DeliverContext, laneOf: (channel: Channel) => ChannelLane | undefined, keys: readonly string[], leaseMs: number, channel?: Channel): Promise<DeliverOutcome[]> {
  const outcomes: DeliverOutcome[] = [];
  const nowMs = () => ctx.now().getTime();
  const tooFar = (slot: number) => slot - nowMs() > Math.min(REPLY_MAX_WAIT_MS, ctx.maxWaitMs);
  // In a burst the channel's next slot is usually taken: the replies stay as they were
  // committed (pending, due now) for the dispatcher, without a claim and a release written
  // for nothing (two of an update's three write transactions under load).
  const pace = channel ? laneOf(channel)?.pace : undefined;
  if (pace && tooFar(pace.global.peek())) return keys.map(() => "deferred");
  let holdUntil: Date | undefined;
  for (const row of await claimKeys(ctx.db, keys, { now: ctx.now(), leaseMs })) {
    const lane = laneOf(row.channel);
    if (!lane || holdUntil) {
      await settleWithoutSending(ctx.db, row.id, ctx.now(), { status: "release", notBefore: holdUntil ?? ctx.now() });
      outcomes.push("deferred");
      continue;
    }
    const prepared = await prepareDelivery(ctx, row);
    if ("outcome" in prepared) {
      outcomes.push(prepared.outcome);
      continue;
    }
    const slot = lane.pace.global.peek();
    if (tooFar(slot)) {
      holdUntil = new Date(slot);
      outcomes.push(await releasePrepared(ctx, prepared, holdUntil));
      continue;
    }
    const at = lane.pace.global.reserve();
    if (at > nowMs()) await ctx.sleep(at - nowMs());
    lane.pace.departures.record(nowMs());
    // Proactive messages to this chat keep their spacing after the reply.
    lane.pace.recipients?.record(prepared.message.to, nowMs());
    const outcome = await sendPrepared(ctx, lane.sender, lane.pace, prepared);
    outcomes.push(outcome);
    if (outcome === "retried" || outcome === "deferred") holdUntil = await retryTime(ctx, row.id);
  }
  return outcomes;
}

/** When the dispatcher will try a message again: what follows it waits at least as long. */
async function retryTime(ctx: DeliverContext, id: number): Promise<Date> {
  const notBefore = await notBeforeOf(ctx.db, id);
  return notBefore && notBefore > ctx.now() ? notBefore : ctx.now();
}
