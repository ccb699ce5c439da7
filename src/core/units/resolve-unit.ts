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
export async function resolveUnit(db: Db, query: string, options: { level?: UnitLevel; parentId?: number } = {}): Promise<AdminUnit> {
  const text = query.trim();
  const [byCode] = await db.orm.select().from(adminUnits).where(sql`lower(${adminUnits.code}) = ${text.toLowerCase()}`);
  // A code names one unit: if it is not of the level or parent asked for, nothing matches
  // (a village code must not pass for a commune, nor fall through to a name search).
  if (byCode) {
    const fits = (!options.level || byCode.level === options.level) && (options.parentId === undefined || byCode.parentId === options.parentId);
    if (fits) return byCode;
    throw new AppError("not_found", "unit-not-found", { query: text });
  }
  const fullKey = searchKey(text);
  if (!fullKey) throw new AppError("not_found", "unit-not-found", { query: text });
  let matches = await unitsWithKey(db, fullKey);
  const strippedKey = stripLevelPrefix(fullKey);
  if (matches.length === 0 && strippedKey !== fullKey) {
    // "Thôn Hoà Lâm", "thành phố Lai Châu": the prefix may name the unit's kind; when it
    // does, it tells the city (12-01) from the province (12) of the same name.
    matches = await unitsWithKey(db, strippedKey);
    const kindQualified = matches.filter((u) => u.kind && searchKey(`${u.kind} ${u.name}`) === fullKey);
    if (kindQualified.length > 0) matches = kindQualified;
  }
  if (options.level) matches = matches.filter((u) => u.level === options.level);
  if (options.parentId !== undefined) matches = matches.filter((u) => u.parentId === options.parentId);
  if (matches.length > 1) {
    const current = matches.filter((u) => u.validTo === null);
    if (current.length >= 1) matches = current;
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new AppError("not_found", "unit-not-found", { query: text });
  const candidates = matches.map((u) => `${displayName(u)} (${u.code})`).join(", ");
  throw new AppError("ambiguous", "unit-ambiguous", { query: text, candidates });
}

/** Units whose name or one of whose aliases has exactly this search key. */
async function unitsWithKey(db: Db, key: string): Promise<AdminUnit[]> {
  const aliased = db.orm.select({ id: adminUnitAliases.unitId }).from(adminUnitAliases).where(eq(adminUnitAliases.searchKey, key));
  return db.orm
    .select()
    .from(adminUnits)
    .where(or(eq(adminUnits.searchKey, key), inArray(adminUnits.id, aliased)));
}
