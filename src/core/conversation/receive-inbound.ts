import { and, eq } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { channelIdentities, inboundUpdates } from "../../db/schema";
import { enqueueSteps } from "../outbox/enqueue";
import type { OutboxPayload } from "../outbox/types";
import type { RelayRequest } from "../outbox/reply-relay";
import { alreadyProcessed } from "./inbound-dedup";
import { replyDrafts } from "./reply-outbox";
import type { InboundMessage, Reply } from "./types";

export interface InboundTurn {
  message: InboundMessage;
  /** The channel's de-duplication key for this event (provider event id, msg_id…). */
  externalId: string;
  /** How one reply is stored for the channel's sender (text, chat id or sealed phone, buttons). */
  payloadOf(replies: Reply[]): Promise<OutboxPayload[]> | OutboxPayload[];
  /** Zalo's free-reply window counts from the person's last message: record it with the replies. */
  touchIdentity?: boolean;
}

export type InboundResult = "handled" | "duplicate";

/**
 * The one inbound use case behind every channel (Telegram, SMS, Zalo OA, Zalo Bot): de-duplicate on the event's key,
 * run the conversation, then enqueue its replies in the same atomic unit that records the event
 * as processed, so a redelivered webhook neither re-runs the core nor queues the replies twice.
 * (A tally records the event key atomically with its rows, so a redelivery after that is a
 * duplicate too.) The outbox sends the replies and retries them.
 */
export function createInboundReceiver(deps: {
  db: Db;
  handle(message: InboundMessage): Promise<Reply[]>;
  now?: () => Date;
  /**
   * Starts sending the committed replies (the dispatcher's `relay`) without waiting for them:
   * the platform gets its answer first. They are already in the outbox, so if this fails or the
   * process dies, the dispatcher sends them; it is never an error of the update.
   */
  relay?(request: RelayRequest): void;
}) {
  const now = deps.now ?? (() => new Date());
  return async function receive(turn: InboundTurn): Promise<InboundResult> {
    const { channel } = turn.message;
    if (await alreadyProcessed(deps.db, channel, turn.externalId)) return "duplicate";
    const replies = await deps.handle(turn.message);
    const at = now();
    const payloads = replies.length > 0 ? await turn.payloadOf(replies) : [];
    const drafts = replyDrafts({ channel, externalId: turn.externalId, replies: payloads.map((payload) => ({ payload })), at });
    const identity = and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalKey, turn.message.senderId));
    const steps: AtomicStep[] = [
      ...enqueueSteps(drafts, at),
      ...(turn.touchIdentity ? [(tx: Db["orm"]) => tx.update(channelIdentities).set({ lastInboundAt: at, updatedAt: at }).where(identity)] : []),
      (tx) => tx.insert(inboundUpdates).values({ channel, externalId: turn.externalId, receivedAt: at }).onConflictDoNothing(),
    ];
    await deps.db.atomic(steps);
    if (deps.relay && drafts.length > 0) deps.relay({ channel, conversation: `${channel}:${turn.message.senderId}`, keys: drafts.map((d) => d.idempotencyKey) });
    return "handled";
  };
}

export type InboundReceiver = ReturnType<typeof createInboundReceiver>;
