/**
 * @module SMS loop protection: an auto-responder (another gateway, a carrier notice) answering
 * our replies would ping-pong forever at our expense. At most `LOOP_MAX_IDENTICAL` identical
 * texts go to one number per `LOOP_WINDOW_MS`; the rest are dropped at dispatch.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages } from "../../db/schema";
import type { Protector } from "../privacy/protector";

export const LOOP_MAX_IDENTICAL = 5;
export const LOOP_WINDOW_MS = 30 * 60_000;
const LOOP_INDEX = "sms-loop";

/** A blind index of (number, text): stored in the payload, never the number itself. */
export function loopKey(protector: Protector, to: string, text: string): Promise<string> {
  return protector.blindIndex(LOOP_INDEX, `${to}\n${text}`);
}

/**
 * True when this message would be one identical SMS too many; otherwise stamps its key on the
 * row so that, sending or sent, it counts against the next ones. Check and stamp are one
 * statement, so messages delivered concurrently cannot all slip under the limit.
 */
export async function loopGuardRefuses(db: Db, rowId: number, key: string, now: Date): Promise<boolean> {
  const since = now.getTime() - LOOP_WINDOW_MS;
  const stamped = await db.orm
    .update(outboxMessages)
    .set({ payload: sql`json_set(${outboxMessages.payload}, '$.loopKey', ${key})` })
    .where(
      and(
        eq(outboxMessages.id, rowId),
        sql`(select count(*) from outbox_messages o
              where o.channel = 'sms' and o.id <> ${rowId}
                and json_extract(o.payload, '$.loopKey') = ${key}
                and (o.status = 'sending' or (o.status in ('sent', 'delivered') and o.sent_at >= ${since}))) < ${LOOP_MAX_IDENTICAL}`,
      ),
    )
    .returning({ id: outboxMessages.id });
  return stamped.length === 0;
}
