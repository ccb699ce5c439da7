import { env } from "cloudflare:workers";
import { and, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chunkForParameters, MAX_BOUND_PARAMETERS } from "../../src/db/client";
import { adminUnits, targets, type NewAdminUnit } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";

const db = createD1Db(env.DB);

const unit = (code: string, name = `Xã ${code}`): NewAdminUnit => ({
  code,
  name,
  level: "commune",
  searchKey: name.toLowerCase(),
  provinceCode: "01",
});

describe("createD1Db", () => {
  it("round-trips a unit and its target through atomic()", async () => {
    await db.atomic([
      (tx) => tx.insert(adminUnits).values(unit("90001", "Xã Mới")),
      (tx) =>
        tx.insert(targets).values({
          // A sub-select keeps both inserts in one batch without knowing the new id first.
          unitId: sql`(select id from admin_units where code = '90001')`,
          year: 2026,
          targetRateBp: 9557,
        }),
    ]);
    const stored = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "90001")).get();
    expect(stored).toMatchObject({ name: "Xã Mới", level: "commune", provinceCode: "01" });
    expect(stored?.createdAt).toBeInstanceOf(Date);
    const target = await db.orm.select().from(targets).where(eq(targets.unitId, stored!.id)).get();
    expect(target).toMatchObject({ year: 2026, indicator: "bhyt", groupCode: "", targetRateBp: 9557 });
  });

  it("atomic() is all-or-nothing when a later statement breaks targets_key_uq", async () => {
    const [anchor] = await db.orm.insert(adminUnits).values(unit("90002")).returning();
    await db.orm.insert(targets).values({ unitId: anchor!.id, year: 2026 });

    const failing = db.atomic([
      (tx) => tx.insert(adminUnits).values(unit("90003")),
      (tx) => tx.insert(targets).values({ unitId: anchor!.id, year: 2026 }),
    ]);
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed/);

    const leaked = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "90003")).all();
    expect(leaked).toEqual([]);
    const kept = await db.orm
      .select()
      .from(targets)
      .where(and(eq(targets.unitId, anchor!.id), eq(targets.year, 2026)))
      .all();
    expect(kept).toHaveLength(1);
  });

  it("chunkForParameters keeps a 250-row insert under D1's 100-parameter limit", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => unit(`8${String(i).padStart(4, "0")}`));
    // Columns actually bound per row: the 5 given above plus the app-side createdAt/updatedAt.
    const perRow = 7;

    // The limit is real: one statement for every row is refused. Drizzle wraps D1's error
    // ("Failed query: …" with the whole SQL), so inspect the cause instead of the message.
    const refused = await db.orm.insert(adminUnits).values(rows).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(String((refused as Error | undefined)?.cause)).toMatch(/too many SQL variables/i);

    const chunks = chunkForParameters(rows, perRow);
    expect(chunks.every((c) => c.length * perRow <= MAX_BOUND_PARAMETERS)).toBe(true);
    await db.atomic(chunks.map((chunk) => (tx) => tx.insert(adminUnits).values(chunk)));

    const [count] = await db.orm
      .select({ n: sql<number>`count(*)` })
      .from(adminUnits)
      .where(like(adminUnits.code, "8%"))
      .all();
    expect(count?.n).toBe(250);
  });
});
