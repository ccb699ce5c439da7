import type { Db } from "../../db/client";
import { BHYT_RENEWAL_INDICATOR } from "../tallies/tally-vocabulary";
import { addDays } from "../time/day-math";
import { countLapsedCards, type LapsedCards } from "./lapsed-cards";
import { queryProgressFigures } from "./progress-query";
import type { UnitProgress } from "./unit-progress";

/**
 * What moved a unit's count over the span its progress counts (after the baseline date, within
 * the year, up to today): new participants (tallies), renewals (tallies, never added), and the
 * roster's lapsed cards by village and group, for the dashboard's unit page.
 */
export interface UnitFlows {
  /** First and last day of the span (YYYY-MM-DD). */
  from: string;
  to: string;
  added: number;
  renewals: number;
  lapsed: LapsedCards;
  /** added − lapsed where lapses are subtracted (a baseline applies), else null. */
  net: number | null;
}

export async function unitFlows(db: Db, progress: UnitProgress, today: string): Promise<UnitFlows> {
  const { year } = progress;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const afterBaseline = progress.baseline ? addDays(progress.baseline.asOf, 1) : yearStart;
  const from = afterBaseline > yearStart ? afterBaseline : yearStart;
  const to = today < yearEnd ? today : yearEnd;
  const [lapsed, renewals] = await Promise.all([
    countLapsedCards(db, { unitId: progress.unit.id, from, to, today }),
    queryProgressFigures(db, { unitId: progress.unit.id }, { year, today, indicator: BHYT_RENEWAL_INDICATOR }),
  ]);
  return {
    from,
    to,
    added: progress.reportedSinceBaseline,
    renewals: renewals.get(progress.unit.id)?.reportedYearToDate ?? 0,
    lapsed,
    net: progress.baseline ? progress.reportedSinceBaseline - progress.lapsedSinceBaseline : null,
  };
}
