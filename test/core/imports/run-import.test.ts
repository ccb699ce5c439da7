import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { runImport, type ImportSpec, type ParsedRow } from "../../../src/core/imports/run-import";
import { createTestDb } from "../../helpers/test-db";

/** Rows whose parse finishes later the earlier they are (as sealing in another thread may), some bad, some with a warning. */
function spec(): ImportSpec<{ value: string }> {
  return {
    kind: "units",
    columns: [{ name: "value", headers: [], required: true }],
    parseRow(record, row): Promise<ParsedRow<{ value: string }>> | ParsedRow<{ value: string }> {
      const parsed: ParsedRow<{ value: string }> = record.value === "bad" ? { errors: [{ row, messageKey: "bad", args: {} }] } : { key: record.value!, payload: { value: record.value! }, warnings: row % 3 === 0 ? [{ row, messageKey: "warn", args: {} }] : [] };
      if (row % 5 === 0) return parsed; // some rows answer at once, between pending ones
      return new Promise((resolve) => setTimeout(() => resolve(parsed), (3000 - row) % 7));
    },
    checkStaged: async () => [],
    countExisting: async () => 0,
    applySteps: () => [],
  };
}

async function* rows(values: string[]) {
  for (const [i, value] of values.entries()) yield { rowNumber: i + 2, record: { value } };
}

describe("runImport with rows still parsing", () => {
  it("stages rows and reports warnings and errors in file order, however their parses finish", async () => {
    const db = createTestDb();
    const values = Array.from({ length: 3000 }, (_, i) => `v${i}`);
    const outcome = await runImport(db, spec(), rows(values), { hold: true });
    expect(outcome).toMatchObject({ ok: true, rows: 3000, errorCount: 0 });
    const staged = await db.orm.all<{ row_number: number; key: string }>(sql`select row_number, key from import_staging_rows order by rowid`);
    expect(staged.map((r) => r.key)).toEqual(values);
    expect(staged.map((r) => r.row_number)).toEqual(values.map((_, i) => i + 2));
    expect(outcome.warnings.map((w) => w.row)).toEqual(outcome.warnings.map((w) => w.row).sort((a, b) => a - b));

    const failing = await runImport(createTestDb(), spec(), rows(values.map((v, i) => (i % 400 === 7 ? "bad" : v))));
    expect(failing.ok).toBe(false);
    // Every bad row reported, with its own row number.
    expect(failing.errors.map((e) => e.row)).toEqual([9, 409, 809, 1209, 1609, 2009, 2409, 2809]);
  });
});
