import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, type Channel } from "../../db/schema";

/** A message that will not be sent by itself any more: failed for good, or dropped (expired, loop guard…). */
export interface DeadLetter {
  id: number;
  channel: Channel;
  purpose: string;
  templateKey: string;
  status: "failed" | "dropped";
  attempts: number;
  /** The provider's or our own reason code (e.g. `expired`, `blocked`, `http_400`). */
  reason: string | null;
  updatedAt: Date;
  expiresAt: Date | null;
}

const DEAD = ["failed", "dropped"] as const;

/** Dead letters newest first, a page at a time; never the payload (it may hold a phone number). */
export async function deadLetters(db: Db, input: { channel?: Channel; limit: number; offset: number }): Promise<{ rows: DeadLetter[]; total: number }> {
  const where: SQL = and(inArray(outboxMessages.status, [...DEAD]), input.channel ? eq(outboxMessages.channel, input.channel) : undefined)!;
  const [rows, [total]] = await Promise.all([
    db.orm
      .select({
        id: outboxMessages.id,
        channel: outboxMessages.channel,
        purpose: outboxMessages.purpose,
        templateKey: outboxMessages.templateKey,
        status: outboxMessages.status,
        attempts: outboxMessages.attempts,
        reason: outboxMessages.lastErrorCode,
        updatedAt: outboxMessages.updatedAt,
        expiresAt: outboxMessages.expiresAt,
      })
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.updatedAt), desc(outboxMessages.id))
      .limit(input.limit)
      .offset(input.offset),
    db.orm.select({ n: count() }).from(outboxMessages).where(where),
  ]);
  return { rows: rows as DeadLetter[], total: total?.n ?? 0 };
}

/** A dead letter that can go out again: failed, and not past its useful life (an expired one would only be dropped). */
export const canRetry = (m: Pick<DeadLetter, "status" | "expiresAt">, now: Date) => m.status === "failed" && (m.expiresAt === null || m.expiresAt > now);

/**
 * Puts a failed message back in the queue with a fresh attempt budget, once someone fixed
 * the cause (a gateway's credit, a wrong template). Only the row's own state changes.
 */
export async function retryDeadLetter(db: Db, id: number, now: Date): Promise<boolean> {
  const [row] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!row || !canRetry({ status: row.status as DeadLetter["status"], expiresAt: row.expiresAt }, now)) return false;
  const updated = await db.orm
    .update(outboxMessages)
    .set({ status: "pending", attempts: 0, notBefore: now, leaseUntil: null, updatedAt: now })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "failed")))
    .returning({ id: outboxMessages.id });
  return updated.length > 0;
}
