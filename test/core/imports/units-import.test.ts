import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { runImport } from "../../../src/core/imports/run-import";
import { unitsImportSpec } from "../../../src/core/imports/units-import";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, tableOf } from "../../helpers/test-db";

type Row = Record<string, string>;
const unit = (code: string, name: string, level: string, parent_code = "", extra: Row = {}): Row => ({ code, name, level, parent_code, ...extra });

/** A province, a district, two communes and three villages, in tree order. */
const TREE: Row[] = [
  unit("38", "Thanh Hóa", "province"),
  unit("38-01", "Thường Xuân", "district", "38"),
  unit("38-01-01", "Ngọc Phụng", "commune", "38-01"),
  unit("38-01-02", "Xuân Dương", "commune", "38-01"),
  unit("38-01-01-01", "Quyết Tiến", "village", "38-01-01"),
  unit("38-01-01-02", "Xuân Thành", "village", "38-01-01"),
  unit("38-01-02-01", "Hoà Lâm", "village", "38-01-02"),
];

let db: SqliteDb;
beforeEach(() => {
  db = createTestDb();
});
afterEach(() => db.close());

/** As a file reads: every row has every column of the header line. */
const asFile = (rows: Row[]): Row[] => {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])));
};
const importUnits = (rows: Row[]) => runImport(db, unitsImportSpec(), tableOf(asFile(rows)));
const unitCount = () => (db.sqlite.prepare("select count(*) as n from admin_units").get() as { n: number }).n;
const unitRow = (code: string) =>
  db.sqlite
    .prepare(
      `select u.name, u.level, u.kind, u.province_code as provinceCode, p.code as parentCode, u.valid_to as validTo
       from admin_units u left join admin_units p on p.id = u.parent_id where u.code = ?`,
    )
    .get(code) as { name: string; level: string; kind: string | null; provinceCode: string | null; parentCode: string | null; validTo: string | null } | undefined;

describe("importing units", () => {
  it("imports a file with English headers and links every unit to its parent", async () => {
    const outcome = await importUnits(TREE);
    expect(outcome).toMatchObject({ ok: true, rows: 7, inserted: 7, updated: 0, errorCount: 0, errors: [] });
    expect(unitCount()).toBe(7);
    expect(unitRow("38-01-01-02")).toMatchObject({ name: "Xuân Thành", level: "village", parentCode: "38-01-01" });
    expect(unitRow("38")?.parentCode).toBeNull();
  });

  it("accepts Vietnamese headers and Vietnamese level words, taking the kind from the level word", async () => {
    const rows = [
      { "Mã": "38", "Tên": "Thanh Hóa", "Cấp": "Tỉnh", "Mã cấp trên": "" },
      { "Mã": "38-01-01", "Tên": "Ngọc Phụng", "Cấp": "Xã", "Mã cấp trên": "38" },
      { "Mã": "38-01-01-05", "Tên": "Hoà Lâm", "Cấp": "Thôn", "Mã cấp trên": "38-01-01" },
    ];
    const outcome = await importUnits(rows);
    expect(outcome.ok).toBe(true);
    expect(unitRow("38")).toMatchObject({ level: "province", kind: "tỉnh" });
    expect(unitRow("38-01-01")).toMatchObject({ level: "commune", kind: "xã", parentCode: "38" });
    expect(unitRow("38-01-01-05")).toMatchObject({ level: "village", kind: "thôn", parentCode: "38-01-01" });
  });

  it("accepts children listed before their parents", async () => {
    const outcome = await importUnits([...TREE].reverse());
    expect(outcome.ok).toBe(true);
    expect(unitRow("38-01-02-01")?.parentCode).toBe("38-01-02");
    expect(unitRow("38-01-02")?.parentCode).toBe("38-01");
  });

  it("fills the province code down the tree, also below a parent imported earlier", async () => {
    await importUnits(TREE);
    for (const r of TREE) expect(unitRow(r.code!)?.provinceCode).toBe("38");
    const later = await importUnits([unit("38-01-01-03", "Xuân Lập", "village", "38-01-01")]);
    expect(later.ok).toBe(true);
    expect(unitRow("38-01-01-03")?.provinceCode).toBe("38");
  });

  it("stores aliases split by | and resolves the unit by any of them", async () => {
    const rows = [unit("64", "Gia Lai (trước sáp nhập)", "province", "", { aliases: "Gia Lai cũ | Pleiku cũ" }), unit("52", "Gia Lai", "province")];
    expect((await importUnits(rows)).ok).toBe(true);
    const aliases = db.sqlite.prepare("select a.alias, a.search_key as key from admin_unit_aliases a join admin_units u on u.id = a.unit_id where u.code = '64' order by a.alias").all();
    expect(aliases).toEqual([
      { alias: "Gia Lai cũ", key: "gia lai cu" },
      { alias: "Pleiku cũ", key: "pleiku cu" },
    ]);
    expect((await resolveUnit(db, "gia lai cũ")).code).toBe("64");
    expect((await resolveUnit(db, "Pleiku cu")).code).toBe("64");
    expect((await resolveUnit(db, "Gia Lai")).code).toBe("52");
    // Re-importing the same aliases does not duplicate them.
    await importUnits(rows);
    expect(db.sqlite.prepare("select count(*) as n from admin_unit_aliases").get()).toEqual({ n: 2 });
  });

  it("updates a unit imported again and counts it as updated", async () => {
    await importUnits(TREE);
    const outcome = await importUnits([unit("38-01-01", "Ngọc Phụng mới", "commune", "38-01"), unit("38-01-03", "Lương Sơn", "commune", "38-01")]);
    expect(outcome).toMatchObject({ ok: true, rows: 2, inserted: 1, updated: 1 });
    expect(unitRow("38-01-01")?.name).toBe("Ngọc Phụng mới");
    expect(unitCount()).toBe(8);
    expect((await resolveUnit(db, "ngoc phung moi")).code).toBe("38-01-01");
  });

  it("records validity and the replacing unit", async () => {
    const outcome = await importUnits([
      unit("64", "Gia Lai cũ", "province", "", { valid_to: "30/06/2025", replaced_by: "52" }),
      unit("52", "Gia Lai", "province", "", { valid_from: "2025-07-01" }),
    ]);
    expect(outcome.ok).toBe(true);
    const row = db.sqlite.prepare("select u.valid_to as validTo, r.code as replacedBy from admin_units u join admin_units r on r.id = u.replaced_by_id where u.code = '64'").get();
    expect(row).toEqual({ validTo: "2025-06-30", replacedBy: "52" });
  });
});

describe("a file with one bad row among many writes nothing", () => {
  const cases: { what: string; bad: Row; messageKey: string; value?: string }[] = [
    { what: "an unknown parent", bad: unit("38-01-01-09", "Phú Vinh", "village", "38-99"), messageKey: "row-unknown-parent", value: "38-99" },
    { what: "a bad level", bad: unit("38-01-01-09", "Phú Vinh", "hamlet", "38-01-01"), messageKey: "row-bad-level", value: "hamlet" },
    { what: "a village under a village", bad: unit("38-01-01-09", "Phú Vinh", "Thôn", "38-01-01-01"), messageKey: "row-parent-level", value: "38-01-01-01" },
    { what: "a province with a parent", bad: unit("39", "Nghệ An", "province", "38"), messageKey: "row-parent-level", value: "38" },
    { what: "a duplicate code", bad: unit("38-01-01-01", "Quyết Tiến 2", "village", "38-01-01"), messageKey: "row-duplicate" },
    { what: "a bad date", bad: unit("38-01-01-09", "Phú Vinh", "village", "38-01-01", { valid_to: "31/04/2025" }), messageKey: "row-bad-date", value: "31/04/2025" },
  ];

  it.each(cases)("reports $what on its row ($messageKey)", async ({ bad, messageKey, value }) => {
    await importUnits([unit("01", "Hà Nội", "province")]);
    const before = unitCount();
    // The bad row is the 6th data row, i.e. row 7 of the file (the header is row 1).
    const rows = [...TREE.slice(0, 5), bad, ...TREE.slice(5)];
    const outcome = await importUnits(rows);
    expect(outcome.ok).toBe(false);
    expect(outcome.errorCount).toBe(1);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ row: 7, messageKey });
    if (value !== undefined) expect(outcome.errors[0]!.args.value).toBe(value);
    if (messageKey === "row-duplicate") expect(outcome.errors[0]!.args.other).toBe(6);
    expect(unitCount()).toBe(before);
    expect(db.sqlite.prepare("select count(*) as n from admin_unit_aliases").get()).toEqual({ n: 0 });
    expect(db.sqlite.prepare("select count(*) as n from import_staging_rows").get()).toEqual({ n: 0 });
    expect(db.sqlite.prepare("select status, error_count as errors from import_batches where id = ?").get(outcome.batchId)).toEqual({ status: "failed", errors: 1 });
  });

  it("leaves existing units untouched and reports every reference error in row order", async () => {
    await importUnits(TREE);
    const outcome = await importUnits([
      unit("38-01-01", "Đổi tên", "commune", "38-01"),
      unit("38-01-01-08", "A", "village", "nowhere"),
      unit("38-01-01-09", "B", "village", "38-01-01-01"),
    ]);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors.map((e) => [e.row, e.messageKey])).toEqual([
      [3, "row-unknown-parent"],
      [4, "row-parent-level"],
    ]);
    expect(unitRow("38-01-01")?.name).toBe("Ngọc Phụng");
    expect(unitCount()).toBe(TREE.length);
  });
});

describe("problems with the file as a whole", () => {
  it("names the missing required column", async () => {
    const outcome = await importUnits([{ code: "38", name: "Thanh Hóa", level: "province" }]);
    expect(outcome.ok).toBe(false);
    expect(outcome.fileError).toEqual({ messageKey: "import-missing-columns", args: { columns: "parent_code" } });
    expect(unitCount()).toBe(0);
  });

  it("reports an empty file", async () => {
    const outcome = await importUnits([]);
    expect(outcome.ok).toBe(false);
    expect(outcome.fileError?.messageKey).toBe("import-empty");
    expect(outcome.rows).toBe(0);
  });
});

describe("replaced_by", () => {
  it("refuses a replacement code that exists nowhere, and writes nothing", async () => {
    const db = createTestDb();
    const rows = [
      { code: "90", name: "Cũ", level: "province", parent_code: "", valid_to: "2025-06-30", replaced_by: "91" },
      { code: "92", name: "Khác", level: "province", parent_code: "", valid_to: "", replaced_by: "" },
    ];
    const outcome = await runImport(db, unitsImportSpec(), tableOf(rows));
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toEqual([{ row: 2, messageKey: "row-unknown-replacement", args: { value: "91" } }]);
    expect(await db.orm.all(sql`select code from admin_units`)).toEqual([]);
  });
});
