import { and, eq, gte, sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { tallyRollups } from "../../db/schema";

/** A (unit, indicator) whose tallies changed on `from` or later. */
export interface RollupChange {
  unitId: number;
  indicator: string;
  from: string;
}

/**
 * Statements that recompute `tally_rollups` for each changed (unit, indicator) from its
 * earliest changed day on, out of the active tally rows themselves. They run last in the
 * writer's atomic unit, after every status change, so the rollup is the raw sum by
 * construction whatever the write was (an addition, a correction, an undo, a restore). A
 * report for today rewrites one row per pair; a backdated correction the days after it.
 * 9 bound parameters per pair (D1 allows 100 per statement).
 */
export function rollupRefreshSteps(changes: readonly RollupChange[]): AtomicStep[] {
  const earliest = new Map<string, RollupChange>();
  for (const c of changes) {
    const key = `${c.unitId}|${c.indicator}`;
    const seen = earliest.get(key);
    if (!seen || c.from < seen.from) earliest.set(key, c);
  }
  return [...earliest.values()].flatMap(({ unitId, indicator, from }) => [
    (tx) => tx.delete(tallyRollups).where(and(eq(tallyRollups.unitId, unitId), eq(tallyRollups.indicator, indicator), gte(tallyRollups.reportDate, from))),
    // Columns in the table's order: unit_id, report_date, indicator, total, entries, cumulative.
    (tx) =>
      tx.insert(tallyRollups).select(sql`
      select ${unitId}, report_date, ${indicator}, sum(count), count(*),
        sum(sum(count)) over (order by report_date)
        + coalesce((select r.cumulative from tally_rollups r where r.unit_id = ${unitId} and r.indicator = ${indicator} and r.report_date < ${from} order by r.report_date desc limit 1), 0)
      from tally_entries
      where unit_id = ${unitId} and indicator = ${indicator} and report_date >= ${from} and status = 'active'
      group by report_date`),
  ]);
}

/**
 * Rebuilds every rollup from the tallies (the migration's backfill, as a function): for a
 * database whose tally rows were written around `recordTally` (a bulk load, a repair).
 */
export async function rebuildTallyRollups(db: Db): Promise<void> {
  await db.atomic([
    rawStep(sql`delete from tally_rollups`),
    rawStep(sql`
      insert into tally_rollups (unit_id, report_date, indicator, total, entries, cumulative)
      select unit_id, report_date, indicator, sum(count), count(*),
        sum(sum(count)) over (partition by unit_id, indicator order by report_date)
      from tally_entries where status = 'active'
      group by unit_id, indicator, report_date`),
  ]);
}
