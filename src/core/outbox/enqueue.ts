import type { Db, AtomicStep } from "../../db/client";
import { chunkForParameters, rawStep } from "../../db/client";
import { sql } from "drizzle-orm";
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

/**
 * The same inserts as atomic steps, to commit them together with other effects (an inbound
 * update's record): one statement a message, written as SQL because building Drizzle's insert
 * of thirteen columns cost more than running it, on every webhook update's reply.
 */
export function enqueueSteps(drafts: readonly OutboxDraft[], now = new Date()): AtomicStep[] {
  return drafts.map((draft) => {
    const r = toRow(draft, now);
    const at = now.getTime();
    return rawStep(sql`insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, contact_id, identity_id, status, not_before, expires_at, attempts, created_at, updated_at)
      values (${r.idempotencyKey}, ${r.channel}, ${r.purpose}, ${r.templateKey}, ${JSON.stringify(r.payload)}, ${r.contactId}, ${r.identityId}, 'pending', ${r.notBefore.getTime()}, ${r.expiresAt?.getTime() ?? null}, 0, ${at}, ${at})
      on conflict (idempotency_key) do nothing`);
  });
}

/** Drafts per bulk statement: the JSON parameter stays far below D1's 2 MB value limit. */
const DRAFTS_PER_BULK_STATEMENT = 500;

/**
 * The same inserts as `enqueueSteps` for large batches (the daily planner): the rows travel as
 * one JSON parameter read through `json_each`, so each statement binds two parameters however
 * many rows it carries, instead of five rows per statement under D1's 100-parameter limit.
 */
export function enqueueBulkSteps(drafts: readonly OutboxDraft[], now = new Date()): AtomicStep[] {
  const steps: AtomicStep[] = [];
  for (let i = 0; i < drafts.length; i += DRAFTS_PER_BULK_STATEMENT) {
    const rows = drafts.slice(i, i + DRAFTS_PER_BULK_STATEMENT).map((d) => {
      const r = toRow(d, now);
      // The payload travels as JSON inside the JSON, not as a string in it: stringified once, not escaped twice.
      return [r.idempotencyKey, r.channel, r.purpose, r.templateKey, r.payload, r.contactId, r.identityId, r.notBefore.getTime(), r.expiresAt?.getTime() ?? null];
    });
    const at = now.getTime();
    steps.push(
      rawStep(sql`insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, contact_id, identity_id, status, not_before, expires_at, attempts, created_at, updated_at)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4, value ->> 5, value ->> 6, 'pending', value ->> 7, value ->> 8, 0, ${at}, ${at}
        from json_each(${JSON.stringify(rows)}) where true
        on conflict (idempotency_key) do nothing`),
    );
  }
  return steps;
}
