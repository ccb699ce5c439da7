import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
import { adminUnits, type AdminUnit } from "../../db/schema";

/** The unit with exactly this code (as in a URL), or undefined. */
export async function unitByCode(db: Db, code: string): Promise<AdminUnit | undefined> {
  const [unit] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, code));
  return unit;
}

/** The unit with this id, or undefined. */
export async function unitById(db: Db, id: number): Promise<AdminUnit | undefined> {
  const [unit] = await byId(db.orm).all({ id });
  return unit;
}

// Every tally's reply reads its village's unit: building a select of every column cost more
// than running it, so it is prepared once per database.
const byId = preparedPer((orm) => orm.select().from(adminUnits).where(eq(adminUnits.id, sql.placeholder("id"))).prepare());
