import { inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { chunkForParameters, MAX_BOUND_PARAMETERS, type Db } from "../../db/client";
import { adminUnits, type AdminUnit, type UnitLevel } from "../../db/schema";

/**
 * Current units of one level inside an account's scope (the whole country for a null scope),
 * in code order: what the dashboard's pickers offer.
 */
export async function unitsInScope(db: Db, input: { scopeUnitId: number | null; level: UnitLevel; today: string }): Promise<AdminUnit[]> {
  const rows = await db.orm.all<Record<string, unknown>>(sql`
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where ${input.scopeUnitId === null ? sql`parent_id is null` : sql`id = ${input.scopeUnitId}`}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id where t.depth < 12
    )
    select u.id from admin_units u join tree t on t.id = u.id
    where u.level = ${input.level} and (u.valid_to is null or u.valid_to >= ${input.today})
    order by u.code`);
  return unitsByIds(db, rows.map((r) => Number(r.id)));
}

/** Units by id in code order, in chunks: D1 binds at most 100 parameters per query. */
export async function unitsByIds(db: Db, ids: readonly number[]): Promise<AdminUnit[]> {
  const units: AdminUnit[] = [];
  for (const chunk of chunkForParameters([...new Set(ids)], 1, MAX_BOUND_PARAMETERS - 10)) {
    units.push(...(await db.orm.select().from(adminUnits).where(inArray(adminUnits.id, chunk))));
  }
  return units.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * `column` lies in the subtree of `scopeUnitId`, as one SQL condition (always true for a null
 * scope): lets a list query stay one query whatever the account's level.
 */
export function inScopeSql(column: SQLWrapper, scopeUnitId: number | null): SQL {
  if (scopeUnitId === null) return sql`1 = 1`;
  return sql`${column} in (
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where id = ${scopeUnitId}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id where t.depth < 12
    ) select id from tree)`;
}
