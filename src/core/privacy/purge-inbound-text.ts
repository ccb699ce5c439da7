/**
 * @module Retention of what people typed: tally reports keep their original message for audit
 * only `INBOUND_TEXT_RETENTION_DAYS`; the figures (entries) stay. Expired conversation states
 * (which may hold a message awaiting confirmation) and the texts and sealed numbers of
 * finished outbox messages go at the same age.
 */
import { and, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conversationStates, OPEN_OUTBOX_STATES, outboxMessages, tallyReports } from "../../db/schema";

export const DEFAULT_INBOUND_TEXT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface PurgeReport {
  /** Cut-off: anything received before it was purged. */
  before: string;
  tallyTexts: number;
  conversationStates: number;
  outboxTexts: number;
}

export async function purgeInboundText(db: Db, input: { now: Date; retentionDays?: number }): Promise<PurgeReport> {
  const days = input.retentionDays ?? DEFAULT_INBOUND_TEXT_RETENTION_DAYS;
  const cutoff = new Date(input.now.getTime() - days * DAY_MS);
  const tallies = await db.orm
    .update(tallyReports)
    .set({ originalText: null })
    .where(and(isNotNull(tallyReports.originalText), lt(tallyReports.receivedAt, cutoff)))
    .returning({ id: tallyReports.id });
  const states = await db.orm.delete(conversationStates).where(lt(conversationStates.expiresAt, cutoff)).returning({ kind: conversationStates.kind });
  const outbox = await db.orm
    .update(outboxMessages)
    .set({ payload: sql`json_remove(${outboxMessages.payload}, '$.text', '$.toEnc')` })
    .where(
      and(
        lt(outboxMessages.createdAt, cutoff),
        notInArray(outboxMessages.status, [...OPEN_OUTBOX_STATES]),
        sql`(json_type(${outboxMessages.payload}, '$.text') is not null or json_type(${outboxMessages.payload}, '$.toEnc') is not null)`,
      ),
    )
    .returning({ id: outboxMessages.id });
  return { before: cutoff.toISOString(), tallyTexts: tallies.length, conversationStates: states.length, outboxTexts: outbox.length };
}
