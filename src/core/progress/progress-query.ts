import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { WaitingRule } from "../../db/schema";
import { isCalendarDate } from "../imports/values";
import { addDays } from "../time/day-math";
import { loadWaitingRules } from "../cards/renewal-start";
import { lapsedThrough } from "./lapsed-cards";

/**
 * The units figures are computed for: one unit, or the current children of one (a commune's
 * villages); `includeHistorical` adds children no longer current (a province's districts).
 */
export type ProgressScope = { unitId: number } | { childrenOf: number; includeHistorical?: boolean };

/** Which year and indicator, seen on which day (YYYY-MM-DD, Vietnam time). */
export interface ProgressPeriod {
  year: number;
  today: string;
  indicator: string;
}

/** Sums for one unit and everything below it; see `queryProgressFigures` for the rule. */
export interface ProgressFigures {
  unitId: number;
  /** Baselines that count (the unit's own, else its children's …); null when none. */
  baseline: { insuredCount: number; asOf: string; unitCount: number } | null;
  /** Active tallies after the applicable baseline date (the whole year where none applies). */
  sinceBaseline: number;
  /**
   * Cards on the roster that lapsed after the applicable baseline date, within the year (see
   * lapsed-cards.ts); 0 where no baseline applies, since a count of new tallies holds nobody to lose.
   */
  lapsedSinceBaseline: number;
  /** Whether anybody under the unit is on the card roster (lapses can only be known from it). */
  hasRoster: boolean;
  reportedToday: number;
  reportedThisMonth: number;
  reportedYearToDate: number;
  /** Active entries dated today in any indicator, zeros included: "has this unit reported today?". */
  entriesToday: number;
  lastReportDate: string | null;
}

/** A unit's target for the period: its own, else the sum of its children's complete targets. */
export interface ProgressTarget {
  unitId: number;
  population: number | null;
  targetCount: number | null;
  targetRateBp: number | null;
  fromChildren: boolean;
}

/** Guards against a parent cycle in bad data: no real tree is this deep. */
const MAX_DEPTH = 12;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Baseline and tally sums per root unit of `scope`, in one query whatever the number of roots.
 *
 * The rule: insured = baseline + active tallies dated after the baseline's `asOf`, up to
 * today, within the year. The baseline of a unit is its own (group '' of the year and
 * indicator); a unit without one adds up its children, each by the same rule, so a commune
 * without a baseline is the sum of its villages and a village without one counts every
 * tally of the year. A baseline higher up covers everything below it (lower ones are ignored).
 * Lapsed cards (lapsed-cards.ts) are counted for the same span as the tallies, under a baseline only.
 */
export async function queryProgressFigures(
  db: Db,
  scope: ProgressScope,
  period: ProgressPeriod,
  /** The dated waiting rules, when the caller has them (one read for several calls); read here otherwise. */
  waitingRules?: readonly WaitingRule[],
): Promise<Map<number, ProgressFigures>> {
  const { year, indicator, today } = checkPeriod(period);
  const yearStart = `${year}-01-01`;
  const upTo = today < `${year}-12-31` ? today : `${year}-12-31`;
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthFrom = monthStart > yearStart ? monthStart : yearStart;
  const beforeYear = `${year - 1}-12-31`;
  const beforeMonth = addDays(monthFrom, -1);
  const todayInPeriod = today >= yearStart && today <= upTo;
  // Lapsed: the card's last valid day is on or after the baseline date (the person was in it),
  // before the period's end, and far enough back that the grace for renewing is over.
  const through = period.indicator === "bhyt" ? lapsedThrough(waitingRules ?? (await loadWaitingRules(db)), today) : null;
  const lastEnd = through !== null && through < addDays(upTo, -1) ? through : addDays(upTo, -1);
  const baselineDay = sql`(case when t.cover_as_of > ${beforeYear} then t.cover_as_of else ${beforeYear} end)`;
  const cumulativeAt = (unit: SQL, day: SQL) =>
    sql`(select r.cumulative from tally_rollups r where r.unit_id = ${unit} and r.indicator = ${indicator} and r.report_date <= ${day} order by r.report_date desc limit 1)`;
  const baselineOf = (alias: string) =>
    sql`${sql.raw(alias)}.year = ${year} and ${sql.raw(alias)}.indicator = ${indicator} and ${sql.raw(alias)}.group_code = ''`;
  // `covered`: a baseline at this unit or above applies; `own_count` is set only on the
  // top-most baseline of each branch, the one that is counted.
  const rows = await db.orm.all<{
    root_id: number; insured: number | null; as_of: string | null; n: number; since_baseline: number | null;
    today: number | null; month: number | null; ytd: number | null; entries_today: number | null; last_date: string | null;
    lapsed: number | null; has_roster: number | null;
  }>(sql`
    with recursive tree(root_id, unit_id, depth, covered, cover_as_of, own_count) as (
      select r.id, r.id, 0, b.id is not null, b.as_of, b.insured_count
      from admin_units r
      left join coverage_baselines b on b.unit_id = r.id and ${baselineOf("b")}
      where ${rootCondition(scope, today)}
      union all
      select t.root_id, c.id, t.depth + 1, t.covered or b.id is not null,
             case when t.covered then t.cover_as_of else b.as_of end,
             case when t.covered then null else b.insured_count end
      from tree t
      join admin_units c on c.parent_id = t.unit_id
      left join coverage_baselines b on b.unit_id = c.id and ${baselineOf("b")}
      where t.depth < ${MAX_DEPTH}
    ),
    baselines as (
      select root_id, sum(own_count) as insured, max(case when own_count is not null then cover_as_of end) as as_of,
             count(own_count) as n
      from tree group by root_id
    ),
    -- Per unit of the tree, from tally_rollups: a range sum is the running total at its end
    -- minus the one at the day before its start, each one index seek (see tallyRollups).
    per_unit as (
      select t.root_id,
        ${cumulativeAt(sql`t.unit_id`, sql`${upTo}`)} as at_end,
        ${cumulativeAt(sql`t.unit_id`, baselineDay)} as at_baseline,
        ${cumulativeAt(sql`t.unit_id`, sql`${beforeMonth}`)} as at_month,
        ${cumulativeAt(sql`t.unit_id`, sql`${beforeYear}`)} as at_year,
        ${todayInPeriod ? sql`(select r.total from tally_rollups r where r.unit_id = t.unit_id and r.report_date = ${today} and r.indicator = ${indicator})` : sql`0`} as today,
        ${todayInPeriod ? sql`(select sum(r.entries) from tally_rollups r where r.unit_id = t.unit_id and r.report_date = ${today})` : sql`0`} as entries_today,
        (select r.report_date from tally_rollups r where r.unit_id = t.unit_id and r.indicator = ${indicator} and r.report_date >= ${yearStart} and r.report_date <= ${upTo}
         order by r.report_date desc limit 1) as last_date,
        ${
          through !== null
            ? sql`case when t.cover_as_of is null then 0 else
                (select count(*) from people p join cards c on c.person_id = p.id
                 where p.unit_id = t.unit_id and c.valid_to >= ${baselineDay} and c.valid_to <= ${lastEnd}) end`
            : sql`0`
        } as lapsed,
        exists (select 1 from people p where p.unit_id = t.unit_id) as has_roster
      from tree t
    ),
    tallies as (
      -- max(0, …): a range that ends before it starts (a period in the future) sums to nothing.
      select root_id,
        sum(max(0, coalesce(at_end, 0) - coalesce(at_baseline, 0))) as since_baseline,
        sum(coalesce(today, 0)) as today,
        sum(max(0, coalesce(at_end, 0) - coalesce(at_month, 0))) as month,
        sum(max(0, coalesce(at_end, 0) - coalesce(at_year, 0))) as ytd,
        sum(coalesce(entries_today, 0)) as entries_today,
        max(last_date) as last_date,
        sum(lapsed) as lapsed,
        max(has_roster) as has_roster
      from per_unit group by root_id
    )
    select b.root_id, b.insured, b.as_of, b.n, s.since_baseline, s.today, s.month, s.ytd, s.entries_today, s.last_date, s.lapsed, s.has_roster
    from baselines b left join tallies s on s.root_id = b.root_id
  `);
  return new Map(
    rows.map((r) => [
      r.root_id,
      {
        unitId: r.root_id,
        baseline: r.n > 0 && r.as_of !== null ? { insuredCount: r.insured ?? 0, asOf: r.as_of, unitCount: r.n } : null,
        sinceBaseline: r.since_baseline ?? 0,
        lapsedSinceBaseline: r.lapsed ?? 0,
        hasRoster: (r.has_roster ?? 0) > 0,
        reportedToday: r.today ?? 0,
        reportedThisMonth: r.month ?? 0,
        reportedYearToDate: r.ytd ?? 0,
        entriesToday: r.entries_today ?? 0,
        lastReportDate: r.last_date,
      },
    ]),
  );
}

/** Targets (group '') of each root unit of `scope`, falling back to the sum of its children's. */
export async function queryProgressTargets(db: Db, scope: ProgressScope, period: ProgressPeriod): Promise<Map<number, ProgressTarget>> {
  const { year, indicator, today } = checkPeriod(period);
  const targetOf = (alias: string) =>
    sql`${sql.raw(alias)}.year = ${year} and ${sql.raw(alias)}.indicator = ${indicator} and ${sql.raw(alias)}.group_code = ''`;
  // Children's targets only count when complete (population and count), as in unitTargets.
  // CROSS JOIN fixes the join order (units first, then targets by their unique key) rather
  // than letting SQLite start from every target of the year.
  const rows = await db.orm.all<{ root_id: number; population: number | null; target_count: number | null; rate_bp: number | null; from_children: number }>(sql`
    select r.id as root_id, t.population, t.target_count, t.target_rate_bp as rate_bp, 0 as from_children
    from admin_units r cross join targets t on t.unit_id = r.id and ${targetOf("t")}
    where ${rootCondition(scope, today)}
    union all
    select r.id, sum(t.population), sum(t.target_count), null, 1
    from admin_units r
    cross join admin_units c on c.parent_id = r.id
    cross join targets t on t.unit_id = c.id and ${targetOf("t")} and t.population is not null and t.target_count is not null
    where ${rootCondition(scope, today)}
    group by r.id
  `);
  const targets = new Map<number, ProgressTarget>();
  for (const r of rows.sort((a, b) => a.from_children - b.from_children)) {
    if (targets.has(r.root_id)) continue;
    targets.set(r.root_id, {
      unitId: r.root_id,
      population: r.population,
      targetCount: r.target_count,
      targetRateBp: r.rate_bp,
      fromChildren: r.from_children === 1,
    });
  }
  return targets;
}

/** Children are the ones current on `today`; a single unit is taken as asked. */
function rootCondition(scope: ProgressScope, today: string): SQL {
  if ("unitId" in scope) return sql`r.id = ${scope.unitId}`;
  if (scope.includeHistorical) return sql`r.parent_id = ${scope.childrenOf}`;
  return sql`r.parent_id = ${scope.childrenOf} and (r.valid_to is null or r.valid_to >= ${today}) and (r.valid_from is null or r.valid_from <= ${today})`;
}

function checkPeriod(period: ProgressPeriod): ProgressPeriod {
  const d = DATE.exec(period.today);
  if (!d || !isCalendarDate(Number(d[1]), Number(d[2]), Number(d[3]))) throw new RangeError(`today must be YYYY-MM-DD, got ${period.today}`);
  if (!Number.isInteger(period.year) || period.year < 1900 || period.year > 9999) throw new RangeError(`bad year ${period.year}`);
  return period;
}
