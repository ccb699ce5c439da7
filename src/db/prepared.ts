import type { Orm } from "./client";

/**
 * Queries prepared once per database instead of built on every call. Building a Drizzle
 * query (and compiling its SQL in SQLite) costs several times what a small indexed query
 * itself costs, which matters on the paths every webhook update takes. Keyed weakly by the
 * Drizzle instance, so a closed or per-request database takes its statements with it; on D1
 * the "prepared" query is a reusable statement object, so this is safe on both drivers.
 *
 * Usage: `const queries = preparedPer((orm) => ({ byId: orm.select()…prepare() }));`
 * then `queries(db.orm).byId.get({ id })`.
 */
export function preparedPer<T>(build: (orm: Orm) => T): (orm: Orm) => T {
  const cache = new WeakMap<Orm, T>();
  return (orm) => {
    let built = cache.get(orm);
    if (built === undefined) {
      built = build(orm);
      cache.set(orm, built);
    }
    return built;
  };
}
