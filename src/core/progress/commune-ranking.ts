import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loadWaitingRules } from "../cards/renewal-start";
import { adminUnits, unitIsCurrent } from "../../db/schema";
import { queryProgressFigures, queryProgressTargets, type ProgressPeriod } from "./progress-query";
import { toUnitProgress, unitProgress, type UnitProgress } from "./unit-progress";

/** A village's place in its commune. */
export interface RankedVillage {
  /** 1-based; villages with the same rate share a rank (1, 2, 2, 4). */
  rank: number;
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
  /** Current villages by rate, highest first; villages without a population come last. */
  villages: RankedVillage[];
}

/**
 * Ranks a commune's current villages by coverage rate, with which ones have not reported
 * today. A constant number of queries: all villages are summed together, never one by one.
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
  const rows = villages.map((v) => ({
    progress: toUnitProgress(v, figures.get(v.id), targets.get(v.id), period),
    reportedToday: (figures.get(v.id)?.entriesToday ?? 0) > 0,
  }));
  // Stable sort on code order: equal rates keep the villages' code order.
  rows.sort((a, b) => (b.progress.rate ?? -1) - (a.progress.rate ?? -1));
  let rank = 0;
  const ranked = rows.map((row, i): RankedVillage => {
    if (i === 0 || row.progress.rate !== rows[i - 1]!.progress.rate) rank = i + 1;
    return { rank, ...row };
  });
  return { year: period.year, today: period.today, indicator: period.indicator, commune, villages: ranked };
}
