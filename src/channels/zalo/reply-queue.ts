import type { Db, AtomicStep } from "../../db/client";
import { inboundUpdates, type Channel } from "../../db/schema";
import type { Reply } from "../../core/conversation/types";
import { enqueueSteps } from "../../core/outbox/enqueue";
import type { OutboxDraft } from "../../core/outbox/types";

/** Replies are conversation: never held by quiet hours, pointless an hour late. */
export const ZALO_REPLY_PURPOSE = "officer-reply";
export const ZALO_REPLY_TTL_MS = 60 * 60_000;

export interface QueuedReplies {
  db: Db;
  channel: Channel;
  /** The inbound event's de-dup key (Zalo msg_id, bot event:message id). */
  externalId: string;
  /** Where replies go: OA user id or bot chat id. */
  to: string;
  replies: Reply[];
  at: Date;
  /** More effects to commit with the replies (the identity's last inbound time). */
  extra?: AtomicStep[];
}

/**
 * Enqueues the replies and records the inbound event in one atomic unit, so a redelivered
 * webhook neither re-runs the core nor queues the replies twice (as for SMS).
 */
export async function queueReplies(input: QueuedReplies): Promise<void> {
  const { channel, externalId, at } = input;
  const drafts: OutboxDraft[] = input.replies.map((reply, i) => ({
    idempotencyKey: `${channel}-reply:${externalId}:${i}`,
    channel,
    purpose: ZALO_REPLY_PURPOSE,
    templateKey: `${channel}-reply`,
    payload: { text: reply.text, chatId: input.to, buttons: reply.buttons },
    notBefore: at,
    expiresAt: new Date(at.getTime() + ZALO_REPLY_TTL_MS),
  }));
  await input.db.atomic([
    ...enqueueSteps(drafts, at),
    ...(input.extra ?? []),
    (tx) => tx.insert(inboundUpdates).values({ channel, externalId, receivedAt: at }).onConflictDoNothing(),
  ]);
}
