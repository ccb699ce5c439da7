import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, indicators, participantGroups, targets, type AdminUnit } from "../../db/schema";
import { displayName } from "../units/unit-levels";

export interface TargetView {
  indicator: string;
  indicatorName: { vi: string; en: string };
  /** null = all participant groups. */
  group: string | null;
  groupName: { vi: string; en: string } | null;
  groupParent: string | null;
  population: number | null;
  targetCount: number | null;
  /** The rate as the plan gives it (percent), else computed from count and population. */
  targetRate: number | null;
  /** count/population when both are known: lets a reader spot printed rates that disagree. */
  computedRate: number | null;
  deadline: string | null;
  source: string | null;
}

export interface ChildTargetView {
  code: string;
  name: string;
  displayName: string;
  population: number | null;
  targetCount: number | null;
  targetRate: number | null;
  deadline: string | null;
}

export interface UnitTargets {
  unit: { code: string; name: string; displayName: string; level: string };
  year: number;
  targets: TargetView[];
  /** Direct children's BHYT coverage targets (all groups), e.g. a commune's villages. */
  children: ChildTargetView[];
  childrenTotal: { population: number; targetCount: number; targetRate: number | null } | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const rateOf = (count: number | null, population: number | null) => (count !== null && population ? round2((count / population) * 100) : null);

export async function unitTargets(db: Db, unit: AdminUnit, year: number): Promise<UnitTargets> {
  const rows = await db.orm
    .select({ t: targets, ind: indicators, g: participantGroups })
    .from(targets)
    .innerJoin(indicators, eq(indicators.code, targets.indicator))
    .leftJoin(participantGroups, eq(participantGroups.code, targets.groupCode))
    .where(and(eq(targets.unitId, unit.id), eq(targets.year, year)))
    .orderBy(asc(indicators.sortOrder), asc(participantGroups.sortOrder));
  const own: TargetView[] = rows.map(({ t, ind, g }) => ({
    indicator: t.indicator,
    indicatorName: { vi: ind.nameVi, en: ind.nameEn },
    group: t.groupCode || null,
    groupName: g ? { vi: g.nameVi, en: g.nameEn } : null,
    groupParent: g?.parentCode ?? null,
    population: t.population,
    targetCount: t.targetCount,
    targetRate: t.targetRateBp !== null ? t.targetRateBp / 100 : rateOf(t.targetCount, t.population),
    computedRate: rateOf(t.targetCount, t.population),
    deadline: t.deadline,
    source: t.source,
  }));
  const childRows = await db.orm
    .select({ u: adminUnits, t: targets })
    .from(adminUnits)
    .leftJoin(targets, and(eq(targets.unitId, adminUnits.id), eq(targets.year, year), eq(targets.indicator, "bhyt"), eq(targets.groupCode, "")))
    .where(eq(adminUnits.parentId, unit.id))
    .orderBy(asc(adminUnits.code));
  const children: ChildTargetView[] = childRows.map(({ u, t }) => ({
    code: u.code,
    name: u.name,
    displayName: displayName(u),
    population: t?.population ?? null,
    targetCount: t?.targetCount ?? null,
    targetRate: t ? (t.targetRateBp !== null ? t.targetRateBp / 100 : rateOf(t.targetCount, t.population)) : null,
    deadline: t?.deadline ?? null,
  }));
  const withFigures = children.filter((c) => c.population !== null && c.targetCount !== null);
  const childrenTotal =
    withFigures.length > 0
      ? (() => {
          const population = withFigures.reduce((s, c) => s + c.population!, 0);
          const targetCount = withFigures.reduce((s, c) => s + c.targetCount!, 0);
          return { population, targetCount, targetRate: rateOf(targetCount, population) };
        })()
      : null;
  return {
    unit: { code: unit.code, name: unit.name, displayName: displayName(unit), level: unit.level },
    year,
    targets: own,
    children,
    childrenTotal,
  };
}
