import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { targets } from "../../db/schema";

/** Years with a BHYT plan anywhere, newest first: what the dashboard's year picker offers beside the current year. */
export async function planYears(db: Db): Promise<number[]> {
  const rows = await db.orm.selectDistinct({ year: targets.year }).from(targets).where(eq(targets.indicator, "bhyt")).orderBy(desc(targets.year));
  return rows.map((r) => r.year);
}
