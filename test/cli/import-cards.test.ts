import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CARD_HEADERS, person } from "../helpers/card-rows";
import { createCliRunner } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "bhyt-cli-cards-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The BHXH list's headers for the English columns, in the same order. */
const VI_HEADERS = [
  "Họ và tên", "Ngày sinh", "Giới tính", "Mã số BHXH", "Mã thẻ", "Số CCCD / Số định danh", "Số điện thoại", "Hạn thẻ từ", "Hạn thẻ đến",
  "Thôn/Tổ", "Mã hộ gia đình", "Mã đối tượng", "Nơi đăng ký KCB ban đầu", "Thời điểm đủ 5 năm liên tục",
];
const UNITS = "code,name,level,parent_code\n38,Thanh Hóa,province,\n38-01-01,Ngọc Phụng,commune,38\n38-01-01-01,Quyết Tiến,village,38-01-01\n38-01-01-02,Xuân Thành,village,38-01-01\n";

let dbCount = 0;
/** A CLI on its own fresh database holding one commune with two villages. */
async function freshCli() {
  const cli = createCliRunner({ DATABASE_PATH: join(dir, `cards-${++dbCount}.sqlite`), LOG_LEVEL: "error" });
  writeFileSync(join(dir, "units.csv"), UNITS);
  expect((await cli("import", "units", join(dir, "units.csv"), "--json")).code).toBe(0);
  return cli;
}

function writeCsv(name: string, headers: readonly string[], rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const file = join(dir, name);
  writeFileSync(file, [headers.join(","), ...rows.map((r) => CARD_HEADERS.map((h) => quote(r[h] ?? "")).join(","))].join("\n") + "\n");
  return file;
}

async function writeXlsx(name: string, headers: readonly string[], rows: Record<string, string>[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow([...headers]);
  // Numbers as text (as BHXH exports them, keeping leading zeros); card end date as a real date cell.
  for (const r of rows) sheet.addRow(CARD_HEADERS.map((h) => (h === "valid_to" ? new Date(`${r[h]!.split("/").reverse().join("-")}T00:00:00Z`) : r[h] ?? "")));
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("bhyt import cards", () => {
  it.each([
    ["CSV", "Vietnamese"],
    ["CSV", "English"],
    ["XLSX", "Vietnamese"],
    ["XLSX", "English"],
  ])("imports a %s file with %s headers and reports what it did as JSON", async (format, language) => {
    const cli = await freshCli();
    const headers = language === "English" ? CARD_HEADERS : VI_HEADERS;
    const rows = [person(1), person(2), person(3, { village: "Xuân Thành" })];
    const name = `roster-${format}-${language}`;
    const file = format === "CSV" ? writeCsv(`${name}.csv`, headers, rows) : await writeXlsx(`${name}.xlsx`, headers, rows);
    const first = await cli("import", "cards", file, "--commune", "Ngọc Phụng", "--json");
    expect(first.code).toBe(0);
    expect(first.last).toEqual({
      ok: true, kind: "cards", batchId: expect.any(Number), rows: 3,
      people: { created: 3, updated: 0 }, cards: { created: 3, updated: 0, renewed: 0 }, households: { created: 2 },
      remindersCancelled: 0, warningCount: 0, warnings: [],
    });
    const renewed = rows.map((r, i) => (i === 0 ? { ...r, valid_to: "31/12/2026" } : r));
    const again = format === "CSV" ? writeCsv(`${name}-2.csv`, headers, renewed) : await writeXlsx(`${name}-2.xlsx`, headers, renewed);
    const second = await cli("import", "cards", again, "--commune", "38-01-01", "--json");
    expect(second.last).toMatchObject({ ok: true, rows: 3, people: { created: 0, updated: 3 }, cards: { created: 0, updated: 3, renewed: 1 }, households: { created: 0 } });
  });

  it("refuses a file with bad rows, numbering them, in Vietnamese or English, without quoting personal numbers", async () => {
    const cli = await freshCli();
    const rows = [person(1), person(2, { bhxh_number: "99000000021", card_code: "" }), person(3, { phone: "0243826123", village: "Hà Nội" })];
    const file = writeCsv("bad.csv", CARD_HEADERS, rows);
    const vi_ = await cli("import", "cards", file, "--commune", "Ngọc Phụng", "--json");
    expect(vi_.code).toBe(2);
    expect(vi_.last.error).toMatchObject({ code: "import_failed", errorCount: 3, rows: 3 });
    expect(vi_.last.error.errors).toEqual([
      { row: 3, message: "Mã số BHXH phải gồm đúng 10 chữ số (nếu cột đang là kiểu số trong Excel, số 0 ở đầu bị mất: hãy định dạng cột là văn bản)" },
      { row: 4, message: "Số điện thoại không phải số di động Việt Nam" },
      { row: 4, message: 'không có thôn/tổ "Hà Nội" trong xã' },
    ]);
    const en = await cli("import", "cards", file, "--commune", "Ngọc Phụng", "--json", "--lang", "en");
    expect(en.last.error.errors[1]).toEqual({ row: 4, message: "phone (phone) is not a Vietnamese mobile number" });
    const human = await cli("import", "cards", file, "--commune", "Ngọc Phụng");
    expect(human.lines.join("\n")).toContain("Dòng 3: Mã số BHXH");
    for (const out of [vi_, en, human]) {
      const all = out.lines.join("\n") + out.stderr;
      for (const secret of ["99000000021", "0243826123", "9900000001", "099200000001"]) expect(all).not.toContain(secret);
    }
    const list = await cli("import", "cards", writeCsv("good.csv", CARD_HEADERS, [person(1)]), "--commune", "Ngọc Phụng", "--json");
    // Nothing from the refused file was written: person 1 is new now.
    expect(list.last.people).toEqual({ created: 1, updated: 0 });
  });

  it("says what it did in words without --json, and refuses an unknown commune", async () => {
    const cli = await freshCli();
    const file = writeCsv("words.csv", CARD_HEADERS, [person(1)]);
    const res = await cli("import", "cards", file, "--commune", "Ngọc Phụng");
    expect(res.code).toBe(0);
    expect(res.lines.at(-1)).toBe("Đã nhập 1 dòng: 1 người mới, 0 cập nhật; 1 thẻ mới, 0 thẻ cập nhật (0 gia hạn); 1 hộ mới; 0 lời nhắc đã hủy.");
    const unknown = await cli("import", "cards", file, "--commune", "Không Có", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.last.error.code).toBe("not_found");
    expect((await cli("help")).lines.join("\n")).toContain("bhyt import cards FILE [--commune <tên|mã>]");
  });
});
