import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loadWaitingRules } from "../cards/renewal-start";
import { adminUnits, unitIsCurrent } from "../../db/schema";
import { queryProgressFigures, queryProgressTargets, type ProgressPeriod } from "./progress-query";
import { targetShare } from "./target-share";
import { toUnitProgress, unitProgress, type UnitProgress } from "./unit-progress";

/** A village's place in its commune. */
export interface RankedVillage {
  /** 1-based, 1 furthest from its target; villages with the same share share a rank (1, 2, 2, 4). */
  rank: number;
  /**
   * Share of the village's target reached, in percent as the progress line prints it (97,9);
   * null without a target. What the villages are ordered by: not coverage (`progress.rate`).
   */
  targetShare: number | null;
  /**
   * Whether the village has any active entry dated today, in any indicator and zeros
   * included: "GD 0" is a report, silence is not. `progress.reportedToday` is the count.
   */
  reportedToday: boolean;
  progress: UnitProgress;
}

export interface CommuneRanking {
  year: number;
  today: string;
  indicator: string;
  /** The commune's own figures (its baseline if it has one, else its villages'). */
  commune: UnitProgress;
  /** Current villages by share of their target, furthest from it first; villages without a target come last. */
  villages: RankedVillage[];
}

/**
 * Orders a commune's current villages by the share of their target reached, lowest first, with
 * which ones have not reported today. Every reply prints each village's share of its target
 * ("đạt 97,9 % chỉ tiêu"), so the order is by that figure, never by coverage of the population,
 * which can rank differently; and a leader reads first the villages that need a push (an SMS
 * that has to be cut loses the villages nearest their target, not the furthest).
 * A constant number of queries: all villages are summed together, never one by one.
 */
export async function communeRanking(
  db: Db,
  input: { communeId: number; year: number; today: string; indicator?: string },
): Promise<CommuneRanking> {
  const period: ProgressPeriod = { year: input.year, today: input.today, indicator: input.indicator ?? "bhyt" };
  // One read of the dated grace rule for the commune and its villages.
  const waitingRules = period.indicator === "bhyt" ? await loadWaitingRules(db) : undefined;
  const commune = await unitProgress(db, { unitId: input.communeId, ...period, waitingRules });
  const scope = { childrenOf: input.communeId };
  const [villages, figures, targets] = await Promise.all([
    db.orm
      .select()
      .from(adminUnits)
      .where(and(eq(adminUnits.parentId, input.communeId), unitIsCurrent(input.today), or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, input.today))))
      .orderBy(asc(adminUnits.code)),
    queryProgressFigures(db, scope, period, waitingRules),
    queryProgressTargets(db, scope, period),
  ]);
  const rows = villages.map((v) => {
    const progress = toUnitProgress(v, figures.get(v.id), targets.get(v.id), period);
    return { targetShare: targetShare(progress), progress, reportedToday: (figures.get(v.id)?.entriesToday ?? 0) > 0 };
  });
  // Equal shares (every village at 0 % early in the year): more people short first, then code
  // order (the sort is stable). They still share a rank: the printed figure is the same.
  const order = (share: number | null) => share ?? Number.MAX_VALUE;
  rows.sort((a, b) => order(a.targetShare) - order(b.targetShare) || (b.progress.gapToTarget ?? 0) - (a.progress.gapToTarget ?? 0));
  let rank = 0;
  const ranked = rows.map((row, i): RankedVillage => {
    if (i === 0 || row.targetShare !== rows[i - 1]!.targetShare) rank = i + 1;
    return { rank, ...row };
  });
  return { year: period.year, today: period.today, indicator: period.indicator, commune, villages: ranked };
}
