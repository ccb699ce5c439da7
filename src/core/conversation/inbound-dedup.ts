import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
import { inboundUpdates, type Channel } from "../../db/schema";

/**
 * Channels redeliver (Telegram re-sends any update answered with a non-2xx). A tally records
 * its update id atomically with its rows; other updates are recorded once answered.
 */
export async function alreadyProcessed(db: Db, channel: Channel, externalId: string): Promise<boolean> {
  const [row] = await queries(db.orm).seen.all({ channel, externalId });
  return row !== undefined;
}

export async function markProcessed(db: Db, channel: Channel, externalId: string, at: Date): Promise<void> {
  await queries(db.orm).mark.run({ channel, externalId, receivedAt: at });
}

// Both run for every inbound update: prepared once per database.
const queries = preparedPer((orm) => ({
  seen: orm
    .select({ id: inboundUpdates.externalId })
    .from(inboundUpdates)
    .where(and(eq(inboundUpdates.channel, sql.placeholder("channel")), eq(inboundUpdates.externalId, sql.placeholder("externalId"))))
    .prepare(),
  mark: orm
    .insert(inboundUpdates)
    .values({ channel: sql.placeholder("channel"), externalId: sql.placeholder("externalId"), receivedAt: sql.placeholder("receivedAt") })
    .onConflictDoNothing()
    .prepare(),
}));
