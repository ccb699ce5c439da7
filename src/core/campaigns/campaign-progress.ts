import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { OUTBOX_STATES } from "../../db/schema";
import type { StateCounts } from "../outbox/outbox-status";
import { unitProgress, type UnitProgress } from "../progress/unit-progress";
import { addDays } from "../time/day-math";
import type { PeakCampaign } from "./campaign-store";

/** One day of a campaign in one unit: enrolments reported that day and coverage at its end. */
export interface CampaignDay {
  date: string;
  added: number;
  insured: number;
  /** Percent of the population; null without one. */
  rate: number | null;
}

export interface CampaignUnitProgress {
  progress: UnitProgress;
  days: CampaignDay[];
}

/** The last day figures exist for: today during the campaign, its last day once over. */
export const campaignUpTo = (campaign: PeakCampaign, today: string) => (today < campaign.endsOn ? today : campaign.endsOn);

/**
 * Day-by-day coverage of `unitId` during the campaign, in two queries: the unit's progress on
 * the last day, then the tallies of each campaign day in its subtree, subtracted backwards.
 * A baseline dated inside the window would make the early days approximate; baselines are
 * yearly figures set before the campaign, so this is accepted.
 */
export async function campaignUnitProgress(db: Db, input: { unitId: number; campaign: PeakCampaign; today: string }): Promise<CampaignUnitProgress> {
  const upTo = campaignUpTo(input.campaign, input.today);
  const year = Number(upTo.slice(0, 4));
  const progress = await unitProgress(db, { unitId: input.unitId, year, today: upTo });
  const from = input.campaign.startsOn;
  const rows = upTo < from ? [] : await db.orm.all<{ day: string; n: number }>(sql`
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where id = ${input.unitId}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id where t.depth < 12
    )
    select e.report_date as day, sum(e.count) as n
    from tally_entries e join tree t on t.id = e.unit_id
    where e.status = 'active' and e.indicator = 'bhyt' and e.report_date >= ${from} and e.report_date <= ${upTo}
    group by e.report_date`);
  const added = new Map(rows.map((r) => [r.day, Number(r.n)]));
  const population = progress.target?.population ?? null;
  const days: CampaignDay[] = [];
  let insured = progress.insured;
  for (let date = upTo; date >= from; date = addDays(date, -1)) {
    const n = added.get(date) ?? 0;
    days.unshift({ date, added: n, insured, rate: population ? Math.round((insured / population) * 10_000) / 100 : null });
    insured -= n;
  }
  return { progress, days };
}

export interface CampaignOutboxStats {
  byStatus: StateCounts;
  byChannel: Record<string, StateCounts>;
  /** Per send day (the date in the idempotency key): sent (incl. delivered), delivered, failed (incl. dropped). */
  byDay: { date: string; sent: number; delivered: number; failed: number }[];
}

const zero = (): StateCounts => Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as StateCounts;

/**
 * Outbox figures of one campaign's resident messages (`campaign:<id>:<h|p><id>:<day>` keys).
 * A scoped account counts only households (or people) living in its subtree: the key names
 * them, so no message body is read.
 */
export async function campaignOutboxStats(db: Db, input: { campaignId: number; scopeUnitId: number | null }): Promise<CampaignOutboxStats> {
  // ';' sorts right after ':', so [prefix, "campaign:<id>;") is every key of this campaign.
  const prefix = `campaign:${input.campaignId}:`;
  const inScope =
    input.scopeUnitId === null
      ? sql`1 = 1`
      : sql`(m.who like 'h%' and cast(substr(m.who, 2) as integer) in (select id from households where unit_id in (select id from tree)))
         or (m.who like 'p%' and cast(substr(m.who, 2) as integer) in (select id from people where unit_id in (select id from tree)))`;
  const rows = await db.orm.all<{ day: string; status: (typeof OUTBOX_STATES)[number]; channel: string; n: number }>(sql`
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where id = ${input.scopeUnitId ?? -1}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id where t.depth < 12
    ),
    m as (
      select status, channel, substr(idempotency_key, -10) as day,
             substr(idempotency_key, ${prefix.length + 1}, length(idempotency_key) - ${prefix.length} - 11) as who
      -- A key range, not LIKE: SQLite's LIKE is case-insensitive and cannot use the unique index.
      from outbox_messages where idempotency_key >= ${prefix} and idempotency_key < ${`campaign:${input.campaignId};`} and purpose = 'campaign'
    )
    select day, status, channel, count(*) as n from m where ${inScope} group by day, status, channel order by day`);
  const stats: CampaignOutboxStats = { byStatus: zero(), byChannel: {}, byDay: [] };
  const days = new Map<string, CampaignOutboxStats["byDay"][number]>();
  for (const r of rows) {
    stats.byStatus[r.status] += r.n;
    (stats.byChannel[r.channel] ??= zero())[r.status] += r.n;
    const day = days.get(r.day) ?? { date: r.day, sent: 0, delivered: 0, failed: 0 };
    days.set(r.day, day);
    if (r.status === "sent" || r.status === "delivered") day.sent += r.n;
    if (r.status === "delivered") day.delivered += r.n;
    if (r.status === "failed" || r.status === "dropped") day.failed += r.n;
  }
  stats.byDay = [...days.values()];
  return stats;
}
