import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { adminUnits } from "../../src/db/schema";
import { createTestDb } from "../helpers/test-db";

const unit = (code: string) => ({ code, name: code, level: "province" as const, searchKey: code.toLowerCase() });

describe("atomic on the Node connection", () => {
  it("leaves no transaction open after a failed unit, so the next unit and plain writes commit", async () => {
    const db = createTestDb();
    await expect(db.atomic([(tx) => tx.insert(adminUnits).values(unit("A")), (tx) => tx.insert(adminUnits).values(unit("A"))])).rejects.toThrow(/UNIQUE/);
    expect(db.sqlite.inTransaction).toBe(false);
    await db.atomic([(tx) => tx.insert(adminUnits).values(unit("B"))]);
    await db.orm.insert(adminUnits).values(unit("C"));
    expect(db.sqlite.inTransaction).toBe(false);
    const codes = (await db.orm.select({ code: adminUnits.code }).from(adminUnits)).map((r) => r.code);
    expect(codes.sort()).toEqual(["B", "C"]);
  });

  it("nests inside a transaction the caller opened: a failed unit undoes only its own steps", async () => {
    const db = createTestDb();
    db.sqlite.exec("BEGIN IMMEDIATE");
    await db.orm.insert(adminUnits).values(unit("OUTER"));
    await expect(db.atomic([(tx) => tx.insert(adminUnits).values(unit("INNER")), (tx) => tx.insert(adminUnits).values(unit("OUTER"))])).rejects.toThrow(/UNIQUE/);
    await db.atomic([(tx) => tx.insert(adminUnits).values(unit("SECOND"))]);
    expect(db.sqlite.inTransaction).toBe(true);
    db.sqlite.exec("COMMIT");
    const codes = (await db.orm.select({ code: adminUnits.code }).from(adminUnits)).map((r) => r.code);
    expect(codes.sort()).toEqual(["OUTER", "SECOND"]);
    expect(await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "INNER"))).toEqual([]);
  });

  it("commits the units of one turn together: a failing unit is rejected alone and leaves nothing, the others are in", async () => {
    const db = createTestDb();
    await db.atomic([(tx) => tx.insert(adminUnits).values(unit("TAKEN"))]);
    const results = await Promise.allSettled([
      db.atomic([(tx) => tx.insert(adminUnits).values(unit("P1")), (tx) => tx.insert(adminUnits).values(unit("P2"))]),
      // Its first step goes in, its second fails: the first must not stay.
      db.atomic([(tx) => tx.insert(adminUnits).values(unit("HALF")), (tx) => tx.insert(adminUnits).values(unit("TAKEN"))]),
      db.atomic([(tx) => tx.insert(adminUnits).values(unit("Q1"))]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(db.sqlite.inTransaction).toBe(false);
    const codes = (await db.orm.select({ code: adminUnits.code }).from(adminUnits)).map((r) => r.code);
    expect(codes.sort()).toEqual(["P1", "P2", "Q1", "TAKEN"]);
  });
});
