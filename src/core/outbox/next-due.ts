import { and, eq, gt, inArray, isNull, min, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, type Channel } from "../../db/schema";
import { isQuietTime, quietEndsAt, type QuietHours } from "./quiet-hours";
import { OFFICER_PURPOSE_PREFIX } from "./types";

export interface NextDueOptions {
  now: Date;
  /** Only channels some sender serves: a row nobody can send must not look due forever. */
  channels: readonly Channel[];
  timezone: string;
  quietHours?: QuietHours;
}

const isOfficer = sql<number>`case when ${outboxMessages.purpose} like ${OFFICER_PURPOSE_PREFIX + "%"} then 1 else 0 end`;

/**
 * When a dispatcher will next find work: the earliest `notBefore` of a pending message, or
 * the earliest lease end of a claimed one (its dispatcher may have died). Residents' messages
 * wait for the morning during quiet hours, so they count from `quietEndsAt`, not from now.
 * Undefined when nothing is waiting. One grouped query, for a queue consumer deciding when
 * to wake up again.
 */
export async function nextDueAt(db: Db, options: NextDueOptions): Promise<Date | undefined> {
  if (options.channels.length === 0) return undefined;
  const { now } = options;
  const rows = await db.orm
    .select({
      officer: isOfficer,
      pendingAt: min(sql<number>`case when ${outboxMessages.status} = 'pending' then ${outboxMessages.notBefore} end`),
      leaseAt: min(sql<number>`case when ${outboxMessages.status} = 'sending' then ${outboxMessages.leaseUntil} end`),
    })
    .from(outboxMessages)
    .where(
      and(
        inArray(outboxMessages.status, ["pending", "sending"]),
        inArray(outboxMessages.channel, [...options.channels]),
        or(isNull(outboxMessages.expiresAt), gt(outboxMessages.expiresAt, now)),
      ),
    )
    .groupBy(isOfficer);
  const quiet = isQuietTime(now, options.quietHours, options.timezone);
  const morning = quiet ? quietEndsAt(now, options.quietHours!, options.timezone).getTime() : 0;
  let next: number | undefined;
  for (const row of rows) {
    for (const at of [row.pendingAt, row.leaseAt]) {
      if (at === null || at === undefined) continue;
      const due = Math.max(Number(at), row.officer ? 0 : morning);
      next = next === undefined ? due : Math.min(next, due);
    }
  }
  return next === undefined ? undefined : new Date(next);
}

/**
 * Ends claimed messages a crashing dispatcher keeps taking: `sending` rows claimed at least
 * `minAttempts` times become `failed` with `code` (a queue's dead letter). Returns their ids.
 */
export async function failAbandoned(db: Db, options: { now: Date; code: string; minAttempts: number; channel?: Channel }): Promise<number[]> {
  const filters = [eq(outboxMessages.status, "sending"), sql`${outboxMessages.attempts} >= ${options.minAttempts}`];
  if (options.channel) filters.push(eq(outboxMessages.channel, options.channel));
  const rows = await db.orm
    .update(outboxMessages)
    .set({ status: "failed", lastErrorCode: options.code, leaseUntil: null, updatedAt: options.now })
    .where(and(...filters))
    .returning({ id: outboxMessages.id });
  return rows.map((r) => r.id);
}
