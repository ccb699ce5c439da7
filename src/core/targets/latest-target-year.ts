import { and, eq, lt, max, or, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, targets } from "../../db/schema";

/**
 * The latest year before `year` with a BHYT target for the unit or one of its direct children
 * (a commune's plan is often entered per village): what a "no target this year" reply offers.
 */
export async function latestTargetYear(db: Db, unitId: number, year: number): Promise<number | null> {
  const children = db.orm.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.parentId, unitId));
  const [row] = await db.orm
    .select({ year: max(targets.year) })
    .from(targets)
    .where(and(eq(targets.indicator, "bhyt"), lt(targets.year, year), or(eq(targets.unitId, unitId), inArray(targets.unitId, children))));
  return row?.year ?? null;
}
