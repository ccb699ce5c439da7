/** @module A statement cache between Drizzle and better-sqlite3 (Node only). */
import type Database from "better-sqlite3";

/**
 * The connection as Drizzle sees it, with `prepare` answered from a bounded LRU of compiled
 * statements. Drizzle's better-sqlite3 driver compiles the SQL of every query it runs, even
 * one it ran a moment ago; on the webhook path that compile cost as much as the query itself.
 * Everything else (transactions, pragmas, close) goes to the real connection.
 *
 * A reused statement is put back in its default mode first: Drizzle switches statements to
 * raw (array) rows for selects with fields, and the same SQL text may arrive without fields.
 * Statements are never shared while busy: the sync driver finishes each call before the next
 * (Drizzle never iterates), and code that wants `iterate` or `pluck` uses the real connection.
 */
export function withStatementCache(sqlite: Database.Database, max = 500): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    const hit = cache.get(source);
    if (hit) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(source);
      cache.set(source, hit);
      // Only statements that return rows have a mode (raw() throws on the others).
      return hit.reader ? hit.raw(false) : hit;
    }
    const statement = sqlite.prepare(source);
    cache.set(source, statement);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === "prepare") return prepare;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
