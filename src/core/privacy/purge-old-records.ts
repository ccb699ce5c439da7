/**
 * @module Retention of the bookkeeping that grows with every message: the inbound dedup table
 * (a row per update), finished outbox messages with their delivery attempts, and the ZNS
 * tracking ids. Without it a busy commune's database grows by ~700 bytes per message for ever
 * (docs/scale.md). Figures (tallies), the roster, reminder plans and the audit log are kept.
 */
import { discardStaleImports } from "../imports/run-import";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { OPEN_OUTBOX_STATES } from "../../db/schema";

export const DEFAULT_OUTBOX_RETENTION_DAYS = 180;
/**
 * Telegram keeps an unconfirmed update for at most 24 hours and Zalo and the SMS gateways
 * retry within minutes, so a week of update ids is ample to recognise a redelivery.
 */
export const INBOUND_DEDUP_DAYS = 7;
/** ZNS delivery receipts arrive within hours; a month covers a late one. */
export const ZNS_TRACKING_DAYS = 30;
/**
 * Rows per DELETE: a statement deleting a year of outbox at once would hold the write lock
 * (and on D1 the statement time limit) for as long as it takes; small rounds let the
 * webhooks in between.
 */
export const PURGE_CHUNK = 2000;
const DAY_MS = 86_400_000;

export interface OldRecordsReport {
  /** Cut-off of the outbox retention. */
  outboxBefore: string;
  inboundUpdates: number;
  outboxMessages: number;
  znsTracking: number;
  /** Import batches abandoned over a day ago whose staged (sealed) rows were cleared. */
  staleImports: number;
}

export async function purgeOldRecords(db: Db, input: { now: Date; outboxRetentionDays?: number }): Promise<OldRecordsReport> {
  const now = input.now.getTime();
  const outboxBefore = now - (input.outboxRetentionDays ?? DEFAULT_OUTBOX_RETENTION_DAYS) * DAY_MS;
  const inboundBefore = now - INBOUND_DEDUP_DAYS * DAY_MS;
  const znsBefore = now - ZNS_TRACKING_DAYS * DAY_MS;
  return {
    outboxBefore: new Date(outboxBefore).toISOString(),
    inboundUpdates: await deleteInRounds(db, (limit) => sql`delete from inbound_updates where rowid in (
      select rowid from inbound_updates where received_at < ${inboundBefore} limit ${limit})`),
    // delivery_attempts go with their message (on delete cascade).
    outboxMessages: await deleteInRounds(db, (limit) => sql`delete from outbox_messages where id in (
      select id from outbox_messages where created_at < ${outboxBefore} and status not in ${sql.raw(`('${OPEN_OUTBOX_STATES.join("', '")}')`)} limit ${limit})`),
    znsTracking: await deleteInRounds(db, (limit) => sql`delete from zns_tracking where tracking_id in (
      select tracking_id from zns_tracking where created_at < ${znsBefore} limit ${limit})`),
    staleImports: await discardStaleImports(db, input.now),
  };
}

/** Repeats a bounded DELETE until a round deletes less than a full chunk; returns the total. */
async function deleteInRounds(db: Db, statement: (limit: number) => SQL): Promise<number> {
  let total = 0;
  for (;;) {
    // `returning` counts the rows the same way on both drivers.
    const deleted = (await db.orm.all(sql`${statement(PURGE_CHUNK)} returning 1 as gone`)).length;
    total += deleted;
    if (deleted < PURGE_CHUNK) return total;
  }
}
