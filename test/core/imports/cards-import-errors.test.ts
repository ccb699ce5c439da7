import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCards } from "../../../src/core/imports/cards-import";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { asFile, createCardImportDb, person } from "../../helpers/card-rows";
import { createTestTranslator, tableOf } from "../../helpers/test-db";

type Row = Record<string, string>;

let db: SqliteDb;
let protector: Protector;
let communeId: number;
beforeEach(async () => {
  ({ db, protector, communeId } = await createCardImportDb());
});
afterEach(() => db.close());

const importRows = (rows: Row[]) => importCards({ db, protector }, tableOf(asFile(rows)), { communeId, today: "2025-11-15" });
const counts = () => ["people", "cards", "households", "import_staging_rows", "card_staging_rows", "audit_log"].map((t) => (db.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n);
const t = createTestTranslator();

/** The bad row is the 3rd data row, i.e. row 4 of the file (the header is row 1). */
const cases: { what: string; bad: Row; messageKey: string; args?: Record<string, string | number> }[] = [
  { what: "a missing name", bad: person(9, { full_name: " " }), messageKey: "row-card-required", args: { column: "full_name" } },
  { what: "a missing village", bad: person(9, { village: "" }), messageKey: "row-card-required", args: { column: "village" } },
  { what: "no identifier", bad: person(9, { bhxh_number: "", id_number: "", card_code: "" }), messageKey: "row-card-no-identifier" },
  { what: "a BHXH number of 11 digits", bad: person(9, { bhxh_number: "99000000091", card_code: "" }), messageKey: "row-card-bad-number", args: { column: "bhxh_number", digits: 10 } },
  { what: "a BHXH number with letters", bad: person(9, { bhxh_number: "99OOOOOO09", card_code: "" }), messageKey: "row-card-bad-number", args: { column: "bhxh_number", digits: 10 } },
  { what: "a personal ID of 11 digits", bad: person(9, { id_number: "09920000009" }), messageKey: "row-card-bad-number", args: { column: "id_number", digits: 12 } },
  { what: "an impossible date of birth", bad: person(9, { date_of_birth: "30/02/1985" }), messageKey: "row-card-bad-date", args: { column: "date_of_birth" } },
  { what: "a date of birth in the future", bad: person(9, { date_of_birth: "01/01/2030" }), messageKey: "row-card-bad-date", args: { column: "date_of_birth" } },
  { what: "a bad valid_to", bad: person(9, { valid_to: "2025-13-01" }), messageKey: "row-card-bad-date", args: { column: "valid_to" } },
  { what: "a bad five-year date", bad: person(9, { five_year_date: "soon" }), messageKey: "row-card-bad-date", args: { column: "five_year_date" } },
  { what: "valid_to before valid_from", bad: person(9, { valid_from: "01/01/2026", valid_to: "31/12/2025" }), messageKey: "row-card-valid-to-before-from" },
  { what: "an unknown village", bad: person(9, { village: "Không Có" }), messageKey: "row-card-unknown-village", args: { value: "Không Có" } },
  { what: "another commune's village", bad: person(9, { village: "38-01-02-01" }), messageKey: "row-card-unknown-village", args: { value: "38-01-02-01" } },
  { what: "a landline", bad: person(9, { phone: "0237 381 2345" }), messageKey: "row-card-bad-phone", args: { column: "phone" } },
  { what: "a short phone", bad: person(9, { phone: "0912 345" }), messageKey: "row-card-bad-phone", args: { column: "phone" } },
  { what: "a card code with level 6", bad: person(9, { card_code: "GD6389900000009" }), messageKey: "row-card-bad-card-code", args: { column: "card_code" } },
  { what: "a card code of someone else", bad: person(9, { card_code: "GD4389900000008" }), messageKey: "row-card-bhxh-mismatch" },
  { what: "an unknown gender", bad: person(9, { gender: "X" }), messageKey: "row-card-bad-gender", args: { value: "X" } },
  { what: "an unknown group code", bad: person(9, { group_code: "ZZ" }), messageKey: "row-unknown-group", args: { value: "ZZ" } },
  { what: "the same BHXH number twice", bad: person(1, { full_name: "Lê Văn Mẫu Khác", id_number: "" }), messageKey: "row-duplicate", args: { other: 2 } },
  { what: "the same personal ID twice", bad: person(9, { id_number: "099200000001" }), messageKey: "row-card-duplicate-person", args: { column: "id_number", other: 2 } },
];

describe("a card roster with one bad row among good ones writes nothing", () => {
  it.each(cases)("reports $what on its row ($messageKey)", async ({ bad, messageKey, args }) => {
    await importRows([person(20)]);
    const before = counts();
    const outcome = await importRows([person(1), person(2), bad, person(3)]);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toEqual([{ row: 4, messageKey, args: args ?? {} }]);
    expect(outcome.errorCount).toBe(1);
    expect(counts()).toEqual(before);
    expect(db.sqlite.prepare("select status from import_batches where id = ?").get(outcome.batchId)).toEqual({ status: "failed" });
    // Errors name the column; personal numbers never appear, neither in args nor in either language.
    const texts = outcome.errors.flatMap((e) => [t("vi", e.messageKey, e.args), t("en", e.messageKey, e.args)]);
    const said = JSON.stringify(outcome.errors) + texts.join();
    for (const column of ["bhxh_number", "id_number", "phone", "card_code", "date_of_birth"]) {
      const value = bad[column]!.replace(/\D/g, "");
      if (value.length >= 6) expect(said).not.toContain(value);
    }
    // Every variable filled: Fluent shows a missing one as "{$name}".
    for (const text of texts) expect(text).not.toMatch(/[{}]|row-|warn-/);
  });

  it("reports every error in row order and counts all of them", async () => {
    const outcome = await importRows([person(1, { bhxh_number: "1" }), person(2), person(3, { phone: "1", valid_to: "x" }), person(4, { full_name: "" })]);
    expect(outcome.errors.map((e) => [e.row, e.messageKey])).toEqual([
      [2, "row-card-bad-number"],
      [4, "row-card-bad-phone"],
      [4, "row-card-bad-date"],
      [5, "row-card-required"],
    ]);
    expect(counts()).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("rows that contradict the roster on record", () => {
  it("refuses a BHXH number and a personal ID that belong to two different people", async () => {
    expect((await importRows([person(1), person(2)])).ok).toBe(true);
    const before = counts();
    const outcome = await importRows([person(3), person(1, { id_number: "099200000002" })]);
    expect(outcome.errors).toEqual([{ row: 3, messageKey: "row-card-person-conflict", args: {} }]);
    expect(counts()).toEqual(before);
  });

  it("refuses two rows that would both update the same person", async () => {
    expect((await importRows([person(1)])).ok).toBe(true);
    // Row 2 finds person 1 by BHXH number, row 3 by personal ID.
    const outcome = await importRows([person(1, { id_number: "" }), person(5, { card_code: "", id_number: "099200000001" })]);
    expect(outcome.errors).toEqual([{ row: 3, messageKey: "row-card-same-person", args: { other: 2 } }]);
  });
});
