import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, znsTracking } from "../../db/schema";

/** Remembers which outbox message a ZNS `tracking_id` stands for (idempotent: a retry re-records the same pair). */
export async function recordZnsTracking(db: Db, trackingId: string, idempotencyKey: string, at = new Date()): Promise<void> {
  await db.orm.insert(znsTracking).values({ trackingId, idempotencyKey, createdAt: at }).onConflictDoNothing();
}

/**
 * A ZNS delivery event (`user_received_message` with `tracking_id`): the message it tracks
 * becomes `delivered`. Monotonic and idempotent like other delivery reports. Returns whether a row changed.
 */
export async function applyZnsDelivery(db: Db, input: { trackingId: string; at: Date }): Promise<boolean> {
  const [tracked] = await db.orm.select({ key: znsTracking.idempotencyKey }).from(znsTracking).where(eq(znsTracking.trackingId, input.trackingId));
  if (!tracked) return false;
  const rows = await db.orm
    .update(outboxMessages)
    .set({ status: "delivered", deliveredAt: input.at, updatedAt: input.at })
    .where(and(eq(outboxMessages.idempotencyKey, tracked.key), eq(outboxMessages.status, "sent")))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
