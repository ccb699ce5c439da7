/**
 * @module The national picture from the roll-ups alone (one row per shard and day), without
 * touching any province database: the parts of a split province are summed.
 */
import { sql } from "drizzle-orm";
import type { NationalDb } from "../../db/national/client";

export interface ProvinceFigures {
  provinceCode: string;
  day: string;
  /** Shards whose row for that day is in (a split province has several). */
  shards: number;
  cards: number;
  cardsValid: number;
  cardsExpiring30d: number;
  enrolments: number;
  tallyReports: number;
  outboxSent: number;
  outboxFailed: number;
}

/** Per province: the figures of `day`, or of the latest day any of its shards rolled up. */
export async function provinceFigures(national: NationalDb, options: { day?: string } = {}): Promise<ProvinceFigures[]> {
  const dayOf = options.day
    ? sql`${options.day}`
    : sql`(select max(l.day) from national_province_rollups l where l.province_code = r.province_code)`;
  return national.orm.all<ProvinceFigures>(sql`
    select r.province_code as provinceCode, r.day as day, count(*) as shards,
      sum(r.cards) as cards, sum(r.cards_valid) as cardsValid, sum(r.cards_expiring30d) as cardsExpiring30d,
      sum(r.enrolments) as enrolments, sum(r.tally_reports) as tallyReports,
      sum(r.outbox_sent) as outboxSent, sum(r.outbox_failed) as outboxFailed
    from national_province_rollups r
    where r.day = ${dayOf}
    group by r.province_code, r.day
    order by r.province_code`);
}
