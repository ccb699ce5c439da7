import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, type Channel } from "../../db/schema";
import { OFFICER_PURPOSE_PREFIX } from "./types";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the claim holds; a dispatcher that dies releases its messages when it runs out. */
  leaseMs: number;
  channel?: Channel;
  /** During quiet hours only officer messages are taken; residents' wait in place. */
  officerOnly?: boolean;
}

const officerFirst = sql`case when ${outboxMessages.purpose} like ${OFFICER_PURPOSE_PREFIX + "%"} then 0 else 1 end`;

/**
 * Atomically moves due messages to `sending` under a lease and returns them: pending ones
 * whose `notBefore` has come, and `sending` ones whose lease ran out (their dispatcher
 * crashed). One `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING` statement, so two
 * dispatchers never claim the same row, on SQLite and D1 alike. Claiming counts an attempt:
 * a message that keeps killing its dispatcher still runs out of attempts. Nothing past its
 * `expiresAt` is claimed; `dropExpired` moves those to `dropped`.
 */
export async function claimDue(db: Db, options: ClaimOptions): Promise<OutboxMessage[]> {
  const { now } = options;
  const due = or(
    and(eq(outboxMessages.status, "pending"), lte(outboxMessages.notBefore, now)),
    and(eq(outboxMessages.status, "sending"), lte(outboxMessages.leaseUntil, now)),
  )!;
  const filters: SQL[] = [due, or(isNull(outboxMessages.expiresAt), gt(outboxMessages.expiresAt, now))!];
  if (options.channel) filters.push(eq(outboxMessages.channel, options.channel));
  if (options.officerOnly) filters.push(sql`${outboxMessages.purpose} like ${OFFICER_PURPOSE_PREFIX + "%"}`);
  // Officer replies jump ahead of a campaign backlog; then oldest first.
  const ids = db.orm
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(...filters))
    .orderBy(officerFirst, asc(outboxMessages.notBefore), asc(outboxMessages.id))
    .limit(options.limit);
  return db.orm
    .update(outboxMessages)
    .set({
      status: "sending",
      leaseUntil: new Date(now.getTime() + options.leaseMs),
      attempts: sql`${outboxMessages.attempts} + 1`,
      updatedAt: now,
    })
    .where(inArray(outboxMessages.id, ids))
    .returning();
}

/** Pending (or abandoned) messages past their useful life become `dropped`, never sent late. */
export async function dropExpired(db: Db, now: Date): Promise<number> {
  const rows = await db.orm
    .update(outboxMessages)
    .set({ status: "dropped", lastErrorCode: "expired", leaseUntil: null, updatedAt: now })
    .where(
      and(
        isNotNull(outboxMessages.expiresAt),
        lte(outboxMessages.expiresAt, now),
        or(eq(outboxMessages.status, "pending"), and(eq(outboxMessages.status, "sending"), lte(outboxMessages.leaseUntil, now))),
      ),
    )
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/**
 * Claims exactly the messages with these idempotency keys (an inbound update's replies, just
 * committed) when they are pending and due, under the same lease and attempt count as
 * `claimDue`; a row a dispatcher already took is left to it. Ordered by id: the replies' order.
 */
export async function claimKeys(db: Db, keys: readonly string[], options: { now: Date; leaseMs: number }): Promise<OutboxMessage[]> {
  const claimed: OutboxMessage[] = [];
  const { now } = options;
  // Far fewer keys than D1's 100 bound parameters per statement in practice; chunked anyway.
  for (let i = 0; i < keys.length; i += 90) {
    const rows = await db.orm
      .update(outboxMessages)
      .set({ status: "sending", leaseUntil: new Date(now.getTime() + options.leaseMs), attempts: sql`${outboxMessages.attempts} + 1`, updatedAt: now })
      .where(and(inArray(outboxMessages.idempotencyKey, keys.slice(i, i + 90)), eq(outboxMessages.status, "pending"), lte(outboxMessages.notBefore, now)))
      .returning();
    claimed.push(...rows);
  }
  return claimed.sort((a, b) => a.id - b.id);
}

/** When a message is next due (after a retry was scheduled or it was handed back). */
export async function notBeforeOf(db: Db, id: number): Promise<Date | undefined> {
  const [row] = await db.orm.select({ notBefore: outboxMessages.notBefore }).from(outboxMessages).where(eq(outboxMessages.id, id));
  return row?.notBefore;
}
