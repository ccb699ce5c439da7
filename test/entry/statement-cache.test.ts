import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "../../src/entry/statement-cache";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { adminUnits } from "../../src/db/schema";

describe("statement cache between Drizzle and better-sqlite3", () => {
  it("hands back the compiled statement for the same SQL, and evicts the least recently used beyond the bound", () => {
    const cached = withStatementCache(new Database(":memory:"), 2);
    const a = cached.prepare("select 1 as x");
    expect(cached.prepare("select 1 as x")).toBe(a);
    const b = cached.prepare("select 2 as x");
    cached.prepare("select 1 as x"); // a is now the most recent
    cached.prepare("select 3 as x"); // evicts b
    expect(cached.prepare("select 1 as x")).toBe(a);
    expect(cached.prepare("select 2 as x")).not.toBe(b);
  });

  it("resets a reused statement to object rows after Drizzle used it for array rows", async () => {
    const db = openSqliteDb(":memory:");
    await db.orm.insert(adminUnits).values({ code: "T1", name: "Xã Thử", level: "commune", searchKey: "xa thu" });
    // A select with fields runs in raw (array) mode; the same SQL text without fields must still get objects.
    const built = db.orm.select({ code: adminUnits.code }).from(adminUnits);
    const text = built.toSQL().sql;
    expect(await built).toEqual([{ code: "T1" }]);
    expect(await db.orm.all(sql.raw(text))).toEqual([{ code: "T1" }]);
    expect(await built).toEqual([{ code: "T1" }]);
    db.close();
  });

  it("runs writes and transactions through the real connection", async () => {
    const db = openSqliteDb(":memory:");
    for (let i = 0; i < 3; i++) await db.orm.insert(adminUnits).values({ code: `T${i}`, name: `Xã ${i}`, level: "commune", searchKey: `xa ${i}` });
    await expect(
      db.atomic([
        (tx) => tx.insert(adminUnits).values({ code: "T9", name: "Xã 9", level: "commune", searchKey: "xa 9" }),
        (tx) => tx.insert(adminUnits).values({ code: "T0", name: "trùng mã", level: "commune", searchKey: "x" }),
      ]),
    ).rejects.toThrow();
    expect(db.sqlite.prepare("select count(*) from admin_units").pluck().get()).toBe(3);
    db.close();
  });
});
