import type { UnitProgress } from "./unit-progress";

/**
 * The share of its yearly target a unit has reached, in percent with one decimal, as the
 * progress lines print it ("đạt 97,9 % chỉ tiêu"). Not coverage: that is insured / population
 * (`UnitProgress.rate`). A target of 0 counts as reached; null without a target count.
 */
export function targetShare(p: Pick<UnitProgress, "insured" | "target">): number | null {
  const target = p.target?.targetCount ?? null;
  if (target === null) return null;
  return target > 0 ? Math.round((p.insured / target) * 1000) / 10 : 100;
}
