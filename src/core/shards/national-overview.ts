import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { NationalDb } from "../../db/national/client";
import { adminUnits } from "../../db/schema";
import { provinceFigures, type ProvinceFigures } from "./national-report";

export interface NationalOverviewRow extends ProvinceFigures {
  /** The province's name where the asking database knows it (each shard holds its own units). */
  name: string | null;
}

/**
 * What a national account sees with SHARDING=province: every province from the daily roll-ups
 * (no province database is opened), named from `db`'s units where it knows them.
 */
export async function nationalOverview(national: NationalDb, db: Db, options: { day?: string } = {}): Promise<NationalOverviewRow[]> {
  const figures = await provinceFigures(national, options);
  if (figures.length === 0) return [];
  const codes = figures.map((f) => f.provinceCode);
  const named = await db.orm
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, "province"), inArray(adminUnits.code, codes)));
  const names = new Map(named.map((u) => [u.code, u.name]));
  return figures.map((f) => ({ ...f, name: names.get(f.provinceCode) ?? null }));
}
