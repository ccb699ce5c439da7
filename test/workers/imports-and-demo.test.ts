import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createD1Db } from "../../src/entry/d1-db";
import { createProtector } from "../../src/core/privacy/protector";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { unitTargets } from "../../src/core/targets/unit-targets";
import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import { recordTally } from "../../src/core/tallies/record-tally";
import { unitProgress } from "../../src/core/progress/unit-progress";
import { countLapsedCards } from "../../src/core/progress/lapsed-cards";

async function* table(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}

describe("core use cases on D1 (workerd)", () => {
  it("seeds the demo through the staged importer and shows Ngọc Phụng's targets", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "w" });
    const result = await seedDemo({ db, protector, today: "2025-11-15" });
    expect(result.people).toBeGreaterThan(300);
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const view = await unitTargets(db, commune, 2025);
    expect(view.targets[0]).toMatchObject({ population: 8060, targetCount: 7703, targetRate: 95.57 });
    expect(view.children.map((c) => c.name)).toEqual(["Quyết Tiến", "Xuân Thành", "Xuân Lập", "Xuân Thắng", "Hoà Lâm", "Hưng Long", "Phú Vinh"]);
  });

  it("applies nothing from a units file with a bad row", async () => {
    const db = createD1Db(env.DB);
    const outcome = await runImport(db, unitsImportSpec(), table([
      { code: "W1", name: "Tỉnh W", level: "province", parent_code: "" },
      { code: "W2", name: "Xã W", level: "commune", parent_code: "NOPE" },
    ]));
    expect(outcome.ok).toBe(false);
    const [row] = await db.orm.all<{ n: number }>(sql`select count(*) as n from admin_units where code like 'W%'`);
    expect(row?.n).toBe(0);
  });

  it("records, de-duplicates and undoes a tally, and counts it in progress", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "w" });
    await seedDemo({ db, protector, today: "2025-11-15" });
    const village = await resolveUnit(db, "Xuân Thành");
    const input = { officerId: null, channel: "telegram" as const, originalText: "Xuân Thành GD 12", inboundKey: "777", date: "2025-11-15", entries: [{ unitId: village.id, group: "GD", indicator: "bhyt", count: 12 }], mode: "add" as const };
    expect((await recordTally(db, input)).duplicate).toBe(false);
    expect((await recordTally(db, input)).duplicate).toBe(true);
    const progress = await unitProgress(db, { unitId: village.id, year: 2025, today: "2025-11-15" });
    expect(progress.reportedToday).toBe(12);
  });

  it("subtracts the roster's lapsed cards with D1's SQL, as countLapsedCards counts them", async () => {
    const db = createD1Db(env.DB);
    const village = await resolveUnit(db, "Xuân Thành");
    await db.orm.run(sql`insert into coverage_baselines (unit_id, year, indicator, group_code, insured_count, as_of, source, created_at, updated_at)
      values (${village.id}, 2025, 'bhyt', '', 400, '2025-01-01', 'test', 0, 0)`);
    for (const validTo of ["2025-05-01", "2025-08-17", "2025-08-18", "2026-05-01"]) {
      const [person] = await db.orm.all<{ id: number }>(sql`insert into people (unit_id, full_name_enc, created_at, updated_at) values (${village.id}, 'x', 0, 0) returning id`);
      await db.orm.run(sql`insert into cards (person_id, group_code, valid_to, created_at, updated_at) values (${person!.id}, 'GD', ${validTo}, 0, 0)`);
    }
    // On 15/11/2025 the 90-day rule is in force: cards that ended 1/1–16/8 and were not renewed lapsed.
    const [expected] = await db.orm.all<{ n: number }>(sql`select count(*) as n from cards c join people p on p.id = c.person_id
      where p.unit_id = ${village.id} and c.valid_to >= '2025-01-01' and c.valid_to <= '2025-08-17'`);
    expect(expected!.n).toBeGreaterThanOrEqual(2);
    const progress = await unitProgress(db, { unitId: village.id, year: 2025, today: "2025-11-15" });
    expect(progress.lapsedSinceBaseline).toBe(expected!.n);
    expect(progress.insured).toBe(400 + progress.reportedSinceBaseline - expected!.n);
    const lapsed = await countLapsedCards(db, { unitId: village.id, from: "2025-01-02", to: "2025-11-15", today: "2025-11-15" });
    expect(lapsed.total).toBe(expected!.n);
  });
});
