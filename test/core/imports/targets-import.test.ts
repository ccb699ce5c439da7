import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../../src/core/imports/run-import";
import { rateMismatch, targetsImportSpec } from "../../../src/core/imports/targets-import";
import { unitsImportSpec } from "../../../src/core/imports/units-import";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, tableOf } from "../../helpers/test-db";

type Row = Record<string, string>;

/** As a file reads: every row has every column of the header line. */
const asFile = (rows: Row[]): Row[] => {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])));
};
const target = (unit_code: string, year: string, population: string, target_count: string, extra: Row = {}): Row => ({
  unit_code, year, population, target_count, target_rate: "", group_code: "", indicator: "", deadline: "", ...extra,
});

let db: SqliteDb;
beforeEach(async () => {
  db = createTestDb();
  const units = await runImport(
    db,
    unitsImportSpec(),
    tableOf([
      { code: "38", name: "Thanh Hóa", level: "province", parent_code: "" },
      { code: "38-01-01", name: "Ngọc Phụng", level: "commune", parent_code: "38" },
      { code: "38-01-01-06", name: "Hưng Long", level: "village", parent_code: "38-01-01" },
    ]),
  );
  expect(units.ok).toBe(true);
});
afterEach(() => db.close());

const importTargets = (rows: Row[]) => runImport(db, targetsImportSpec({ source: "test plan" }), tableOf(asFile(rows)));
const targetCount = () => (db.sqlite.prepare("select count(*) as n from targets").get() as { n: number }).n;
const stored = (unit: string, year = 2025, indicator = "bhyt", group = "") =>
  db.sqlite
    .prepare(
      `select t.population, t.target_count as targetCount, t.target_rate_bp as rateBp, t.deadline, t.source
       from targets t join admin_units u on u.id = t.unit_id
       where u.code = ? and t.year = ? and t.indicator = ? and t.group_code = ?`,
    )
    .get(unit, year, indicator, group);

describe("importing targets", () => {
  it("stores figures written the Vietnamese way, then updates them on a second import", async () => {
    const first = await importTargets([
      target("38-01-01", "2025", "8.060", "7.703", { target_rate: "95,57" }),
      target("38-01-01-06", "2025", "1.604", "1.556", { deadline: "31/10/2025" }),
      target("38", "2020", "26.822", "16.095", { target_rate: "60,01", group_code: "household" }),
    ]);
    expect(first).toMatchObject({ ok: true, rows: 3, inserted: 3, updated: 0, errors: [] });
    expect(stored("38-01-01")).toEqual({ population: 8060, targetCount: 7703, rateBp: 9557, deadline: null, source: "test plan" });
    expect(stored("38-01-01-06")).toMatchObject({ population: 1604, targetCount: 1556, rateBp: null, deadline: "2025-10-31" });
    expect(stored("38", 2020, "bhyt", "household")).toMatchObject({ population: 26822, targetCount: 16095, rateBp: 6001 });

    const second = await importTargets([
      target("38-01-01", "2025", "8060", "7750", { target_rate: "96,15", source: "revised plan" }),
      target("38-01-01", "2026", "8100", "7800"),
    ]);
    expect(second).toMatchObject({ ok: true, rows: 2, inserted: 1, updated: 1 });
    expect(stored("38-01-01")).toEqual({ population: 8060, targetCount: 7750, rateBp: 9615, deadline: null, source: "revised plan" });
    expect(targetCount()).toBe(4);
  });

  it("accepts Vietnamese headers", async () => {
    const outcome = await importTargets([{ "Mã đơn vị": "38-01-01", "Năm": "2025", "Dân số": "8.060", "Dự kiến thực hiện": "7.703", "Tỷ lệ (%)": "95,57" }]);
    expect(outcome.ok).toBe(true);
    expect(stored("38-01-01")).toMatchObject({ population: 8060, targetCount: 7703, rateBp: 9557 });
  });

  it("accepts rate-only rows for other indicators", async () => {
    const outcome = await importTargets([
      target("38-01-01", "2025", "", "", { target_rate: "99,6" }),
      target("38-01-01", "2025", "", "", { target_rate: "22,73", indicator: "bhxh" }),
    ]);
    expect(outcome).toMatchObject({ ok: true, rows: 2, warnings: [] });
    expect(stored("38-01-01")).toMatchObject({ population: null, targetCount: null, rateBp: 9960 });
    expect(stored("38-01-01", 2025, "bhxh")).toMatchObject({ population: null, targetCount: null, rateBp: 2273 });
  });

  it("refuses a row with neither a target count nor a rate", async () => {
    const outcome = await importTargets([target("38-01-01", "2025", "8060", "")]);
    expect(outcome.errors).toEqual([{ row: 2, messageKey: "row-target-missing", args: {} }]);
    expect(targetCount()).toBe(0);
  });
});

describe("a file with a bad row writes nothing", () => {
  const good = () => [target("38", "2025", "100", "90"), target("38-01-01", "2025", "8.060", "7.703"), target("38-01-01-06", "2025", "1.604", "1.556")];

  it.each([
    { what: "an unknown unit", bad: target("99-99", "2025", "10", "9"), messageKey: "row-unknown-unit", value: "99-99" },
    { what: "an unknown group", bad: target("38", "2024", "10", "9", { group_code: "nobody" }), messageKey: "row-unknown-group", value: "nobody" },
    { what: "an unknown indicator", bad: target("38", "2024", "10", "9", { indicator: "bhxx" }), messageKey: "row-unknown-indicator", value: "bhxx" },
    { what: "a target above the population", bad: target("38", "2024", "1.604", "1.605"), messageKey: "row-target-above-population" },
    { what: "a negative count", bad: target("38", "2024", "-3", "1"), messageKey: "row-bad-integer", value: "-3" },
    { what: "a rate above 100", bad: target("38", "2024", "", "", { target_rate: "100,5" }), messageKey: "row-bad-rate", value: "100,5" },
    { what: "a bad year", bad: target("38", "25", "10", "9"), messageKey: "row-bad-year", value: "25" },
    { what: "an impossible deadline", bad: target("38", "2024", "10", "9", { deadline: "31/04/2025" }), messageKey: "row-bad-date", value: "31/04/2025" },
    { what: "a duplicate key", bad: target("38-01-01", "2025", "8060", "7000"), messageKey: "row-duplicate" },
  ])("reports $what on its row ($messageKey)", async ({ bad, messageKey, value }) => {
    const outcome = await importTargets([...good(), bad]);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ row: 5, messageKey });
    if (value !== undefined) expect(outcome.errors[0]!.args.value).toBe(value);
    expect(targetCount()).toBe(0);
  });

  it("reports every unknown reference of a row, rows in order", async () => {
    const outcome = await importTargets([
      target("nowhere", "2025", "10", "9", { group_code: "nobody", indicator: "nothing" }),
      ...good(),
      target("38", "2024", "10", "9", { group_code: "nobody" }),
    ]);
    expect(outcome.errors.map((e) => [e.row, e.messageKey])).toEqual([
      [2, "row-unknown-unit"],
      [2, "row-unknown-group"],
      [2, "row-unknown-indicator"],
      [6, "row-unknown-group"],
    ]);
    expect(outcome.errorCount).toBe(4);
    expect(targetCount()).toBe(0);
  });
});

describe("printed rates that disagree with the counts", () => {
  it("warns when the printed rate disagrees at its printed precision, and still imports the row", async () => {
    const outcome = await importTargets([
      target("38-01-01-06", "2025", "1.604", "1.556", { target_rate: "95,01" }),
      target("38", "2017", "246", "174", { target_rate: "71", group_code: "employer" }),
      target("38-01-01", "2025", "8.060", "7.703", { target_rate: "95,57" }),
    ]);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([
      { row: 2, messageKey: "warn-rate-mismatch", args: { printed: "95.01", computed: "97.01", count: 1556, population: 1604 } },
    ]);
    expect(stored("38-01-01-06")).toMatchObject({ rateBp: 9501 });
  });

  it("warns about a zero population instead of a rate", async () => {
    const outcome = await importTargets([target("38", "2016", "0", "0", { target_rate: "0", group_code: "employer" })]);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map((w) => w.messageKey)).toEqual(["warn-zero-population"]);
  });

  it.each([
    { count: 1556, population: 1604, bp: 9501, decimals: 2, expected: { printed: "95.01", computed: "97.01" } },
    { count: 33264, population: 33264, bp: 9547, decimals: 2, expected: { printed: "95.47", computed: "100.00" } },
    { count: 3165, population: 3165, bp: 6400, decimals: 0, expected: { printed: "64", computed: "100.00" } },
    { count: 174, population: 246, bp: 7100, decimals: 0, expected: undefined },
    { count: 7703, population: 8060, bp: 9557, decimals: 2, expected: undefined },
    { count: 975, population: 1000, bp: 9750, decimals: 1, expected: undefined },
    { count: 976, population: 1000, bp: 9750, decimals: 1, expected: { printed: "97.5", computed: "97.60" } },
    { count: 4245, population: 4245, bp: 10000, decimals: 0, expected: undefined },
  ])("rateMismatch($count, $population, $bp bp with $decimals decimals)", ({ count, population, bp, decimals, expected }) => {
    const result = rateMismatch(count, population, { bp, decimals });
    expect(result).toEqual(expected && { ...expected, count, population });
  });
});
