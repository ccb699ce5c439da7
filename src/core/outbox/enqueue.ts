import type { Db, AtomicStep } from "../../db/client";
import { chunkForParameters } from "../../db/client";
import { outboxMessages } from "../../db/schema";
import type { OutboxDraft } from "./types";

// A row binds at most one parameter per column (17 besides the id; 13 today), counted
// against D1's limit of 100 per statement.
const PARAMETERS_PER_ROW = 17;

function toRow(draft: OutboxDraft, now: Date) {
  return {
    idempotencyKey: draft.idempotencyKey,
    channel: draft.channel,
    purpose: draft.purpose,
    templateKey: draft.templateKey,
    payload: draft.payload,
    contactId: draft.contactId ?? null,
    identityId: draft.identityId ?? null,
    status: "pending" as const,
    notBefore: draft.notBefore ?? now,
    expiresAt: draft.expiresAt ?? null,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Puts messages in the outbox; a message whose idempotency key is already there is left as it
 * is (`ON CONFLICT DO NOTHING`), so planners and webhook retries can enqueue freely. Returns
 * the ids of the rows actually inserted.
 */
export async function enqueue(db: Db, drafts: readonly OutboxDraft[], now = new Date()): Promise<{ inserted: number[] }> {
  const inserted: number[] = [];
  // Each chunk is idempotent on its own, so a failure half-way is repaired by enqueueing again.
  for (const chunk of chunkForParameters(drafts, PARAMETERS_PER_ROW)) {
    if (chunk.length === 0) continue;
    const rows = await db.orm
      .insert(outboxMessages)
      .values(chunk.map((d) => toRow(d, now)))
      .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
      .returning({ id: outboxMessages.id });
    inserted.push(...rows.map((r) => r.id));
  }
  return { inserted };
}

/** The same inserts as atomic steps, to commit them together with other effects (an inbound update's record). */
export function enqueueSteps(drafts: readonly OutboxDraft[], now = new Date()): AtomicStep[] {
  return chunkForParameters(drafts, PARAMETERS_PER_ROW)
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => (tx) => tx.insert(outboxMessages).values(chunk.map((d) => toRow(d, now))).onConflictDoNothing({ target: outboxMessages.idempotencyKey }));
}
