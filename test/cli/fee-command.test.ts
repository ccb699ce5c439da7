import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";
import { calculateRenewalFee } from "../../src/core/fees/calculate-renewal-fee";
import { localDate } from "../../src/core/time/local-date";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { adminUnits, communeStatuses } from "../../src/db/schema";

const dir = mkdtempSync(join(tmpdir(), "bhyt-fee-cli-"));
const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" };
const cli = createCliRunner(env);

afterEach(() => vi.restoreAllMocks());

describe("bhyt fee", () => {
  it("prints the fee member by member as the last JSON line", async () => {
    const { code, last } = await cli("fee", "--members", "3", "--on", "2026-07-01", "--json");
    expect(code).toBe(0);
    expect(last).toMatchObject({ ok: true, group: "GD", members: 3, months: 12, baseSalary: 2_530_000, ratePercent: 4.5, total: 3_142_260 });
    expect(last.perMember).toEqual([
      { index: 1, ladderPercent: 100, fullAmount: 1_366_200, supportPercent: 0, supportAmount: 0, amount: 1_366_200 },
      { index: 2, ladderPercent: 70, fullAmount: 956_340, supportPercent: 0, supportAmount: 0, amount: 956_340 },
      { index: 3, ladderPercent: 60, fullAmount: 819_720, supportPercent: 0, supportAmount: 0, amount: 819_720 },
    ]);
  });

  it("uses the base salary of the payment date", async () => {
    expect((await cli("fee", "--on", "2026-06-30", "--json")).last).toMatchObject({ baseSalary: 2_340_000, total: 1_263_600 });
    expect((await cli("fee", "--on", "2026-07-01", "--json")).last).toMatchObject({ baseSalary: 2_530_000, total: 1_366_200 });
  });

  it("defaults to one GD member, 12 months, today in Vietnam", async () => {
    const { last } = await cli("fee", "--json");
    expect(last).toMatchObject({ ok: true, on: localDate(new Date()), group: "GD", members: 1, months: 12, provinceCode: null });
    expect(last.perMember).toHaveLength(1);
  });

  it("handles supported groups, periods and province top-ups", async () => {
    expect((await cli("fee", "--group", "SV", "--on", "2025-07-01", "--months", "6", "--json")).last).toMatchObject({ stateSupportPercent: 50, total: 315_900 });
    expect((await cli("fee", "--group", "CN", "--on", "2026-07-01", "--months", "3", "--json")).last).toMatchObject({ total: 102_465 });
    expect((await cli("fee", "--group", "GB", "--province", "64", "--on", "2024-03-01", "--json")).last).toMatchObject({ provinceCode: "64", provinceSupportPercent: 10, total: 583_200 });
  });

  it("gives exactly what the bot's calculateRenewalFee gives", async () => {
    const { last } = await cli("fee", "--members", "5", "--group", "gd", "--months", "3", "--on", "2025-09-01", "--json");
    const db = openSqliteDb(env.DATABASE_PATH);
    try {
      expect(last).toEqual({ ...(await calculateRenewalFee(db, { members: 5, group: "gd", months: 3, on: "2025-09-01" })) });
    } finally {
      db.close();
    }
  });

  it("explains the fee in Vietnamese by default and in English with --lang en", async () => {
    const vi_ = await cli("fee", "--members", "2", "--group", "HS", "--on", "2025-07-01");
    expect(vi_.lines).toEqual([
      "Số tiền đóng BHYT — Học sinh (HS), 12 tháng, đóng ngày 01/07/2025 (lương cơ sở 2.340.000 đồng, mức đóng 4,5%):",
      "  Người thứ 1 và thứ 2: mỗi người 100% mức đóng = 1.263.600 đồng, ngân sách hỗ trợ 50% (631.800 đồng) → mỗi người phải đóng 631.800 đồng.",
      "Tổng cộng: 1.263.600 đồng.",
    ]);
    const en = await cli("fee", "--members", "2", "--on", "2026-07-01", "--lang", "en");
    expect(en.lines.at(1)).toBe("  Member 1: 100% of the contribution = 1,366,200 đồng → pays 1,366,200 đồng.");
    expect(en.lines.at(-1)).toBe("Total: 2,322,540 đồng.");
  });

  it("refuses bad input with a clear message and exit code 2", async () => {
    const cases: [string[], string, string][] = [
      [["--members", "0"], "bad_members", 'Số người "0" không hợp lệ: ghi từ 1 đến 20 người.'],
      [["--members", "21"], "bad_members", 'Số người "21" không hợp lệ: ghi từ 1 đến 20 người.'],
      [["--members", "hai"], "bad_members", 'Số người "hai" không hợp lệ: ghi từ 1 đến 20 người.'],
      [["--months", "4"], "bad_months", 'Số tháng đóng "4" không hợp lệ: nhóm này đóng 3, 6, 12 tháng một lần.'],
      [["--group", "DN"], "unknown_group", 'Không tính số tiền đóng cho nhóm "DN". Chỉ tính cho các nhóm tự đóng hoặc được hỗ trợ đóng: GD, HS, SV, CN, GB.'],
      [["--province", "00"], "unknown_province", 'Không có mã tỉnh "00" trong danh mục.'],
      [["--on", "2019-01-01"], "no_rule_for_date", "Chưa có mức đóng của nhóm GD vào ngày 01/01/2019."],
    ];
    for (const [options, errorCode, message] of cases) {
      const res = await cli("fee", ...options, "--json");
      expect({ options, code: res.code, last: res.last }).toEqual({ options, code: 2, last: { ok: false, error: { code: errorCode, message } } });
    }
    const en = await cli("fee", "--months", "24", "--json", "--lang", "en");
    expect(en.last.error).toEqual({ code: "bad_months", message: '"24" is not a valid payment period: this group pays for 3, 6, 12 months at a time.' });
    const human = await cli("fee", "--group", "XX");
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('"XX"');
    expect((await cli("fee", "--on", "2026-02-30", "--json")).last.error.code).toBe("bad_request");
  });

  it("--commune applies the commune's status as the bot's look-up does, and names the commune", async () => {
    // A unit of its own with a status row: the fee reads it by the commune's code on the payment date.
    const db = openSqliteDb(env.DATABASE_PATH);
    try {
      await db.orm.insert(adminUnits).values({ code: "99-01", name: "Thử Nghèo", level: "commune", searchKey: "thu ngheo" });
      await db.orm.insert(communeStatuses).values({ unitCode: "99-01", status: "poor", validFrom: "2025-07-01", validTo: null, source: "test" });
    } finally {
      db.close();
    }
    const poor = await cli("fee", "--group", "CN", "--members", "2", "--on", "2026-07-01", "--commune", "99-01");
    expect(poor.lines).toContain("Xã Thử Nghèo là xã nghèo: ngân sách hỗ trợ 100% cho nhóm này.");
    expect(poor.lines.at(-1)).toBe("Tổng cộng: 0 đồng.");
    expect((await cli("fee", "--group", "CN", "--on", "2026-07-01", "--commune", "Thử Nghèo", "--json")).last).toMatchObject({ stateSupportPercent: 100, total: 0, commune: { code: "99-01", name: "Thử Nghèo", status: "poor" } });
    // Without the commune, or for a group the status does not cover, the national share stays.
    expect((await cli("fee", "--group", "CN", "--on", "2026-07-01", "--json")).last).toMatchObject({ stateSupportPercent: 70, commune: null });
    expect((await cli("fee", "--group", "GD", "--on", "2026-07-01", "--commune", "99-01", "--json")).last).toMatchObject({ total: 1_366_200, commune: { code: "99-01", status: null } });
    const unknown = await cli("fee", "--commune", "Không Có Xã Này", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.last.error.code).toBe("not_found");
  });
});
