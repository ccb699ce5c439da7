import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { loadTallyVocabulary } from "../../../src/core/tallies/tally-vocabulary";
import { searchKey } from "../../../src/core/text/search-key";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { adminUnitAliases, groupAliases, targets, type AdminUnit } from "../../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestProtector } from "../../helpers/test-db";

const TODAY = "2025-11-15";
let path: string;
let db: SqliteDb;
let commune: AdminUnit;
let xuanThanh: AdminUnit;

beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), "bhyt-vocab-")), "db.sqlite");
  db = openSqliteDb(path);
  await seedDemo({ db, protector: await createTestProtector(), today: TODAY });
  commune = await resolveUnit(db, "Ngọc Phụng");
  xuanThanh = await resolveUnit(db, "Xuân Thành");
});

const aliasesOf = (v: Awaited<ReturnType<typeof loadTallyVocabulary>>, id: number) => v.villages.find((x) => x.id === id)!.aliases.map((a) => a.alias);

describe("the tally vocabulary kept between tallies (Node)", () => {
  it("is read once while the reference data stays the same, and cannot be changed by a caller", async () => {
    const first = await loadTallyVocabulary(db, commune, { today: TODAY });
    expect(await loadTallyVocabulary(db, commune, { today: TODAY })).toBe(first);
    expect(() => (first.villages as unknown[]).push({})).toThrow(TypeError);
    // Another day may have other valid groups: read again.
    expect(await loadTallyVocabulary(db, commune, { today: "2025-11-16" })).not.toBe(first);
  });

  it("sees an alias added through the same connection at the next tally", async () => {
    await loadTallyVocabulary(db, commune, { today: TODAY });
    await db.orm.insert(adminUnitAliases).values({ unitId: xuanThanh.id, alias: "Xóm Mới", searchKey: searchKey("Xóm Mới") });
    expect(aliasesOf(await loadTallyVocabulary(db, commune, { today: TODAY }), xuanThanh.id)).toContain("Xóm Mới");
    await db.orm.delete(adminUnitAliases).where(eq(adminUnitAliases.alias, "Xóm Mới"));
    expect(aliasesOf(await loadTallyVocabulary(db, commune, { today: TODAY }), xuanThanh.id)).not.toContain("Xóm Mới");
  });

  it("sees changes another connection (the CLI, a second process) committed", async () => {
    const before = await loadTallyVocabulary(db, commune, { today: TODAY });
    const other = openSqliteDb(path, { migrate: false });
    await other.orm.insert(adminUnitAliases).values({ unitId: xuanThanh.id, alias: "Đội 2", searchKey: searchKey("Đội 2") });
    await other.orm.update(targets).set({ population: 1234 }).where(eq(targets.unitId, xuanThanh.id));
    other.close();
    const after = await loadTallyVocabulary(db, commune, { today: TODAY });
    expect(after).not.toBe(before);
    expect(aliasesOf(after, xuanThanh.id)).toContain("Đội 2");
    expect(after.villages.find((v) => v.id === xuanThanh.id)!.population).toBe(1234);
  });

  it("sees a new group alias of the province", async () => {
    await loadTallyVocabulary(db, commune, { today: TODAY });
    await db.orm.insert(groupAliases).values({ groupCode: "GD", provinceCode: commune.provinceCode, alias: "hộ gia đình nghèo", searchKey: searchKey("hộ gia đình nghèo") });
    const groups = (await loadTallyVocabulary(db, commune, { today: TODAY })).groups;
    expect(groups.find((g) => g.code === "GD")!.keys).toContain(searchKey("hộ gia đình nghèo"));
  });
});
