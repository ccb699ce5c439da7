import type { Db } from "../../db/client";
import { insuredCount, unitProgress } from "../progress/unit-progress";
import { findExistingForDate } from "./existing-tallies";
import { rejectTally, type TallyRejection } from "./parse-tally";
import type { TallyFigure } from "./record-tally";

/**
 * Refuses a report whose saving would take a village's insured count above its population.
 * The parser only compares one message's figures with the population; a typo added to a day
 * that already has figures (HS 500 on top of HS 5) passes that check, yet shows "150 % dân số".
 *
 * The count is the one progress shows (unit-progress.ts `insuredCount`): baseline + new − lapsed, where a
 * figure adds only if it is a new participant (indicator bhyt), dated after the baseline and
 * within the year up to today. "replace" first takes away what it supersedes (every officer's
 * figure for the key on that day). Only a report that raises the count is refused, so a
 * correction downwards is always possible. Read before the write, not in the same unit: two
 * officers saving at the same instant can each pass; the next report is then refused.
 */
export async function checkResultingCoverage(
  db: Db,
  input: {
    date: string;
    today: string;
    entries: readonly TallyFigure[];
    mode: "add" | "replace";
    /** The population the parser checked against, for a village whose year has no target row. */
    fallbackPopulation?: (unitId: number) => number | null;
  },
): Promise<TallyRejection | undefined> {
  const entries = input.entries.filter((e) => e.indicator === "bhyt");
  if (entries.length === 0) return undefined;
  const year = Number(input.date.slice(0, 4));
  // A back-filled day of an earlier year counts in that year, as it stood at its end.
  const asOf = input.today.startsWith(`${year}-`) ? input.today : `${year}-12-31`;
  if (input.date > input.today) return undefined;
  const superseded = input.mode === "replace" ? await findExistingForDate(db, { entries, date: input.date }) : [];
  for (const unitId of new Set(entries.map((e) => e.unitId))) {
    const p = await unitProgress(db, { unitId, year, today: asOf });
    if (p.baseline && input.date <= p.baseline.asOf) continue;
    const reported = entries.filter((e) => e.unitId === unitId).reduce((n, e) => n + e.count, 0);
    const replaced = superseded.filter((s) => s.unitId === unitId).reduce((n, s) => n + s.total, 0);
    const delta = reported - replaced;
    if (delta <= 0) continue;
    const population = p.target?.population ?? input.fallbackPopulation?.(unitId) ?? null;
    const after = insuredCount(p.baseline?.insuredCount ?? 0, p.reportedSinceBaseline + delta, p.lapsedSinceBaseline);
    if (population !== null && after > population) {
      return rejectTally("above_population", "tally-above-population-total", { unit: p.unit.displayName, insured: p.insured, after, population });
    }
  }
  return undefined;
}
