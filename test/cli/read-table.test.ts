import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readTable, TableReadError, type TableProgress, type TableRow } from "../../src/cli/read-table";

const dir = mkdtempSync(join(tmpdir(), "bhyt-read-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function collect(path: string, options?: Parameters<typeof readTable>[1]): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(path, options)) rows.push(row);
  return rows;
}

async function failure(path: string, options?: Parameters<typeof readTable>[1]): Promise<TableReadError> {
  try {
    await collect(path, options);
  } catch (err) {
    expect(err).toBeInstanceOf(TableReadError);
    return err as TableReadError;
  }
  throw new Error("expected readTable to fail");
}

const BOM = "\uFEFF";

describe("readTable: CSV", () => {
  it("keeps Vietnamese headers, strips the BOM and normalises NFD to NFC", async () => {
    const nfd = "Mã,Tên,Cấp,Mã cấp trên\n01,Xã Hòa Bình,xa,001\n".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    const rows = await collect(fixture("vi.csv", BOM + nfd));
    expect(rows).toEqual([
      { rowNumber: 2, record: { "Mã": "01", "Tên": "Xã Hòa Bình", "Cấp": "xa", "Mã cấp trên": "001" } },
    ]);
    const keys = Object.keys(rows[0]!.record);
    expect(keys.every((k) => k === k.normalize("NFC"))).toBe(true);
    expect(keys[0]!.charCodeAt(0)).toBe("M".charCodeAt(0)); // no BOM glued to the first key
  });

  it("handles quoted cells containing delimiters, quotes and newlines", async () => {
    const csv = 'Mã,Ghi chú,Tên\n1,"a, b","x"\n2,"dòng 1\ndòng 2","say ""hi"""\n3,c,d\n';
    const rows = await collect(fixture("quoted.csv", csv));
    expect(rows.map((r) => r.record)).toEqual([
      { "Mã": "1", "Ghi chú": "a, b", "Tên": "x" },
      { "Mã": "2", "Ghi chú": "dòng 1\ndòng 2", "Tên": 'say "hi"' },
      { "Mã": "3", "Ghi chú": "c", "Tên": "d" },
    ]);
    // A multi-line cell is one row, as in Excel: numbering does not follow physical lines.
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it("detects a semicolon delimiter from the first line", async () => {
    const rows = await collect(fixture("semi.csv", "Mã;Tên;Số tiền\r\n1;An;1,5\r\n2;Bình;2,25\r\n"));
    expect(rows.map((r) => r.record)).toEqual([
      { "Mã": "1", "Tên": "An", "Số tiền": "1,5" },
      { "Mã": "2", "Tên": "Bình", "Số tiền": "2,25" },
    ]);
  });

  it("detects tabs in .tsv and reads Excel's UTF-16LE 'Unicode text' .txt", async () => {
    const tsv = await collect(fixture("tab.tsv", "Mã\tTên\n1\tAn, Bình\n"));
    expect(tsv.map((r) => r.record)).toEqual([{ "Mã": "1", "Tên": "An, Bình" }]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Mã\tTên\r\n7\tCường\r\n", "utf16le")]);
    const txt = await collect(fixture("unicode.txt", utf16));
    expect(txt).toEqual([{ rowNumber: 2, record: { "Mã": "7", "Tên": "Cường" } }]);
  });

  it("skips blank lines but counts them in rowNumber, and trims cells", async () => {
    const csv = "\nMã,Tên\n\n 1 ,  An  \n   \n,,\n2,Bình\n\n";
    const rows = await collect(fixture("blank.csv", csv));
    // Line 1 is blank, so the header is row 2, just as Excel would show it.
    expect(rows).toEqual([
      { rowNumber: 4, record: { "Mã": "1", "Tên": "An" } },
      { rowNumber: 7, record: { "Mã": "2", "Tên": "Bình" } },
    ]);
  });

  it("leaves keys out for a short row and ignores cells beyond the header", async () => {
    const rows = await collect(fixture("short.csv", "a,b,c\n1\n1,2\n1,2,3,4\n"));
    expect(rows).toEqual([
      { rowNumber: 2, record: { a: "1" } },
      { rowNumber: 3, record: { a: "1", b: "2" } },
      { rowNumber: 4, record: { a: "1", b: "2", c: "3" } },
    ]);
  });

  it("yields nothing for a header-only or empty file", async () => {
    expect(await collect(fixture("header-only.csv", "a,b\n"))).toEqual([]);
    expect(await collect(fixture("empty.csv", ""))).toEqual([]);
  });

  it("reports an unclosed quote as unreadable without quoting the data", async () => {
    const err = await failure(fixture("broken.csv", 'Mã,Tên\n1,"Nguyễn Văn Bí Mật\n2,x\n'));
    expect(err.code).toBe("unreadable");
    expect(err.detail).toMatch(/^CSV_QUOTE_NOT_CLOSED/);
    expect(err.detail).not.toContain("Nguyễn");
  });

  it("rejects text that is not UTF-8 (e.g. a Windows-1258 export)", async () => {
    const err = await failure(fixture("cp1258.csv", Buffer.from([0x4d, 0xe3, 0x2c, 0x54, 0x0a, 0x31, 0x2c, 0x32, 0x0a])));
    expect(err.code).toBe("unreadable");
  });
});

async function writeWorkbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow([]); // a blank first row: the header is the first non-empty row
  ws.addRow(["Mã", "Ngày sinh", "Họ tên", "Tổng", "Đã đóng", "Tỷ lệ", "Ghi chú"]);
  ws.addRow([
    8060,
    new Date(Date.UTC(1990, 4, 17)),
    { richText: [{ text: "Nguyễn " }, { text: "Văn A", font: { bold: true } }] },
    { formula: "A3*2", result: 16120 },
    true,
    95.57,
    null,
  ]);
  ws.addRow([0.1 + 0.2, null, "  Trần Thị B  ", { formula: 'CONCAT("a","b")', result: "ab" }, false, 1e21, ""]);
  ws.addRow([]); // blank row in the middle: skipped, but Excel row numbers keep counting
  const last = ws.addRow([7, null, "Lê C"]);
  const dated = last.getCell(4);
  dated.value = { formula: "DATE(2024,1,15)", result: 45306 };
  dated.numFmt = "dd/mm/yyyy";

  const other = wb.addWorksheet("Khác");
  other.addRow(["Mã xã", "Tên xã"]);
  other.addRow(["00001", "Phúc Xá"]);

  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("readTable: XLSX", () => {
  it("converts numbers, dates, rich text, formulas, booleans and empty cells to strings", async () => {
    const rows = await collect(await writeWorkbook("book.xlsx"));
    expect(rows).toEqual([
      {
        rowNumber: 3,
        record: {
          "Mã": "8060",
          "Ngày sinh": "1990-05-17",
          "Họ tên": "Nguyễn Văn A",
          "Tổng": "16120",
          "Đã đóng": "true",
          "Tỷ lệ": "95.57",
          "Ghi chú": "",
        },
      },
      {
        rowNumber: 4,
        record: {
          "Mã": "0.3",
          "Ngày sinh": "",
          "Họ tên": "Trần Thị B",
          "Tổng": "ab",
          "Đã đóng": "false",
          "Tỷ lệ": "1000000000000000000000",
          "Ghi chú": "",
        },
      },
      {
        rowNumber: 6,
        record: {
          "Mã": "7",
          "Ngày sinh": "",
          "Họ tên": "Lê C",
          "Tổng": "2024-01-15",
          "Đã đóng": "",
          "Tỷ lệ": "",
          "Ghi chú": "",
        },
      },
    ]);
  });

  it("reads a named sheet, matching the name case-insensitively", async () => {
    const path = await writeWorkbook("named.xlsx");
    const rows = await collect(path, { sheet: "KHÁC" });
    expect(rows).toEqual([{ rowNumber: 2, record: { "Mã xã": "00001", "Tên xã": "Phúc Xá" } }]);
    const err = await failure(path, { sheet: "Không có" });
    expect(err.code).toBe("unreadable");
    expect(err.detail).toBe("sheet not found");
  });

  it("reports random bytes with an .xlsx extension as unreadable with a short detail", async () => {
    const err = await failure(fixture("garbage.xlsx", randomBytes(4096)));
    expect(err.code).toBe("unreadable");
    expect(err.detail?.length ?? 0).toBeGreaterThan(0);
    expect(err.detail!.length).toBeLessThanOrEqual(120);
  });

  it("reports a truncated workbook as unreadable", async () => {
    const full = await writeWorkbook("whole.xlsx");
    const bytes = readFileSync(full);
    const err = await failure(fixture("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 3))));
    expect(err.code).toBe("unreadable");
  });
});

describe("readTable: errors", () => {
  it("rejects an unsupported extension", async () => {
    const err = await failure(fixture("report.pdf", "%PDF-1.4"));
    expect(err.code).toBe("unsupported_file");
  });

  it("reports a missing file", async () => {
    expect((await failure(join(dir, "nope.csv"))).code).toBe("file_not_found");
    expect((await failure(join(dir, "nope.xlsx"))).code).toBe("file_not_found");
    expect((await failure(join(dir, "missing-dir", "nope.csv"))).code).toBe("file_not_found");
  });

  it("rejects a directory", async () => {
    const sub = join(dir, "folder.csv");
    mkdirSync(sub);
    const err = await failure(sub);
    expect(err.code).toBe("unreadable");
  });
});

describe("readTable: progress", () => {
  it("ends with a call at totalBytes for CSV and XLSX", async () => {
    const csv = fixture("progress.csv", "a,b\n" + "1,2\n".repeat(1000));
    const xlsx = await writeWorkbook("progress.xlsx");
    for (const path of [csv, xlsx]) {
      const calls: TableProgress[] = [];
      await collect(path, { onProgress: (p) => calls.push(p) });
      const size = statSync(path).size;
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.at(-1)).toEqual({ bytesRead: size, totalBytes: size });
      for (let i = 1; i < calls.length; i++) expect(calls[i]!.bytesRead).toBeGreaterThanOrEqual(calls[i - 1]!.bytesRead);
    }
  });
});

describe("readTable: streaming", () => {
  const ROWS = 200_000;
  let bigPath = "";

  function bigCsv(): string {
    if (bigPath) return bigPath;
    bigPath = join(dir, "big.csv");
    const fd = openSync(bigPath, "w");
    writeSync(fd, "Mã hộ,Họ và tên,Ngày sinh,Mã thẻ BHYT,Địa chỉ\n");
    let chunk = "";
    for (let i = 1; i <= ROWS; i++) {
      chunk += `HGD${i},Nguyễn Văn Hùng ${i},1990-01-${String((i % 28) + 1).padStart(2, "0")},GD4797922${String(i).padStart(6, "0")},"Thôn ${i % 50}, xã Hòa Bình, huyện Tân Lạc"\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    return bigPath;
  }

  it("iterates 200,000 rows without holding the file in memory", { timeout: 20_000 }, async () => {
    const path = bigCsv();
    const size = statSync(path).size;
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let progressCalls = 0;
    const started = Date.now();
    for await (const row of readTable(path, { onProgress: () => progressCalls++ })) {
      count++;
      if (count === 1) expect(row).toEqual({ rowNumber: 2, record: expect.objectContaining({ "Mã hộ": "HGD1" }) });
      if (count % 5_000 === 0) {
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        // Yield to the event loop now and then, as a consumer writing to a database would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const elapsed = Date.now() - started;
    expect(count).toBe(ROWS);
    // Holding 200k records would cost several times the file size; streaming stays flat.
    expect(peak).toBeLessThan(size);
    // Throttled to ~10/s, plus the final call.
    expect(progressCalls).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
  });

  it("applies backpressure: a paused consumer stops the file being read ahead", async () => {
    const path = bigCsv();
    const size = statSync(path).size;
    let last: TableProgress = { bytesRead: 0, totalBytes: size };
    const rows = readTable(path, { onProgress: (p) => (last = p) });
    const first = await rows.next();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    // Only stream and parser buffers (a few hundred KB) may be ahead of the consumer.
    expect(last.bytesRead).toBeGreaterThan(0);
    expect(last.bytesRead).toBeLessThan(2 * 1024 * 1024);
    expect(last.bytesRead).toBeLessThan(size / 4);
    await rows.return(undefined);
  });

  it("stops cleanly when the consumer breaks early", async () => {
    let seen = 0;
    for await (const _row of readTable(bigCsv())) {
      void _row;
      if (++seen === 10) break;
    }
    expect(seen).toBe(10);
  });
});

describe("readCsv: the quote-free fast path", () => {
  it.each([["\r\n"], ["\n"], ["\r"]])("reads what csv-parse reads from a file without quotes (BOM, blank and short lines, no final break; line break %j)", async (lineBreak) => {
    const { createReadStream } = await import("node:fs");
    const { readCsv } = await import("../../src/cli/read-csv");
    const { isPlainCsv } = await import("../../src/cli/read-plain-csv");
    const lines = ["Mã;Tên;Ghi chú", "01; Xã Hòa Bình ;a", "", "02;Thôn", `03;${"Nguyễn".normalize("NFD")};b;c`, "04;x;y", "", "05;;"];
    const path = fixture(`plain-${lineBreak.length}-${lineBreak.charCodeAt(0)}.csv`, BOM + lines.join(lineBreak));
    expect(await isPlainCsv(path)).toBe(true);
    expect(await isPlainCsv(fixture("quoted-once.csv", 'a,b\n1,"2"\n'))).toBe(false);
    const read = async (plain: boolean) => {
      const rows: TableRow[] = [];
      // Tiny chunks: a CRLF split between two of them is still one line break.
      for await (const row of readCsv(createReadStream(path, { highWaterMark: 7 }), ";", plain)) rows.push(row);
      return rows;
    };
    const parsed = await read(false);
    expect(parsed.map((r) => r.rowNumber)).toEqual([2, 4, 5, 6, 8]);
    expect(parsed[2]!.record).toEqual({ "Mã": "03", "Tên": "Nguyễn", "Ghi chú": "b" });
    expect(await read(true)).toEqual(parsed);
  });

  it("keeps a second kind of line break inside the cell, as csv-parse does", async () => {
    const { createReadStream } = await import("node:fs");
    const { readCsv } = await import("../../src/cli/read-csv");
    const path = fixture("mixed.csv", "a,b\r\n1,x\ny\r\n2,z");
    const read = async (plain: boolean) => {
      const rows: TableRow[] = [];
      for await (const row of readCsv(createReadStream(path), ",", plain)) rows.push(row);
      return rows;
    };
    expect(await read(true)).toEqual(await read(false));
  });
});
