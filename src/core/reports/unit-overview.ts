import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, type AdminUnit } from "../../db/schema";
import { queryProgressFigures, queryProgressTargets, type ProgressPeriod } from "../progress/progress-query";
import { toUnitProgress, type UnitProgress } from "../progress/unit-progress";

/** One child row of a unit page or report. */
export interface ChildProgress {
  progress: UnitProgress;
  /** Any active entry dated `today` in the child's subtree (zeros count as a report). */
  reportedToday: boolean;
  /** No longer current on `today` (a district after 1/7/2025): shown, marked, for history. */
  historical: boolean;
}

/** What the dashboard shows for one unit, and what its reports are built from. */
export interface UnitOverview {
  unit: AdminUnit;
  /** Root first, the unit's parent last. */
  ancestors: AdminUnit[];
  progress: UnitProgress;
  children: ChildProgress[];
  year: number;
  today: string;
}

/**
 * A unit with every child (historical ones included, so province → district → commune stays
 * navigable), all from the same progress queries as the bot's `/tiendo`: three queries for the
 * children together whatever their number, plus the unit itself.
 */
export async function unitOverview(db: Db, input: { unit: AdminUnit; year: number; today: string }): Promise<UnitOverview> {
  const period: ProgressPeriod = { year: input.year, today: input.today, indicator: "bhyt" };
  const { unit } = input;
  const children = { childrenOf: unit.id, includeHistorical: true };
  const [own, ownTargets, kids, figures, childTargets, ancestors] = await Promise.all([
    queryProgressFigures(db, { unitId: unit.id }, period),
    queryProgressTargets(db, { unitId: unit.id }, period),
    db.orm.select().from(adminUnits).where(eq(adminUnits.parentId, unit.id)).orderBy(asc(adminUnits.code)),
    queryProgressFigures(db, children, period),
    queryProgressTargets(db, children, period),
    unitAncestors(db, unit),
  ]);
  return {
    unit,
    ancestors,
    progress: toUnitProgress(unit, own.get(unit.id), ownTargets.get(unit.id), period),
    children: kids.map((c) => ({
      progress: toUnitProgress(c, figures.get(c.id), childTargets.get(c.id), period),
      reportedToday: (figures.get(c.id)?.entriesToday ?? 0) > 0,
      historical: (c.validTo !== null && c.validTo < input.today) || (c.validFrom !== null && c.validFrom > input.today),
    })),
    year: input.year,
    today: input.today,
  };
}

/** Parents of `unit`, root first. */
export async function unitAncestors(db: Db, unit: AdminUnit): Promise<AdminUnit[]> {
  const rows = await db.orm.all<{ id: number; depth: number }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from admin_units where id = ${unit.parentId ?? -1}
      union all
      select u.id, u.parent_id, up.depth + 1 from admin_units u join up on u.id = up.parent_id where up.depth < 12
    )
    select id, depth from up
  `);
  if (rows.length === 0) return [];
  const units = await db.orm.select().from(adminUnits).where(sql`${adminUnits.id} in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`);
  const depth = new Map(rows.map((r) => [r.id, r.depth]));
  return units.sort((a, b) => depth.get(b.id)! - depth.get(a.id)!);
}

/** The units an account starts from: its scope unit, or every top-level unit. */
export async function rootUnits(db: Db, scopeUnitId: number | null): Promise<AdminUnit[]> {
  return db.orm
    .select()
    .from(adminUnits)
    .where(scopeUnitId === null ? isNull(adminUnits.parentId) : eq(adminUnits.id, scopeUnitId))
    .orderBy(asc(adminUnits.code));
}

