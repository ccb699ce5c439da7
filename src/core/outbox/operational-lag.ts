import { and, asc, eq, like, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { appMeta, outboxMessages } from "../../db/schema";

/**
 * What an operator alerts on: how long the oldest due message has waited (a stalled
 * dispatcher), and when each daily job last ran (a stalled scheduler).
 */
export interface OperationalLag {
  /** Seconds the oldest pending, due message has waited; 0 when none is waiting. */
  outboxLagSeconds: number;
  /** Per daily job: the local day it last ran and hours since (never negative). */
  jobs: Record<string, { lastDay: string; hoursAgo: number }>;
}

export async function operationalLag(db: Db, now: Date): Promise<OperationalLag> {
  const [oldest] = await db.orm
    .select({ notBefore: outboxMessages.notBefore })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.notBefore, now)))
    .orderBy(asc(outboxMessages.notBefore))
    .limit(1);
  const jobs: OperationalLag["jobs"] = {};
  for (const row of await db.orm.select().from(appMeta).where(like(appMeta.key, "job:%:last_day"))) {
    const name = row.key.slice("job:".length, -":last_day".length);
    // A trigger fired by hand with a future scheduled time records that time; "-5 hours ago" would read as a clock fault.
    jobs[name] = { lastDay: row.value, hoursAgo: Math.max(0, Math.round(((now.getTime() - row.updatedAt.getTime()) / 3_600_000) * 10) / 10) };
  }
  return { outboxLagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.notBefore.getTime()) / 1000)) : 0, jobs };
}
