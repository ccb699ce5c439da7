import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCliRunner } from "../helpers/run-cli";
import { localDate } from "../../src/core/time/local-date";

const dir = mkdtempSync(join(tmpdir(), "bhyt-card-cli-"));
const cli = createCliRunner({ DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error" });

afterEach(() => vi.restoreAllMocks());

describe("bhyt card parse", () => {
  it("prints the boxes of a legacy code as the last JSON line", async () => {
    const { code, last } = await cli("card", "parse", "GD4797920123456", "--json");
    expect(code).toBe(0);
    expect(last).toEqual({ ok: true, format: "legacy15", group: "GD", benefitLevel: 4, provinceCode: "79", bhxhNumber: "7920123456" });
  });

  it("takes spaces, dashes and lower case, quoted or not", async () => {
    expect((await cli("card", "parse", "gd 4-79-792 012 3456", "--json")).last).toMatchObject({ ok: true, group: "GD", bhxhNumber: "7920123456" });
    expect((await cli("card", "parse", "gd", "4", "79", "7920123456", "--json")).last).toMatchObject({ ok: true, provinceCode: "79" });
  });

  it("reads the BHXH number and the personal ID with only the fields they carry", async () => {
    expect((await cli("card", "parse", "7920123456", "--json")).last).toEqual({ ok: true, format: "bhxh10", bhxhNumber: "7920123456" });
    expect((await cli("card", "parse", "079201234567", "--json")).last).toEqual({ ok: true, format: "id12", personalId: "079201234567" });
  });

  it("says what it read in Vietnamese, or English with --lang en", async () => {
    expect((await cli("card", "parse", "CN3010120152431")).lines).toEqual(["Thẻ mẫu cũ: đối tượng CN, mã quyền lợi 3, tỉnh cấp thẻ 01, mã số BHXH 0120152431."]);
    expect((await cli("card", "parse", "7920123456", "--lang", "en")).lines[0]).toMatch(/^BHXH number 7920123456 \(new card form/);
  });

  it("refuses every kind of wrong code with its own error code and exit code 2", async () => {
    const cases: [string, string, string][] = [
      ["GD47979201234", "card_wrong_length", 'Mã thẻ "GD47979201234" có 13 ký tự. Mã thẻ BHYT mẫu cũ có 15 ký tự (ví dụ GD4797920123456); mã số BHXH có 10 chữ số; số định danh cá nhân (CCCD) có 12 chữ số.'],
      ["XX4797920123456", "card_unknown_group", 'Mã đối tượng "XX" (2 chữ cái đầu của mã thẻ) không có trong danh mục. Vui lòng kiểm tra lại, ví dụ GD, HS, CN.'],
      ["GD6797920123456", "card_bad_benefit_level", 'Ký tự thứ 3 của mã thẻ là mã quyền lợi, phải là số từ 1 đến 5 (đang là "6").'],
      ["GD47979201O3456", "card_letters_in_number", 'Phần số "7979201O3456" chỉ được gồm chữ số, nhưng có ký tự "O".'],
      ["GD4007920123456", "card_unknown_province", 'Mã tỉnh "00" (ký tự thứ 4–5 của mã thẻ) không có trong danh mục mã tỉnh.'],
    ];
    for (const [input, errorCode, message] of cases) {
      const res = await cli("card", "parse", input, "--json");
      expect({ input, code: res.code, last: res.last }).toEqual({ input, code: 2, last: { ok: false, error: { code: errorCode, message } } });
    }
    const en = await cli("card", "parse", "GD0797920123456", "--json", "--lang", "en");
    expect(en.last.error).toEqual({ code: "card_bad_benefit_level", message: 'The 3rd character of the card code is the benefit level and must be a digit from 1 to 5 (it is "0").' });
    const human = await cli("card", "parse", "79201B3456");
    expect(human.code).toBe(2);
    expect(human.stderr).toBe('Phần số "79201B3456" chỉ được gồm chữ số, nhưng có ký tự "B".');
  });

  it("asks for the code when none is given", async () => {
    const res = await cli("card", "parse", "--json");
    expect(res.code).toBe(2);
    expect(res.last.error.code).toBe("bad_request");
  });
});

describe("bhyt card benefit", () => {
  it("gives the level and percentage on a date, CN moving to level 2 on 1/1/2026", async () => {
    const after = await cli("card", "benefit", "--group", "CN", "--on", "2026-01-01", "--json");
    expect(after.code).toBe(0);
    expect(after.last).toEqual({ ok: true, group: "CN", level: 2, percent: 100, transport: false });
    expect((await cli("card", "benefit", "--group", "CN", "--on", "2025-12-31", "--json")).last).toEqual({ ok: true, group: "CN", level: 3, percent: 95, transport: false });
    expect((await cli("card", "benefit", "--group", "lh", "--on", "2026-01-01", "--json")).last).toEqual({ ok: true, group: "LH", level: 2, percent: 100, transport: false });
  });

  it("defaults --on to today in Vietnam", async () => {
    const today = localDate(new Date());
    const expected = today >= "2026-01-01" ? { level: 2, percent: 100 } : { level: 3, percent: 95 };
    expect((await cli("card", "benefit", "--group", "CN", "--json")).last).toEqual({ ok: true, group: "CN", transport: false, ...expected });
  });

  it("explains the level in plain language", async () => {
    const { lines } = await cli("card", "benefit", "--group", "GD", "--on", "2026-07-01");
    expect(lines[0]).toBe("Nhóm GD ngày 01/07/2026: mã quyền lợi 4, mức hưởng 80%.");
    expect(lines).toContain("  - Lần khám có tổng chi phí dưới 15% lương cơ sở (dưới 379.500 đồng) được trả 100%.");
    const en = await cli("card", "benefit", "--group", "GD", "--on", "2026-06-30", "--lang", "en");
    // 2026 changes base salary on 1/7: the threshold uses the year's average (2,340,000 × 6 months + 2,530,000 × 6).
    expect(en.lines.join("\n")).toContain("(14,610,000 đồng)");
  });

  it("refuses unknown groups, dates without a level and bad options", async () => {
    const unknown = await cli("card", "benefit", "--group", "ZZ", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.last).toEqual({ ok: false, error: { code: "unknown_group", message: 'Không có nhóm đối tượng "ZZ" trên thẻ BHYT. Ghi mã 2 chữ, ví dụ GD, HS, CN.' } });
    const early = await cli("card", "benefit", "--group", "AK", "--on", "2025-06-30", "--json", "--lang", "en");
    expect(early.last.error).toEqual({ code: "no_rule_for_date", message: "There is no benefit level for group AK on 2025-06-30." });
    expect((await cli("card", "benefit", "--json")).last.error.code).toBe("bad_request");
    expect((await cli("card", "benefit", "--group", "GD", "--on", "1/1/2026", "--json")).last.error.code).toBe("bad_request");
  });
});

describe("bhyt help", () => {
  it("lists the card and fee commands", async () => {
    const text = (await cli("help")).lines.join("\n");
    for (const words of ["bhyt card parse", "bhyt card benefit", "bhyt fee"]) expect(text).toContain(words);
  });
});
