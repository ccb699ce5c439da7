/**
 * @module SQL text in and out of a SQLite file, in the form `wrangler d1 export` writes and
 * `wrangler d1 execute --file` reads: what moves a D1 database through the Node tools (a split).
 */
import Database from "better-sqlite3";

/** D1 refuses a statement longer than this (bytes). */
export const D1_MAX_STATEMENT_BYTES = 100_000;

/**
 * Creates the SQLite file `path` from SQL text (a D1 export). Foreign keys are off while it
 * loads: an export inserts rows in table order, before the tables they refer to exist.
 */
export function loadSqlDump(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.pragma("foreign_keys = OFF");
    db.exec(sql);
  } finally {
    db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One value as a SQL literal, exactly (integers read as BigInt, so none past 2^53 is rounded). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(1) : String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString("hex")}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

export interface SqlDump {
  sql: string;
  /** Statements longer than D1 accepts, by table (empty: D1 takes the file as it is). */
  tooLong: string[];
}

/**
 * The whole file as SQL that `wrangler d1 execute --file` loads into an empty database: the
 * tables, their rows, then the indexes, triggers and views, then AUTOINCREMENT counters, so
 * ids go on from where they were.
 */
export function dumpSqlite(path: string): SqlDump {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  try {
    const objects = db
      .prepare("select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' and name not like '_cf_%' order by case type when 'table' then 0 when 'index' then 1 else 2 end, rowid")
      .all() as { type: string; name: string; sql: string }[];
    const out = ["PRAGMA defer_foreign_keys=TRUE;"];
    const tooLong = new Set<string>();
    // Every table before any row: a row may refer to a table created after its own (D1 refuses
    // an insert whose foreign key names a table that does not exist yet, deferred or not).
    const tables = objects.filter((o) => o.type === "table");
    for (const table of tables) out.push(`${table.sql};`);
    for (const table of tables) {
      for (const row of db.prepare(`select * from ${quote(table.name)}`).raw().iterate() as Iterable<unknown[]>) {
        const statement = `INSERT INTO ${quote(table.name)} VALUES(${row.map(literal).join(",")});`;
        if (Buffer.byteLength(statement) > D1_MAX_STATEMENT_BYTES) tooLong.add(table.name);
        out.push(statement);
      }
    }
    for (const object of objects) if (object.type !== "table") out.push(`${object.sql};`);
    const counters = db.prepare("select name from sqlite_master where name = 'sqlite_sequence'").get();
    if (counters) {
      out.push("DELETE FROM sqlite_sequence;");
      for (const row of db.prepare("select name, seq from sqlite_sequence").raw().iterate() as Iterable<unknown[]>) out.push(`INSERT INTO "sqlite_sequence" VALUES(${row.map(literal).join(",")});`);
    }
    return { sql: `${out.join("\n")}\n`, tooLong: [...tooLong] };
  } finally {
    db.close();
  }
}
