import { beforeAll, describe, expect, it } from "vitest";
import { adminUnitAliases, adminUnits, groupAliases, targets, type AdminUnit } from "../../../src/db/schema";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { parseTally } from "../../../src/core/tallies/parse-tally";
import { loadTallyVocabulary } from "../../../src/core/tallies/tally-vocabulary";
import { searchKey } from "../../../src/core/text/search-key";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

const TODAY = "2025-11-15";
let db: SqliteDb;
let ngocPhung: AdminUnit;

beforeAll(async () => {
  db = createTestDb();
  await seedDemo({ db, protector: await createTestProtector(), today: TODAY });
  ngocPhung = await resolveUnit(db, "Ngọc Phụng");
});

async function addUnit(code: string, name: string, parentId: number, extra: Partial<typeof adminUnits.$inferInsert> = {}) {
  const [unit] = await db.orm
    .insert(adminUnits)
    .values({ code, name, level: "village", kind: "xóm", parentId, searchKey: searchKey(name), provinceCode: "38", ...extra })
    .returning();
  return unit!;
}

describe("loadTallyVocabulary", () => {
  it("lists the commune's villages in code order with their 2025 populations", async () => {
    const vocabulary = await loadTallyVocabulary(db, ngocPhung, { today: TODAY });
    expect(vocabulary.commune).toMatchObject({ code: "38-01-01", name: "Ngọc Phụng", searchKey: "ngoc phung" });
    expect(vocabulary.year).toBe(2025);
    expect(vocabulary.villages.map((v) => [v.code, v.name, v.kind, v.searchKey, v.population])).toEqual([
      ["38-01-01-01", "Quyết Tiến", "thôn", "quyet tien", 489],
      ["38-01-01-02", "Xuân Thành", "thôn", "xuan thanh", 903],
      ["38-01-01-03", "Xuân Lập", "thôn", "xuan lap", 1316],
      ["38-01-01-04", "Xuân Thắng", "thôn", "xuan thang", 1478],
      ["38-01-01-05", "Hoà Lâm", "thôn", "hoa lam", 1350],
      ["38-01-01-06", "Hưng Long", "thôn", "hung long", 1604],
      ["38-01-01-07", "Phú Vinh", "thôn", "phu vinh", 920],
    ]);
  });

  it("has the card groups with their aliases, BHXHTN as its own indicator, and the filler words", async () => {
    const vocabulary = await loadTallyVocabulary(db, ngocPhung, { today: TODAY });
    const group = (code: string) => vocabulary.groups.find((g) => g.code === code);
    expect(group("GD")).toEqual({ code: "GD", indicator: "bhyt", keys: ["gd", "ho gia dinh", "hgd", "bhyt ho gia dinh", "ho gd"], common: true });
    expect(group("TE")?.keys).toEqual(expect.arrayContaining(["te", "tre em", "tre duoi 6 tuoi"]));
    expect(group("GB")?.keys).toContain("ho nong lam ngu diem nghiep co muc song trung binh");
    expect(group("BHXHTN")).toEqual({ code: "BHXHTN", indicator: "bhxh_tn", keys: ["bhxhtn", "bhxh tn", "bhxh tu nguyen", "bao hiem xa hoi tu nguyen"], common: true });
    // Card codes without aliases are understood but not offered in refusals.
    expect(group("DN")).toMatchObject({ keys: ["dn"], common: false });
    for (const code of ["GD", "HS", "SV", "TE", "CN", "HN", "DT", "GB", "BHXHTN"]) expect(group(code)?.common, code).toBe(true);
    expect(vocabulary.fillers).toEqual(expect.arrayContaining(["the", "nguoi", "ng", "tham gia", "bao cao", "bc"]));
    // New and renewal words carry meaning (TALLY_KIND_WORDS): never filler.
    for (const word of ["moi", "cap moi", "gia han", "tai tuc"]) expect(vocabulary.fillers).not.toContain(word);
    expect(vocabulary.fillers).not.toContain("ho");
  });

  it("keeps only groups valid on the day", async () => {
    const before = await loadTallyVocabulary(db, ngocPhung, { today: "2025-06-30" });
    const after = await loadTallyVocabulary(db, ngocPhung, { today: TODAY });
    expect(before.groups.map((g) => g.code)).not.toContain("AK");
    expect(after.groups.map((g) => g.code)).toContain("AK");
  });

  it("takes the latest population up to the year, skips former villages, and loads aliases of villages and of the province", async () => {
    const district = await resolveUnit(db, "Thường Xuân");
    const [commune] = await db.orm
      .insert(adminUnits)
      .values({ code: "38-01-02", name: "Thử Nghiệm", level: "commune", kind: "xã", parentId: district.id, searchKey: "thu nghiem", provinceCode: "38" })
      .returning();
    const old = await addUnit("38-01-02-01", "Bản Cũ", commune!.id, { validTo: "2025-06-30" });
    const counted = await addUnit("38-01-02-02", "Đồng Tâm", commune!.id);
    const uncounted = await addUnit("38-01-02-03", "Làng Mới", commune!.id);
    await db.orm.insert(adminUnitAliases).values({ unitId: counted.id, alias: "Xóm Chợ", searchKey: "xom cho" });
    await db.orm.insert(targets).values([
      { unitId: counted.id, year: 2024, indicator: "bhyt", groupCode: "", population: 300 },
      { unitId: counted.id, year: 2026, indicator: "bhyt", groupCode: "", population: 999 },
      { unitId: counted.id, year: 2025, indicator: "bhyt", groupCode: "HS", population: 50 },
      { unitId: old.id, year: 2025, indicator: "bhyt", groupCode: "", population: 10 },
    ]);
    await db.orm.insert(groupAliases).values([
      { groupCode: "HS", alias: "cháu đi học", searchKey: "chau di hoc", provinceCode: "38" },
      { groupCode: "HS", alias: "học trò", searchKey: "hoc tro", provinceCode: "12" },
    ]);

    const vocabulary = await loadTallyVocabulary(db, commune!, { today: TODAY });
    expect(vocabulary.villages.map((v) => [v.name, v.population])).toEqual([
      ["Đồng Tâm", 300],
      ["Làng Mới", null],
    ]);
    expect(vocabulary.villages[0]!.aliases).toEqual([{ alias: "Xóm Chợ", searchKey: "xom cho" }]);
    expect(vocabulary.villages[1]!.id).toBe(uncounted.id);
    const hs = vocabulary.groups.find((g) => g.code === "HS")!;
    expect(hs.keys).toContain("chau di hoc");
    expect(hs.keys).not.toContain("hoc tro");

    // The parser understands exactly what the vocabulary holds.
    const parsed = parseTally("Xóm Chợ cháu đi học 2; Làng Mới GD 5000", vocabulary, { today: TODAY, role: "commune" });
    expect(parsed).toMatchObject({ ok: true, entries: [{ unitCode: "38-01-02-02", group: "HS", count: 2 }, { unitCode: "38-01-02-03", group: "GD", count: 5000 }] });
    expect(parseTally("Đồng Tâm GD 301", vocabulary, { today: TODAY, role: "commune" })).toMatchObject({ ok: false, code: "above_population" });
    expect(parseTally("Bản Cũ GD 1", vocabulary, { today: TODAY, role: "commune" })).toMatchObject({ ok: false, code: "unknown_unit" });
  });
});
