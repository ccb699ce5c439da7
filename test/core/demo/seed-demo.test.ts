import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, seedDemoIfEmpty, type SeedDemoResult } from "../../../src/core/demo/seed-demo";
import { runImport } from "../../../src/core/imports/run-import";
import { unitsImportSpec } from "../../../src/core/imports/units-import";
import type { Protector } from "../../../src/core/privacy/protector";
import { unitTargets } from "../../../src/core/targets/unit-targets";
import { listUnits } from "../../../src/core/units/list-units";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, tableOf } from "../../helpers/test-db";

const TODAY = "2025-11-15";
let db: SqliteDb;
let protector: Protector;
let result: SeedDemoResult;

beforeAll(async () => {
  protector = await createTestProtector();
  db = createTestDb();
  result = await seedDemo({ db, protector, today: TODAY });
});
afterAll(() => db.close());

const unitByCode = (code: string) => resolveUnit(db, code);
const own = async (code: string, year: number, group: string | null = null, indicator = "bhyt") =>
  (await unitTargets(db, await unitByCode(code), year)).targets.find((t) => t.group === group && t.indicator === indicator);
const counts = (d: SqliteDb) =>
  Object.fromEntries(
    ["admin_units", "admin_unit_aliases", "targets", "participant_groups", "households", "people", "cards"].map((t) => [t, (d.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
  );

describe("the demo's Lai Châu plan (QĐ 1167/QĐ-UBND, 2016–2020)", () => {
  it("has eight districts whose 2016 figures add up to the province total", async () => {
    const view = await unitTargets(db, await unitByCode("12"), 2016);
    expect(view.children).toHaveLength(8);
    expect(view.childrenTotal).toEqual({ population: 439650, targetCount: 410103, targetRate: 93.28 });
  });

  it.each([
    [2016, 410103, 439650, 93.28],
    [2017, 424291, 448823, 94.53],
    [2018, 436126, 457979, 95.23],
    [2019, 448704, 467093, 96.06],
    [2020, 461853, 476156, 97],
  ])("has the province total for %i (%i of %i, %f %%), equal to the sum of its districts", async (year, targetCount, population, rate) => {
    expect(await own("12", year)).toMatchObject({ population, targetCount, targetRate: rate });
    const view = await unitTargets(db, await unitByCode("12"), year);
    expect(view.childrenTotal).toMatchObject({ population, targetCount });
  });

  it.each([
    ["Thành phố Lai Châu", 2019, 33751, 42728, 78.99],
    ["Huyện Tam Đường", 2016, 50979, 54390, 93.73],
    ["Huyện Nậm Nhùn", 2018, 27146, 27555, 98.52],
    ["Huyện Mường Tè", 2020, 46315, 46534, 99.53],
  ])("has %s in %i at %i of %i (%f %%)", async (displayName, year, targetCount, population, targetRate) => {
    const view = await unitTargets(db, await unitByCode("12"), year);
    expect(view.children.find((c) => c.displayName === displayName)).toMatchObject({ population, targetCount, targetRate });
  });

  it("has the five funding groups and the plan's subgroups for every year", async () => {
    for (const year of [2016, 2017, 2018, 2019, 2020]) {
      const groups = (await unitTargets(db, await unitByCode("12"), year)).targets.map((t) => t.group);
      expect(groups).toEqual(expect.arrayContaining(["employer", "bhxh", "state", "state_supported", "household", "LC-1-1", "LC-2-5", "LC-3-17", "LC-4-3"]));
      expect(groups).toHaveLength(1 + 39);
    }
    expect(await own("12", 2020, "household")).toMatchObject({ targetCount: 16095, population: 26822, targetRate: 60.01 });
    expect(await own("12", 2016, "employer")).toMatchObject({ targetCount: 31084, population: 33826, targetRate: 91.9 });
    expect(await own("12", 2019, "LC-3-7")).toMatchObject({ targetCount: 144514, population: 144514, groupParent: "state" });
    expect(await own("12", 2017, "LC-1-4")).toMatchObject({ targetCount: 174, population: 246, targetRate: 71, groupParent: "employer" });
  });
});

describe("the demo's commune Ngọc Phụng (2025)", () => {
  const VILLAGES = [
    ["Quyết Tiến", 489, 468, 95.71],
    ["Xuân Thành", 903, 846, 93.69],
    ["Xuân Lập", 1316, 1298, 98.63],
    ["Xuân Thắng", 1478, 1423, 96.28],
    ["Hoà Lâm", 1350, 1302, 96.44],
    ["Hưng Long", 1604, 1556, 95.01],
    ["Phú Vinh", 920, 810, 88.04],
  ] as const;

  it.each(["38-01-01", "Ngọc Phụng", "xa ngoc phung", "Xã Ngọc Phụng".normalize("NFD")])("is found from %j", async (query) => {
    expect((await resolveUnit(db, query)).code).toBe("38-01-01");
  });

  it("has exactly its seven villages with their figures, summing to the commune's own total", async () => {
    const view = await unitTargets(db, await resolveUnit(db, "Ngọc Phụng"), 2025);
    expect(view.children.map((c) => [c.name, c.population, c.targetCount, c.targetRate])).toEqual(VILLAGES.map((v) => [...v]));
    expect(view.targets).toHaveLength(1);
    expect(view.targets[0]).toMatchObject({ population: 8060, targetCount: 7703, targetRate: 95.57, group: null });
    expect(view.childrenTotal).toEqual({ population: 8060, targetCount: 7703, targetRate: 95.57 });
  });

  it("has Hưng Long's deadline of 31/10/2025 and no deadline elsewhere", async () => {
    const view = await unitTargets(db, await resolveUnit(db, "38-01-01"), 2025);
    expect(view.children.filter((c) => c.deadline !== null).map((c) => [c.name, c.deadline])).toEqual([["Hưng Long", "2025-10-31"]]);
  });
});

describe("the demo's rate-only plans and history", () => {
  it("has Đức Cơ's coverage rates for 2023–2025", async () => {
    expect((await own("64-01", 2023))?.targetRate).toBe(97.5);
    expect((await own("64-01", 2024))?.targetRate).toBe(97.75);
    expect((await own("64-01", 2025))).toMatchObject({ targetRate: 98, population: null, targetCount: null });
  });

  it("has Kon Rẫy's four 2025 indicators", async () => {
    const view = await unitTargets(db, await unitByCode("62-01"), 2025);
    expect(view.targets.map((t) => [t.indicator, t.targetRate])).toEqual([["bhyt", 99.6], ["bhxh", 22.73], ["bhxh_tn", 9.15], ["bhtn", 15.88]]);
  });

  it("warns about the printed rates that disagree with the plans' own counts", () => {
    const mismatches = result.warnings.filter((w) => w.messageKey === "warn-rate-mismatch").map((w) => w.args);
    expect(mismatches).toContainEqual({ printed: "95.01", computed: "97.01", count: 1556, population: 1604 });
    expect(mismatches).toContainEqual({ printed: "95.47", computed: "100.00", count: 33264, population: 33264 });
    expect(mismatches).not.toContainEqual(expect.objectContaining({ count: 174, population: 246 }));
    expect(mismatches).not.toContainEqual(expect.objectContaining({ count: 7703, population: 8060 }));
  });

  it("keeps the pre-merger province of Gia Lai, ended on 30/06/2025 and replaced by the new one", async () => {
    const units = await listUnits(db, { level: "province" });
    expect(units.find((u) => u.code === "64")).toMatchObject({ validTo: "2025-06-30", replacedByCode: "52" });
    expect(units.find((u) => u.code === "62")).toMatchObject({ validTo: "2025-06-30", replacedByCode: "51" });
    expect(units.find((u) => u.code === "52")).toMatchObject({ validTo: null, replacedByCode: null });
    expect((await resolveUnit(db, "Gia Lai cũ")).code).toBe("64");
  });
});

describe("the demo's synthetic roster", () => {
  it("has more than 300 people, all in Ngọc Phụng's villages", () => {
    expect(result.people).toBeGreaterThan(300);
    const outside = db.sqlite.prepare("select count(*) as n from people p join admin_units u on u.id = p.unit_id where u.code not like '38-01-01-%' or u.level <> 'village'").get();
    expect(outside).toEqual({ n: 0 });
  });

  it("uses only the documented test ranges and sample names once decrypted", async () => {
    const rows = db.sqlite.prepare("select full_name_enc as name, bhxh_number_enc as bhxh, id_number_enc as idNo, phone_enc as phone from people").all() as Record<string, string | null>[];
    expect(rows).toHaveLength(result.people);
    let phones = 0;
    for (const r of rows) {
      expect(await protector.open(r.bhxh!)).toMatch(/^99\d{8}$/);
      expect(await protector.open(r.idNo!)).toMatch(/^099\d{9}$/);
      expect(await protector.open(r.name!)).toContain("Mẫu");
      if (r.phone) {
        phones++;
        expect(await protector.open(r.phone)).toMatch(/^84100\d{6}$/);
      }
    }
    expect(phones).toBeGreaterThan(0);
  });

  it("stores no personal number in clear", () => {
    const clear = [/^99\d{8}$/, /^0100\d{6}$/, /^84100\d{6}$/, /^099\d{9}$/, /^[A-Z]{2}\d38\d{10}$/];
    for (const table of ["people", "cards", "households"]) {
      for (const row of db.sqlite.prepare(`select * from ${table}`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) for (const pattern of clear) expect(String(value)).not.toMatch(pattern);
      }
    }
  });

  it("spreads card expiry around today and mixes participant groups", () => {
    const validTo = (db.sqlite.prepare("select valid_to as d from cards").all() as { d: string }[]).map((r) => r.d);
    const days = validTo.map((d) => (Date.parse(d) - Date.parse(TODAY)) / 86_400_000);
    expect(days.some((d) => d < 0)).toBe(true);
    expect(days.some((d) => d >= 0 && d <= 30)).toBe(true);
    expect(days.some((d) => d > 60)).toBe(true);
    const groups = new Set((db.sqlite.prepare("select distinct group_code as g from cards").all() as { g: string }[]).map((r) => r.g));
    for (const g of ["GD", "TE", "HS"]) expect(groups).toContain(g);
    expect(["HN", "CN", "DT"].some((g) => groups.has(g))).toBe(true);
  });
});

describe("seeding again", () => {
  it("updates in place: a second run duplicates no unit, target, group or person", async () => {
    const before = counts(db);
    const again = await seedDemo({ db, protector, today: TODAY });
    expect(again.people).toBe(0);
    expect(counts(db)).toEqual(before);
  });

  it("seedDemoIfEmpty leaves a database that already has units alone", async () => {
    const other = createTestDb();
    try {
      await runImport(other, unitsImportSpec(), tableOf([{ code: "01", name: "Hà Nội", level: "province", parent_code: "" }]));
      expect(await seedDemoIfEmpty({ db: other, protector, today: TODAY })).toBeUndefined();
      expect(counts(other)).toMatchObject({ admin_units: 1, targets: 0, people: 0 });
    } finally {
      other.close();
    }
  });

  it("seedDemoIfEmpty seeds an empty database once", async () => {
    const other = createTestDb();
    try {
      const first = await seedDemoIfEmpty({ db: other, protector, today: TODAY });
      expect(first?.people).toBe(result.people);
      expect(counts(other)).toEqual(counts(db));
      expect(await seedDemoIfEmpty({ db: other, protector, today: TODAY })).toBeUndefined();
    } finally {
      other.close();
    }
  });
});
