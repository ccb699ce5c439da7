import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { monthEnd, monthlyReport, reportCells, reportRows, reportTable } from "../../../src/core/reports/monthly-report";
import { writeCsv } from "../../../src/core/reports/write-csv";
import { writeXlsx } from "../../../src/core/xlsx/write-xlsx";
import { AppError } from "../../../src/errors";
import { createTestTranslator } from "../../helpers/test-db";
import { createProgressWorld } from "../progress/progress-fixture";
import { TODAY, type TallyWorld } from "../tallies/tally-fixture";

let w: TallyWorld;
beforeAll(async () => {
  w = await createProgressWorld();
});

/** name → [population, target, target rate, insured, rate, gap, reported in month, reported this year]. */
async function figures(month: string) {
  const report = await monthlyReport(w.db, { unit: w.commune, month, today: TODAY });
  return { report, rows: Object.fromEntries(reportRows(report).map((r) => [r.total ? "TOTAL" : r.progress.unit.name, reportCells(r.progress).slice(2)])) };
}

describe("monthly report (figures worked out in progress-fixture.ts)", () => {
  it("stands at the month's last day: October 2025", async () => {
    const { report, rows } = await figures("2025-10");
    expect(report.asOf).toBe("2025-10-31");
    // Quyết Tiến 400 + 10-15 GD 8; Xuân Thành's baseline is dated 10-31 (its 10-31 GD 7 is inside it); Xuân Lập 03-10 GD 4.
    expect(rows["Quyết Tiến"]).toEqual([489, 468, 95.71, 408, 83.44, 60, 8, 38]);
    expect(rows["Xuân Thành"]).toEqual([903, 846, 93.69, 430, 47.62, 416, 7, 7]);
    expect(rows["Xuân Lập"]).toEqual([1316, 1298, 98.63, 4, 0.3, 1294, 0, 4]);
    expect(rows["TOTAL"]).toEqual([8060, 7703, 95.57, 842, 10.45, 6861, 15, 49]);
    expect(Object.keys(rows)).toHaveLength(8);
  });

  it("stops at today while the month runs: November 2025 seen on the 15th", async () => {
    const { report, rows } = await figures("2025-11");
    expect(report.asOf).toBe(TODAY);
    expect(rows["Xuân Thành"]).toEqual([903, 846, 93.69, 445, 49.28, 401, 15, 22]);
    expect(rows["TOTAL"]).toEqual([8060, 7703, 95.57, 863, 10.71, 6840, 21, 70]);
  });

  it("refuses malformed and future months with a translatable error", async () => {
    for (const month of ["2025-13", "2025-1", "nov"]) {
      await expect(monthlyReport(w.db, { unit: w.commune, month, today: TODAY })).rejects.toMatchObject({ code: "bad_request", messageKey: "dashboard-bad-month" });
    }
    await expect(monthlyReport(w.db, { unit: w.commune, month: "2025-12", today: TODAY })).rejects.toBeInstanceOf(AppError);
  });

  it("knows month lengths", () => {
    expect([monthEnd("2025-02"), monthEnd("2024-02"), monthEnd("2025-10"), monthEnd("2025-04")]).toEqual(["2025-02-28", "2024-02-29", "2025-10-31", "2025-04-30"]);
  });

  it("writes the same figures to CSV and XLSX, headers in the reader's language", async () => {
    const { report } = await figures("2025-10");
    const t = createTestTranslator();
    const table = reportTable(report, (key) => t("vi", key));
    const csv = writeCsv(table).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(csv[0]).toBe("Mã,Đơn vị,Dân số,Chỉ tiêu (người),Chỉ tiêu (%),Có thẻ BHYT,Bao phủ (%),Còn thiếu,Tăng trong tháng,Tăng từ đầu năm");
    expect(csv.at(-1)).toBe("38-01-01,Xã Ngọc Phụng,8060,7703,95.57,842,10.45,6861,15,49");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(writeXlsx([{ name: "2025-10", rows: table }])) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(9).values).toEqual([undefined, "38-01-01", "Xã Ngọc Phụng", 8060, 7703, 95.57, 842, 10.45, 6861, 15, 49]);
  });

  it("neutralises cells that spreadsheet programs would run as formulas", () => {
    expect(writeCsv([["=HYPERLINK(1)", "a,b", 'say "hi"', null, -3]])).toBe("\ufeff'=HYPERLINK(1),\"a,b\",\"say \"\"hi\"\"\",,-3\r\n");
  });
});
