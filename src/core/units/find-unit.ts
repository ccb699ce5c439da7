import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, type AdminUnit } from "../../db/schema";

/** The unit with exactly this code (as in a URL), or undefined. */
export async function unitByCode(db: Db, code: string): Promise<AdminUnit | undefined> {
  const [unit] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, code));
  return unit;
}

/** The unit with this id, or undefined. */
export async function unitById(db: Db, id: number): Promise<AdminUnit | undefined> {
  const [unit] = await db.orm.select().from(adminUnits).where(eq(adminUnits.id, id));
  return unit;
}
