import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../../src/core/imports/run-import";
import { unitsImportSpec } from "../../../src/core/imports/units-import";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { AppError } from "../../../src/errors";
import { createTestDb, tableOf } from "../../helpers/test-db";

type Row = Record<string, string>;
const unit = (code: string, name: string, level: string, parent_code = "", extra: Row = {}): Row => ({
  code, name, level, parent_code, kind: "", valid_to: "", aliases: "", ...extra,
});

/** Two communes that each have a village called Xuân Thành; only Ngọc Phụng has Hoà Lâm. */
const TREE: Row[] = [
  unit("38", "Thanh Hóa", "province", "", { kind: "tỉnh" }),
  unit("38-01-01", "Ngọc Phụng", "commune", "38", { kind: "xã" }),
  unit("38-01-02", "Xuân Dương", "commune", "38", { kind: "xã" }),
  unit("38-01-01-02", "Xuân Thành", "village", "38-01-01", { kind: "thôn" }),
  unit("38-01-01-05", "Hoà Lâm", "village", "38-01-01", { kind: "thôn" }),
  unit("38-01-02-01", "Xuân Thành", "village", "38-01-02", { kind: "thôn" }),
  unit("38-01-02-02", "Làng Mới", "village", "38-01-02", { kind: "làng", aliases: "Bản Mới" }),
];

let db: SqliteDb;
beforeEach(async () => {
  db = createTestDb();
  await load(TREE);
});
afterEach(() => db.close());

async function load(rows: Row[]) {
  const outcome = await runImport(db, unitsImportSpec(), tableOf(rows));
  expect(outcome.errors).toEqual([]);
  expect(outcome.ok).toBe(true);
}

async function failure(query: string, options?: Parameters<typeof resolveUnit>[2]): Promise<AppError> {
  try {
    const found = await resolveUnit(db, query, options);
    throw new Error(`expected no single match for ${JSON.stringify(query)}, got ${found.code}`);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
}

const codeOf = async (query: string, options?: Parameters<typeof resolveUnit>[2]) => (await resolveUnit(db, query, options)).code;

describe("resolveUnit", () => {
  it("finds a unit by its exact code, ignoring surrounding spaces", async () => {
    expect(await codeOf("38-01-01")).toBe("38-01-01");
    expect(await codeOf("  38-01-01-05 ")).toBe("38-01-01-05");
    expect(await codeOf("38")).toBe("38");
  });

  it.each([
    "Ngọc Phụng",
    "ngọc phụng",
    "NGỌC PHỤNG",
    "ngoc phung",
    "Ngọc Phụng".normalize("NFD"),
    "xã Ngọc Phụng",
    "xa ngoc phung",
    "Xã  Ngọc-Phụng",
  ])("matches the commune from %j regardless of case, accents, normal form and level word", async (query) => {
    expect(await codeOf(query)).toBe("38-01-01");
  });

  it.each(["Hoà Lâm", "Hòa Lâm", "Hoà Lâm".normalize("NFD"), "Hòa Lâm".normalize("NFD"), "Thôn Hoà Lâm", "thon hoa lam", "THÔN HÒA LÂM"])(
    "matches the village from %j whatever the tone placement",
    async (query) => {
      expect(await codeOf(query)).toBe("38-01-01-05");
    },
  );

  it("matches a name whose own first word is a level word, and an alias", async () => {
    expect(await codeOf("Làng Mới")).toBe("38-01-02-02");
    expect(await codeOf("lang moi")).toBe("38-01-02-02");
    expect(await codeOf("Bản Mới")).toBe("38-01-02-02");
  });

  it("reports an unknown name or an empty query as not_found", async () => {
    for (const query of ["Hà Nội", "99-99", "", "   ", "xã"]) {
      const err = await failure(query);
      expect(err.code).toBe("not_found");
      expect(err.messageKey).toBe("unit-not-found");
    }
  });

  it("reports two villages with the same name as ambiguous and lists both as candidates", async () => {
    const err = await failure("thôn Xuân Thành");
    expect(err.code).toBe("ambiguous");
    expect(err.messageKey).toBe("unit-ambiguous");
    expect(err.args.query).toBe("thôn Xuân Thành");
    expect(String(err.args.candidates)).toContain("Thôn Xuân Thành (38-01-01-02)");
    expect(String(err.args.candidates)).toContain("Thôn Xuân Thành (38-01-02-01)");
    // The code always disambiguates.
    expect(await codeOf("38-01-02-01")).toBe("38-01-02-01");
  });

  it("filters by level when asked", async () => {
    await load([unit("38-02", "Hoà Lâm", "district", "38", { kind: "huyện" })]);
    expect((await failure("Hoà Lâm")).code).toBe("ambiguous");
    expect(await codeOf("Hoà Lâm", { level: "district" })).toBe("38-02");
    expect(await codeOf("Hoà Lâm", { level: "village" })).toBe("38-01-01-05");
    expect((await failure("Hoà Lâm", { level: "province" })).code).toBe("not_found");
  });

  it("prefers the current unit when a historical one has the same name", async () => {
    await load([
      unit("90", "Sông Mã", "province", "", { valid_to: "30/06/2025" }),
      unit("91", "Sông Mã", "province"),
      unit("92", "Sông Mã", "province", "", { valid_to: "30/06/2025" }),
    ]);
    expect(await codeOf("Sông Mã")).toBe("91");
    expect(await codeOf("tinh song ma")).toBe("91");
    expect(await codeOf("90")).toBe("90");
  });

  it("still reports historical namesakes as ambiguous when no current one exists", async () => {
    await load([unit("90", "Sông Mã", "province", "", { valid_to: "30/06/2025" }), unit("92", "Sông Mã", "province", "", { valid_to: "30/06/2025" })]);
    expect((await failure("Sông Mã")).code).toBe("ambiguous");
  });

  it("does not confuse a full name with another name that only matches once a leading level-like word is dropped", async () => {
    // "Lạng Sơn" starts with "lang" (làng) and "Quan Sơn" with "quan" (quận): both reduce to "son".
    await load([unit("20", "Lạng Sơn", "province", "", { kind: "tỉnh" }), unit("38-03", "Quan Sơn", "commune", "38", { kind: "xã" })]);
    expect(await codeOf("Lạng Sơn")).toBe("20");
    expect(await codeOf("Quan Sơn")).toBe("38-03");
  });
});

describe("resolveUnit with a level or parent", () => {
  it("does not let a code of another level or parent pass", async () => {
    expect((await failure("38-01-01-02", { level: "commune" })).code).toBe("not_found");
    const communeId = (await resolveUnit(db, "38-01-02")).id;
    expect((await failure("38-01-01-02", { parentId: communeId })).code).toBe("not_found");
    expect(await codeOf("Xuân Thành", { parentId: communeId })).toBe("38-01-02-01");
  });
});
