import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { adminUnits } from "../../src/db/schema";
import { localDate } from "../../src/core/time/local-date";

const dir = mkdtempSync(join(tmpdir(), "bhyt-commune-status-"));
const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" };
const cli = createCliRunner(env);
const csv = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// Dates from today: the status must apply on the day a resident asks, whatever the year.
const today = localDate(new Date());
const year = Number(today.slice(0, 4));

describe("bhyt import commune-statuses and bhyt units statuses", () => {
  it("records a poor commune from a published list, and the fee then applies its support", async () => {
    await cli("db", "migrate");
    const db = openSqliteDb(env.DATABASE_PATH);
    try {
      await db.orm.insert(adminUnits).values([
        { code: "97", name: "Tỉnh Thử", level: "province", searchKey: "tinh thu" },
        { code: "97-001", name: "Thử Nghèo", level: "commune", searchKey: "thu ngheo" },
        { code: "97-001-01", name: "Thôn Một", level: "village", searchKey: "thon mot" },
      ]);
    } finally {
      db.close();
    }
    const before = await cli("fee", "--group", "CN", "--commune", "97-001", "--json");
    expect(before.last).toMatchObject({ ok: true, commune: { code: "97-001", status: null } });
    expect(before.last.total).toBeGreaterThan(0);

    const file = csv("ok.csv", `Mã xã,Diện,Từ ngày,Đến ngày,Căn cứ\n97-001,Xã nghèo,01/01/${year},31/12/${year + 4},QĐ thử ${year}/QĐ-TTg\n`);
    const imported = await cli("import", "commune-statuses", file, "--json");
    expect(imported.code).toBe(0);
    expect(imported.last).toMatchObject({ ok: true, rows: 1, inserted: 1 });

    const after = await cli("fee", "--group", "CN", "--commune", "97-001", "--json");
    expect(after.last).toMatchObject({ stateSupportPercent: 100, total: 0, commune: { code: "97-001", status: "poor" } });

    const listed = await cli("units", "statuses", "Thử Nghèo");
    expect(listed.lines.join("\n")).toContain(`Thử Nghèo (97-001): xã nghèo, từ 01/01/${year} đến 31/12/${year + 4} — QĐ thử ${year}/QĐ-TTg`);
    // Re-importing the same list updates, it does not duplicate.
    expect((await cli("import", "commune-statuses", file, "--json")).last).toMatchObject({ inserted: 0, updated: 1 });
    expect((await cli("units", "statuses", "--json")).last).toMatchObject({ count: 1 });
  });

  it("refuses the whole file, naming each bad row, when a row is not a commune, lacks its source or has an unknown status", async () => {
    const file = csv(
      "bad.csv",
      [
        "unit_code,status,valid_from,valid_to,source",
        `97-001,poor,${year}-01-01,,QĐ 1`,
        `97-001-01,poor,${year}-01-01,,QĐ 2`,
        `97-001,poor,${year}-01-01,,`,
        `97-001,giàu,${year}-01-01,,QĐ 3`,
        `97-001,khu vực III,${year}-06-01,${year}-01-01,QĐ 4`,
      ].join("\n"),
    );
    const { code, last } = await cli("import", "commune-statuses", file, "--json");
    expect(code).not.toBe(0);
    expect(last.ok).toBe(false);
    const messages = (last.error.errors as { row: number; message: string }[]).map((e) => `${e.row}: ${e.message}`);
    expect(messages.join("\n")).toMatch(/thiếu source/);
    expect(messages.join("\n")).toMatch(/diện xã "giàu" không rõ/);
    expect(messages.join("\n")).toMatch(/trước ngày bắt đầu/);
    // Nothing was half-written: the list still holds only the first test's row (or none if run alone).
    const listed = await cli("units", "statuses", "--json");
    expect((listed.last.statuses as { source: string }[]).map((s) => s.source)).not.toContain("QĐ 1");
  });

  it("refuses a village code once the rows parse", async () => {
    const file = csv("village.csv", `unit_code,status,valid_from,source\n97-001-01,poor,${year}-01-01,QĐ 2\n`);
    const { last } = await cli("import", "commune-statuses", file, "--json");
    expect(last.ok).toBe(false);
    expect(JSON.stringify(last.error.errors)).toMatch(/không phải cấp xã/);
  });
});
