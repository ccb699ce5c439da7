import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { adminUnits, type UnitLevel } from "../../db/schema";
import { displayName } from "./unit-levels";

export interface UnitListItem {
  code: string;
  name: string;
  displayName: string;
  level: UnitLevel;
  kind: string | null;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  replacedByCode: string | null;
  depth: number;
}

/**
 * Units in tree order (each parent followed by its children), optionally below one unit.
 * Historical units are included: their data still matters for reports.
 */
export async function listUnits(db: Db, options: { underId?: number; level?: UnitLevel } = {}): Promise<UnitListItem[]> {
  const parent = alias(adminUnits, "parent");
  const replacement = alias(adminUnits, "replacement");
  const rows = await db.orm
    .select({ unit: adminUnits, parentCode: parent.code, replacedByCode: replacement.code })
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .leftJoin(replacement, eq(replacement.id, adminUnits.replacedById))
    .orderBy(asc(adminUnits.code));
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const key = row.unit.parentId ?? null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const toItem = (row: (typeof rows)[number], depth: number): UnitListItem => {
    const u = row.unit;
    return {
      code: u.code, name: u.name, displayName: displayName(u), level: u.level, kind: u.kind,
      parentCode: row.parentCode, validFrom: u.validFrom, validTo: u.validTo, replacedByCode: row.replacedByCode, depth,
    };
  };
  const out: UnitListItem[] = [];
  const visit = (row: (typeof rows)[number], depth: number) => {
    if (!options.level || row.unit.level === options.level) out.push(toItem(row, depth));
    for (const child of children.get(row.unit.id) ?? []) visit(child, depth + 1);
  };
  if (options.underId !== undefined) {
    const root = rows.find((r) => r.unit.id === options.underId);
    if (root) visit(root, 0);
  } else for (const row of children.get(null) ?? []) visit(row, 0);
  return out;
}
