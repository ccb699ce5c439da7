import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnitAliases, adminUnits, type AdminUnit, type UnitLevel } from "../../db/schema";
import { AppError } from "../../errors";
import { searchKey } from "../text/search-key";
import { displayName, stripLevelPrefix } from "./unit-levels";

/**
 * Finds the one unit a person means by a code or a name ("Ngọc Phụng", "xa ngoc phung",
 * "38-01-01"). An exact code wins; names match without accents or level prefixes, and
 * aliases count. Several matches: current units are preferred, else the caller must choose.
 */
export async function resolveUnit(db: Db, query: string, options: { level?: UnitLevel } = {}): Promise<AdminUnit> {
  const text = query.trim();
  const [byCode] = await db.orm.select().from(adminUnits).where(sql`lower(${adminUnits.code}) = ${text.toLowerCase()}`);
  if (byCode) return byCode;
  const key = searchKey(text);
  const keys = [...new Set([key, stripLevelPrefix(key)])].filter(Boolean);
  if (keys.length === 0) throw new AppError("not_found", "unit-not-found", { query: text });
  const aliased = db.orm.select({ id: adminUnitAliases.unitId }).from(adminUnitAliases).where(inArray(adminUnitAliases.searchKey, keys));
  let matches = await db.orm
    .select()
    .from(adminUnits)
    .where(or(inArray(adminUnits.searchKey, keys), inArray(adminUnits.id, aliased)));
  if (options.level) matches = matches.filter((u) => u.level === options.level);
  if (matches.length > 1) {
    const current = matches.filter((u) => u.validTo === null);
    if (current.length >= 1) matches = current;
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new AppError("not_found", "unit-not-found", { query: text });
  const candidates = matches.map((u) => `${displayName(u)} (${u.code})`).join(", ");
  throw new AppError("ambiguous", "unit-ambiguous", { query: text, candidates });
}

export async function getUnitById(db: Db, id: number): Promise<AdminUnit | undefined> {
  const [unit] = await db.orm.select().from(adminUnits).where(eq(adminUnits.id, id));
  return unit;
}
