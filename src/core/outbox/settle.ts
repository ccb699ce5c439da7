import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, deliveryAttempts, outboxMessages } from "../../db/schema";

type Outcome = "sent" | "retry" | "permanent_failure";

/** Records that a provider call is starting; a crash leaves the row without an outcome (evidence of a possible duplicate). */
export async function startAttempt(db: Db, messageId: number, attempt: number, at: Date): Promise<number> {
  const [row] = await db.orm.insert(deliveryAttempts).values({ messageId, attempt, startedAt: at }).returning({ id: deliveryAttempts.id });
  return row!.id;
}

export interface AttemptEnd {
  attemptId: number;
  at: Date;
  outcome: Outcome;
  errorCode?: string;
  httpStatus?: number;
  retryAfterSeconds?: number;
}

export function finishAttempt(end: AttemptEnd) {
  return (tx: Db["orm"]) =>
    tx
      .update(deliveryAttempts)
      .set({ finishedAt: end.at, outcome: end.outcome, errorCode: end.errorCode ?? null, httpStatus: end.httpStatus ?? null, retryAfterSeconds: end.retryAfterSeconds ?? null })
      .where(eq(deliveryAttempts.id, end.attemptId));
}

// Only the claimant's state is overwritten: a row already settled elsewhere is left alone.
const stillSending = (id: number) => and(eq(outboxMessages.id, id), eq(outboxMessages.status, "sending"));

export async function markSent(db: Db, id: number, providerMessageId: string, end: AttemptEnd): Promise<void> {
  await db.atomic([
    finishAttempt(end),
    (tx) => tx.update(outboxMessages).set({ status: "sent", providerMessageId, sentAt: end.at, leaseUntil: null, lastErrorCode: null, updatedAt: end.at }).where(stillSending(id)),
  ]);
}

/** Back to pending for another try at `notBefore`. */
export async function scheduleRetry(db: Db, id: number, notBefore: Date, end: AttemptEnd): Promise<void> {
  await db.atomic([
    finishAttempt(end),
    (tx) => tx.update(outboxMessages).set({ status: "pending", notBefore, leaseUntil: null, lastErrorCode: end.errorCode ?? null, updatedAt: end.at }).where(stillSending(id)),
  ]);
}

/** A final state after an attempt: `failed` (permanent error, attempts exhausted) or `dropped` (would be late). */
export async function markFinal(db: Db, id: number, status: "failed" | "dropped", end: AttemptEnd, blockIdentityId?: number | null): Promise<void> {
  await db.atomic([
    finishAttempt(end),
    (tx) => tx.update(outboxMessages).set({ status, leaseUntil: null, lastErrorCode: end.errorCode ?? null, updatedAt: end.at }).where(stillSending(id)),
    ...(blockIdentityId
      ? [(tx: Db["orm"]) => tx.update(channelIdentities).set({ blockedAt: end.at, updatedAt: end.at }).where(eq(channelIdentities.id, blockIdentityId))]
      : []),
  ]);
}

/**
 * Settles a claimed message without a provider call: `release` hands it back for later (quiet
 * hours, a chat's rate limit) and gives back the attempt the claim counted; `cancelled`,
 * `dropped` and `failed` end it.
 */
export async function settleWithoutSending(
  db: Db,
  id: number,
  at: Date,
  change: { status: "release"; notBefore: Date } | { status: "cancelled" | "dropped" | "failed"; code: string },
): Promise<void> {
  const set =
    change.status === "release"
      ? { status: "pending" as const, notBefore: change.notBefore, attempts: sql`max(${outboxMessages.attempts} - 1, 0)` }
      : { status: change.status, lastErrorCode: change.code };
  await db.orm.update(outboxMessages).set({ ...set, leaseUntil: null, updatedAt: at }).where(stillSending(id));
}
