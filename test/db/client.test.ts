import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { chunkForParameters } from "../../src/db/client";
import { adminUnits, targets } from "../../src/db/schema";
import { createTestDb } from "../helpers/test-db";

describe("chunkForParameters", () => {
  it("keeps every statement within D1's 100 bound parameters", () => {
    const rows = Array.from({ length: 250 }, (_, i) => i);
    const chunks = chunkForParameters(rows, 7);
    expect(chunks.every((c) => c.length * 7 <= 100)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
  });

  it("refuses rows wider than the limit", () => {
    expect(() => chunkForParameters([1], 101)).toThrow(RangeError);
  });
});

describe("atomic on better-sqlite3", () => {
  it("writes all steps", async () => {
    const db = createTestDb();
    await db.atomic([
      (tx) => tx.insert(adminUnits).values({ code: "T1", name: "Một", level: "province", searchKey: "mot" }),
      (tx) => tx.insert(adminUnits).values({ code: "T2", name: "Hai", level: "province", searchKey: "hai" }),
    ]);
    const [n] = await db.orm.select({ n: count() }).from(adminUnits);
    expect(n?.n).toBe(2);
  });

  it("writes nothing when a later step fails", async () => {
    const db = createTestDb();
    await db.orm.insert(adminUnits).values({ code: "P", name: "P", level: "province", searchKey: "p" });
    const [p] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "P"));
    await expect(
      db.atomic([
        (tx) => tx.insert(adminUnits).values({ code: "NEW", name: "Mới", level: "province", searchKey: "moi" }),
        (tx) => tx.insert(targets).values({ unitId: p!.id, year: 2025, targetCount: 1 }),
        (tx) => tx.insert(targets).values({ unitId: p!.id, year: 2025, targetCount: 2 }),
      ]),
    ).rejects.toThrow();
    expect(await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "NEW"))).toEqual([]);
    expect(await db.orm.select().from(targets)).toEqual([]);
  });
});
