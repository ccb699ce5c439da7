import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { inboundUpdates, type Channel } from "../../db/schema";

/**
 * Channels redeliver (Telegram re-sends any update answered with a non-2xx). A tally records
 * its update id atomically with its rows; other updates are recorded once answered.
 */
export async function alreadyProcessed(db: Db, channel: Channel, externalId: string): Promise<boolean> {
  const [row] = await db.orm
    .select({ id: inboundUpdates.externalId })
    .from(inboundUpdates)
    .where(and(eq(inboundUpdates.channel, channel), eq(inboundUpdates.externalId, externalId)));
  return row !== undefined;
}

export async function markProcessed(db: Db, channel: Channel, externalId: string, at: Date): Promise<void> {
  await db.orm.insert(inboundUpdates).values({ channel, externalId, receivedAt: at }).onConflictDoNothing();
}
