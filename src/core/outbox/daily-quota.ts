import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { appMeta } from "../../db/schema";

/**
 * Takes one unit of a per-day allowance (`name` on local date `day`), kept in `app_meta` so
 * every dispatcher (processes, isolates) shares it. One conditional upsert: two takers can
 * never both get the last unit. Returns whether a unit was taken.
 */
export async function takeDailyQuota(db: Db, input: { name: string; day: string; limit: number; at: Date }): Promise<boolean> {
  if (input.limit <= 0) return false;
  const rows = await db.orm
    .insert(appMeta)
    .values({ key: `quota:${input.name}:${input.day}`, value: "1", updatedAt: input.at })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: sql`cast(cast(${appMeta.value} as integer) + 1 as text)`, updatedAt: input.at },
      setWhere: sql`cast(${appMeta.value} as integer) < ${input.limit}`,
    })
    .returning({ key: appMeta.key });
  return rows.length > 0;
}

/** Units taken so far on `day`. */
export async function dailyQuotaUsed(db: Db, name: string, day: string): Promise<number> {
  const [row] = await db.orm.select({ value: appMeta.value }).from(appMeta).where(sql`${appMeta.key} = ${`quota:${name}:${day}`}`);
  return row ? Number(row.value) : 0;
}
