import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readUpload } from "../../../src/core/imports/read-upload";
import { writeXlsx } from "../../../src/core/xlsx/write-xlsx";
import { AppError } from "../../../src/errors";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("readUpload", () => {
  it("reads CSV with a BOM, semicolons, quoted cells and blank lines, numbering rows as Excel does", async () => {
    const rows = await readUpload({ name: "don-vi.csv", bytes: utf8('\ufeffMã;Tên\r\n38;"Thanh Hóa; tỉnh"\r\n\r\n38-01;"Nói ""to"""\n') });
    expect(rows).toEqual([
      { rowNumber: 2, record: { Mã: "38", Tên: "Thanh Hóa; tỉnh" } },
      { rowNumber: 4, record: { Mã: "38-01", Tên: 'Nói "to"' } },
    ]);
  });

  it("reads a deflated XLSX from Excel (shared strings, numbers, gaps) and our own stored one", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Chỉ tiêu");
    sheet.addRow(["unit_code", "year", "population"]);
    sheet.addRow(["38-01-01", 2025, 8060]);
    sheet.addRow([]);
    sheet.getCell("A4").value = "38-01-02";
    sheet.getCell("C4").value = 12.5;
    const excel = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await readUpload({ name: "t.XLSX", bytes: excel })).toEqual([
      { rowNumber: 2, record: { unit_code: "38-01-01", year: "2025", population: "8060" } },
      { rowNumber: 4, record: { unit_code: "38-01-02", year: "", population: "12.5" } },
    ]);
    const ours = writeXlsx([{ name: "a", rows: [["code", "name"], ["38", "Thanh Hóa & <Lai>"]] }]);
    expect(await readUpload({ name: "a.xlsx", bytes: ours })).toEqual([{ rowNumber: 2, record: { code: "38", name: "Thanh Hóa & <Lai>" } }]);
  });

  it("refuses other files and unreadable content without quoting it", async () => {
    await expect(readUpload({ name: "x.pdf", bytes: utf8("%PDF") })).rejects.toMatchObject({ messageKey: "import-file-unsupported" });
    const latin1 = new Uint8Array([0x4d, 0xe3, 0x3b, 0x0a]);
    const err = await readUpload({ name: "x.csv", bytes: latin1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ messageKey: "import-file-unreadable", args: { file: "x.csv", detail: "UTF-8" } });
    await expect(readUpload({ name: "x.xlsx", bytes: utf8("not a zip") })).rejects.toMatchObject({ messageKey: "import-file-unreadable" });
  });
});
