/**
 * @module The daily per-province rollup: a handful of counts read from one province database
 * and written to the national one, so national dashboards never scan 34 provinces.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { NationalDb } from "../../db/national/client";
import { provinceRollups } from "../../db/national/schema";
import { addDays } from "../time/day-math";
import { zonedTime } from "../time/zoned-time";
import type { DailyJob } from "../schedule/daily-jobs";
import { provinceOfShard } from "./shard-keys";

export type ProvinceRollup = typeof provinceRollups.$inferSelect;

export interface RollupInput {
  /** `38`, or `79_2` for a part of a split province. */
  shard: string;
  /** The local day (`YYYY-MM-DD`) the counts are for. */
  day: string;
  timezone: string;
  now: Date;
}

/** Counts for one local day; outbox counts use that day's local midnight-to-midnight. */
export async function computeProvinceRollup(db: Db, input: RollupInput): Promise<ProvinceRollup> {
  const { day } = input;
  const from = zonedTime(day, "00:00", input.timezone).getTime();
  const to = zonedTime(addDays(day, 1), "00:00", input.timezone).getTime();
  const horizon = addDays(day, 30);
  // Cards are counted whole (one pass over cards_due_idx); tallies walk
  // tally_entries_date_idx for the one day; the outbox walks the finished-status prefix of outbox_due_idx.
  const [cards] = await db.orm.all<{ total: number; valid: number; expiring: number }>(sql`
    select count(*) as total,
           coalesce(sum(case when valid_to >= ${day} then 1 else 0 end), 0) as valid,
           coalesce(sum(case when valid_to >= ${day} and valid_to <= ${horizon} then 1 else 0 end), 0) as expiring
    from cards`);
  const [tallies] = await db.orm.all<{ enrolments: number; reports: number }>(sql`
    select coalesce(sum(count), 0) as enrolments, count(distinct report_id) as reports
    from tally_entries where report_date = ${day} and status = 'active'`);
  const [outbox] = await db.orm.all<{ sent: number; failed: number }>(sql`
    select coalesce(sum(case when status in ('sent', 'delivered') then 1 else 0 end), 0) as sent,
           coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failed
    from outbox_messages where status in ('sent', 'delivered', 'failed') and updated_at >= ${from} and updated_at < ${to}`);
  return {
    day,
    shardKey: input.shard,
    provinceCode: provinceOfShard(input.shard),
    cards: Number(cards?.total ?? 0),
    cardsValid: Number(cards?.valid ?? 0),
    cardsExpiring30d: Number(cards?.expiring ?? 0),
    enrolments: Number(tallies?.enrolments ?? 0),
    tallyReports: Number(tallies?.reports ?? 0),
    outboxSent: Number(outbox?.sent ?? 0),
    outboxFailed: Number(outbox?.failed ?? 0),
    computedAt: input.now,
  };
}

/** Computes and upserts the row: a re-run the same day replaces it, never doubles it. */
export async function writeProvinceRollup(db: Db, national: NationalDb, input: RollupInput): Promise<ProvinceRollup> {
  const row = await computeProvinceRollup(db, input);
  const { day: _day, shardKey: _shard, ...counts } = row;
  await national.orm.insert(provinceRollups).values(row).onConflictDoUpdate({ target: [provinceRollups.day, provinceRollups.shardKey], set: counts });
  return row;
}

/**
 * The daily job of a province database: at its first run of a local day it rolls up
 * yesterday (complete by then) into the national database. Marked in the province's own
 * app_meta like every daily job, so each province rolls up once a day.
 */
export function provinceRollupJob(deps: { db: Db; national: NationalDb; shard: string; timezone: string }): DailyJob {
  return {
    name: "province_rollup",
    at: "00:00",
    run: async ({ today, now }) => {
      const row = await writeProvinceRollup(deps.db, deps.national, { shard: deps.shard, day: addDays(today, -1), timezone: deps.timezone, now });
      return { day: row.day, cards: row.cards, enrolments: row.enrolments };
    },
  };
}
