import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import type { Db } from "../../src/db/client";
import { createTestDb, createTestProtector, tableOf } from "./test-db";
import { resolveUnit } from "../../src/core/units/resolve-unit";

type Row = Record<string, string>;

/** English card-roster columns, in file order. */
export const CARD_HEADERS = [
  "full_name", "date_of_birth", "gender", "bhxh_number", "card_code", "id_number", "phone", "valid_from", "valid_to",
  "village", "household_id", "group_code", "registered_facility", "five_year_date",
] as const;

/**
 * Person `n` (1–99) in the documented fictional ranges: BHXH 99xxxxxxxx, personal ID
 * 099xxxxxxxxx, phone 0100xxxxxx, a name containing "Mẫu".
 */
export function person(n: number, overrides: Row = {}): Row {
  const nn = String(n).padStart(2, "0");
  return {
    full_name: `Lê Văn Mẫu ${nn}`,
    date_of_birth: `0${(n % 9) + 1}/03/1985`,
    gender: n % 2 ? "Nam" : "Nữ",
    bhxh_number: `99000000${nn}`,
    card_code: `GD438 99000000${nn}`,
    id_number: `0992000000${nn}`,
    phone: `01000000${nn}`,
    valid_from: "01/01/2025",
    valid_to: "31/12/2025",
    village: "Quyết Tiến",
    household_id: `HGD-${Math.ceil(n / 2)}`,
    group_code: "",
    registered_facility: "Trạm Y tế xã Ngọc Phụng",
    five_year_date: "",
    ...overrides,
  };
}

/** As a file reads: every row has every column of the header line. */
export function asFile(rows: Row[]): Row[] {
  const columns = [...new Set([...CARD_HEADERS, ...rows.flatMap((r) => Object.keys(r))])];
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? ""])));
}

/**
 * Two communes that both have a village called Quyết Tiến (names repeat across communes),
 * so a name alone is ambiguous without --commune.
 */
export async function seedCardUnits(db: Db): Promise<void> {
  const outcome = await runImport(
    db,
    unitsImportSpec(),
    tableOf([
      { code: "38", name: "Thanh Hóa", level: "province", parent_code: "" },
      { code: "38-01-01", name: "Ngọc Phụng", level: "commune", parent_code: "38" },
      { code: "38-01-01-01", name: "Quyết Tiến", level: "village", parent_code: "38-01-01" },
      { code: "38-01-01-02", name: "Xuân Thành", level: "village", parent_code: "38-01-01" },
      { code: "38-01-02", name: "Xuân Dương", level: "commune", parent_code: "38" },
      { code: "38-01-02-01", name: "Quyết Tiến", level: "village", parent_code: "38-01-02" },
    ]),
  );
  if (!outcome.ok) throw new Error("test units failed to import");
}

/** A fresh database with the card-import units, its protector, and Ngọc Phụng's id (the usual `--commune`). */
export async function createCardImportDb() {
  const db = createTestDb();
  const protector = await createTestProtector();
  await seedCardUnits(db);
  const communeId = (await resolveUnit(db, "Ngọc Phụng")).id;
  return { db, protector, communeId };
}
