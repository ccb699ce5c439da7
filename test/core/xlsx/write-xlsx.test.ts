import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { writeXlsx } from "../../../src/core/xlsx/write-xlsx";

describe("writeXlsx", () => {
  it("writes a workbook Excel readers open, with Vietnamese text, numbers, empty cells and escaped markup", async () => {
    const bytes = writeXlsx([{ name: "Danh sách: [Xuân Thành]", rows: [["Họ và tên", "Năm sinh", "Ghi chú"], ["Nguyễn Thị Mẫu Hoà", 1980, null], ["<b>&\"x\"</b>", 0, "hết hạn 10/11/2025"]], widths: [20, 8, 20] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Danh sách   Xuân Thành ");
    expect(sheet.getCell("A2").value).toBe("Nguyễn Thị Mẫu Hoà");
    expect(sheet.getCell("B2").value).toBe(1980);
    expect(sheet.getCell("C2").value).toBeNull();
    expect(sheet.getCell("A3").value).toBe('<b>&"x"</b>');
    expect(sheet.getCell("B3").value).toBe(0);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
  });

  it("handles more than 26 columns", async () => {
    const row = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(writeXlsx([{ name: "x", rows: [row] }])) as never);
    expect(workbook.worksheets[0]!.getCell("AD1").value).toBe("c29");
  });
});
