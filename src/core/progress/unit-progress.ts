import type { Db } from "../../db/client";
import type { AdminUnit, WaitingRule } from "../../db/schema";
import { unitById } from "../units/find-unit";
import { AppError } from "../../errors";
import { BHYT_RENEWAL_INDICATOR } from "../tallies/tally-vocabulary";
import { displayName } from "../units/unit-levels";
import { queryProgressFigures, queryProgressTargets, type ProgressFigures, type ProgressPeriod, type ProgressTarget } from "./progress-query";

/**
 * How far a unit (and everything below it) is towards its yearly target.
 *
 * insured = baseline insured count (coverage_baselines, group '') + active tallies dated
 * after the baseline's `asOf`, up to `today`, within `year` − cards on the roster that lapsed
 * in that span (lapsed-cards.ts); without a baseline, every tally of the year, nothing subtracted. A unit without its own baseline sums its children, each by this rule
 * (a commune = its villages). Percentages are rounded to 2 decimals.
 *
 * Renewals (gia hạn, tái tục: indicator `bhyt_renewal`) are people who already had a card:
 * they never add to `insured`, and are reported apart in `renewalsYearToDate`. Lapses come from
 * the card roster, not from tallies: officers report who joined, the roster shows who dropped out.
 */
export interface UnitProgress {
  unit: { id: number; code: string; name: string; displayName: string; level: string };
  year: number;
  indicator: string;
  /** The unit's own target, else the sum of its children's (`fromChildren`); null when neither exists. */
  target: { population: number | null; targetCount: number | null; targetRate: number | null; fromChildren: boolean } | null;
  /** `unitCount` > 1 when summed from several units; `asOf` is then the latest of their dates. */
  baseline: { insuredCount: number; asOf: string; unitCount: number } | null;
  reportedToday: number;
  reportedThisMonth: number;
  reportedYearToDate: number;
  /** Tallies that count towards `insured` (after the baseline date). */
  reportedSinceBaseline: number;
  /** Roster cards lapsed over the same span, subtracted from `insured` (0 without a baseline). */
  lapsedSinceBaseline: number;
  /** Whether anyone under the unit is on the card roster: without it lapses cannot be known. */
  hasRoster: boolean;
  /** baseline + new − lapsed, never below 0. */
  insured: number;
  /** insured / population in percent; null without a population. */
  rate: number | null;
  /** max(0, targetCount − insured); null without a target count. */
  gapToTarget: number | null;
  lastReportDate: string | null;
  /** BHYT renewals reported this year (not in `insured`); null where not counted (other indicators, ranked villages). */
  renewalsYearToDate: number | null;
}

export interface UnitProgressInput {
  unitId: number;
  year: number;
  /** YYYY-MM-DD in Vietnam time. */
  today: string;
  indicator?: string;
  /** The dated waiting rules (grace before a card counts as lapsed), when the caller has read them. */
  waitingRules?: readonly WaitingRule[];
}

/** Progress of one unit; three queries whatever the size of its tree. */
export async function unitProgress(db: Db, input: UnitProgressInput): Promise<UnitProgress> {
  const period: ProgressPeriod = { year: input.year, today: input.today, indicator: input.indicator ?? "bhyt" };
  const unit = await unitById(db, input.unitId);
  if (!unit) throw new AppError("not_found", "unit-not-found", { query: String(input.unitId) });
  const scope = { unitId: unit.id };
  const renewalPeriod = { ...period, indicator: BHYT_RENEWAL_INDICATOR };
  const [figures, targets, renewals] = await Promise.all([
    queryProgressFigures(db, scope, period, input.waitingRules),
    queryProgressTargets(db, scope, period),
    period.indicator === "bhyt" ? queryProgressFigures(db, scope, renewalPeriod) : undefined,
  ]);
  const progress = toUnitProgress(unit, figures.get(unit.id), targets.get(unit.id), period);
  return renewals ? { ...progress, renewalsYearToDate: renewals.get(unit.id)?.reportedYearToDate ?? 0 } : progress;
}

/** Insured = baseline + new participants since it − lapses since it, never below 0 (shared with the tally coverage check). */
export function insuredCount(baseline: number, sinceBaseline: number, lapsed: number): number {
  return Math.max(0, baseline + sinceBaseline - lapsed);
}

/** Puts a unit's queried figures and target together; shared with the commune ranking. */
export function toUnitProgress(unit: AdminUnit, figures: ProgressFigures | undefined, target: ProgressTarget | undefined, period: ProgressPeriod): UnitProgress {
  const baseline = figures?.baseline ?? null;
  const sinceBaseline = figures?.sinceBaseline ?? 0;
  const lapsed = figures?.lapsedSinceBaseline ?? 0;
  const insured = insuredCount(baseline?.insuredCount ?? 0, sinceBaseline, lapsed);
  const population = target?.population ?? null;
  const targetCount = target?.targetCount ?? null;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, displayName: displayName(unit), level: unit.level },
    year: period.year,
    indicator: period.indicator,
    target: target
      ? {
          population,
          targetCount,
          targetRate: target.targetRateBp !== null ? target.targetRateBp / 100 : percent(targetCount, population),
          fromChildren: target.fromChildren,
        }
      : null,
    baseline,
    reportedToday: figures?.reportedToday ?? 0,
    reportedThisMonth: figures?.reportedThisMonth ?? 0,
    reportedYearToDate: figures?.reportedYearToDate ?? 0,
    reportedSinceBaseline: sinceBaseline,
    lapsedSinceBaseline: lapsed,
    hasRoster: figures?.hasRoster ?? false,
    insured,
    rate: percent(insured, population),
    gapToTarget: targetCount !== null ? Math.max(0, targetCount - insured) : null,
    lastReportDate: figures?.lastReportDate ?? null,
    renewalsYearToDate: null,
  };
}

const percent = (count: number | null, population: number | null) =>
  count !== null && population ? Math.round((count / population) * 10_000) / 100 : null;
