import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectiveBenefit, loadBenefitTables, type BenefitTables } from "../../../src/core/cards/effective-benefit";
import { addDays } from "../../../src/core/time/day-math";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";

let db: SqliteDb;
let tables: BenefitTables;
beforeAll(async () => {
  db = createTestDb();
  tables = await loadBenefitTables(db);
});
afterAll(() => db.close());

/** NQ 261/2025/QH15 Đ2 k1 a; CV 38/BYT-BH: CN and LH reach level 2 on this day, whatever the card prints. */
const RECODED = "2026-01-01";

describe("effectiveBenefit", () => {
  it("a near-poor card printed CN3 gets 95% the day before the change and 100% from it", () => {
    const before = effectiveBenefit({ group: "CN", printedLevel: 3, on: addDays(RECODED, -1) }, tables)!;
    const after = effectiveBenefit({ group: "CN", printedLevel: 3, on: RECODED }, tables)!;
    expect([before.level, before.percent, before.from]).toEqual([3, 95, "printed"]);
    expect([after.level, after.percent, after.from, after.printedLevel]).toEqual([2, 100, "group", 3]);
  });

  it("an LH4 card (75+ on the social pension) gets 80% then 100%", () => {
    expect(effectiveBenefit({ group: "LH", printedLevel: 4, on: addDays(RECODED, -1) }, tables)?.percent).toBe(80);
    expect(effectiveBenefit({ group: "LH", printedLevel: 4, on: RECODED }, tables)?.percent).toBe(100);
  });

  it("keeps a better printed level (a person in several groups is printed with the highest)", () => {
    expect(effectiveBenefit({ group: "GD", printedLevel: 2, on: RECODED }, tables)).toMatchObject({ level: 2, percent: 100, from: "printed" });
    expect(effectiveBenefit({ group: "CC", printedLevel: 2, on: RECODED }, tables)).toMatchObject({ level: 1, from: "group" });
  });

  it("pays transport by group, not by level: CN, LH and CT reach level 2 without it", () => {
    for (const group of ["CN", "LH", "CT"]) expect(effectiveBenefit({ group, printedLevel: 2, on: RECODED }, tables)?.transport).toBe(false);
    for (const group of ["HN", "TE", "QN"]) expect(effectiveBenefit({ group, printedLevel: null, on: RECODED }, tables)?.transport).toBe(true);
    expect(effectiveBenefit({ group: null, printedLevel: 2, on: RECODED }, tables)?.transport).toBeNull();
  });
});
