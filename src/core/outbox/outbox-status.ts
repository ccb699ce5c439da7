import { count } from "drizzle-orm";
import type { Db } from "../../db/client";
import { OUTBOX_STATES, outboxMessages } from "../../db/schema";

export type OutboxState = (typeof OUTBOX_STATES)[number];
export type StateCounts = Record<OutboxState, number>;

export interface OutboxSummary {
  byStatus: StateCounts;
  /** Only channels that have messages; every state is listed for each. */
  byChannel: Record<string, StateCounts>;
}

const zero = (): StateCounts => Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as StateCounts;

/** Message counts by state and by channel (one grouped query). */
export async function outboxSummary(db: Db): Promise<OutboxSummary> {
  const rows = await db.orm
    .select({ channel: outboxMessages.channel, status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .groupBy(outboxMessages.channel, outboxMessages.status);
  const byStatus = zero();
  const byChannel: Record<string, StateCounts> = {};
  for (const { channel, status, n } of rows) {
    byStatus[status] += n;
    (byChannel[channel] ??= zero())[status] += n;
  }
  return { byStatus, byChannel };
}
