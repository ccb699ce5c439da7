import { describe, expect, it } from "vitest";
import { countSegments, toGsm7, toUnaccented } from "../../../src/core/sms/segments";
import { fitSms } from "../../../src/core/sms/fit-sms";

const a = (n: number) => "a".repeat(n);
const vn = (n: number) => "ả".repeat(n);

describe("countSegments", () => {
  it.each([
    ["empty", "", "gsm7", 0, 1],
    ["160 GSM characters fit one SMS", a(160), "gsm7", 160, 1],
    ["161 need two parts of 153", a(161), "gsm7", 161, 2],
    ["306 = two full parts", a(306), "gsm7", 306, 2],
    ["307 need three", a(307), "gsm7", 307, 3],
    ["unaccented Vietnamese is GSM-7", "Da ghi nhan: Thon Xuan Thanh GD 12", "gsm7", 34, 1],
    ["é, è, à are in the GSM alphabet", "é è à ù ì ò", "gsm7", 11, 1],
    ["extension characters count two septets", "{}[]~^|\\€", "gsm7", 18, 1],
    ["80 braces = 160 septets, one SMS", "{".repeat(80), "gsm7", 160, 1],
    ["81 braces = 162 septets, 76 per part (an ESC pair is never split)", "{".repeat(81), "gsm7", 162, 2],
    ["a euro sign straddling a part boundary moves whole to the next part", a(152) + "€" + a(152), "gsm7", 306, 3],
    ["accented Vietnamese is UCS-2", "Đã ghi nhận", "ucs2", 11, 1],
    ["70 UCS-2 characters fit one SMS", vn(70), "ucs2", 70, 1],
    ["71 need two parts of 67", vn(71), "ucs2", 71, 2],
    ["one accented letter turns a GSM text into UCS-2", a(69) + "ơ", "ucs2", 70, 1],
    ["an emoji is two UTF-16 code units", "😀", "ucs2", 2, 1],
    ["35 emoji = 70 units, one SMS", "😀".repeat(35), "ucs2", 70, 1],
    ["a surrogate pair is never split across parts", vn(66) + "😀" + vn(66), "ucs2", 134, 3],
    ["decomposed accents still count as UCS-2 code units", "Hòa".normalize("NFD"), "ucs2", 4, 1],
  ])("%s", (_label, text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });
});

describe("toUnaccented", () => {
  it.each([
    ["Đã ghi nhận: Thôn Xuân Thành", "Da ghi nhan: Thon Xuan Thanh"],
    ["Nguyễn Văn Đức", "Nguyen Van Duc"],
    ["ưu tiên ở đây, đợi", "uu tien o day, doi"],
    ["HOÀ LÂM – BẢO HIỂM Y TẾ", "HOA LAM – BAO HIEM Y TE"],
    ["Hòa".normalize("NFD"), "Hoa"],
    ["plain ASCII 123", "plain ASCII 123"],
  ])("%s → %s", (input, expected) => {
    expect(toUnaccented(input)).toBe(expected);
  });

  it("toGsm7 spells arrows, dashes, quotes and the ellipsis in GSM-7 instead of '?'", () => {
    expect(toGsm7("3 người → phải đóng 1.516.320 đồng ‐ ‘a’ « b » ≥ 2 ⇒ xong…")).toBe("3 nguoi -> phai dong 1.516.320 dong - 'a' \" b \" >= 2 => xong...");
    expect(countSegments(toGsm7("Hạn thẻ → 31/12")).encoding).toBe("gsm7");
  });

  it("toGsm7 also maps typography to ASCII and anything else to ?", () => {
    expect(toGsm7("Thôn Xuân Thành: 15/846 (1,8 %) — còn thiếu… “ok” 😀")).toBe('Thon Xuan Thanh: 15/846 (1,8 %) - con thieu... "ok" ?');
    expect(countSegments(toGsm7("Đã ghi nhận — “ok”")).encoding).toBe("gsm7");
  });
});

describe("fitSms", () => {
  const sentence = "Hạn thẻ BHYT của hộ gia đình bạn sắp hết. Vui lòng gia hạn tại UBND xã. ";

  it("keeps accented text that fits", () => {
    expect(fitSms("Đã ghi nhận")).toEqual({ text: "Đã ghi nhận", encoding: "ucs2", segments: 1, variant: "accented" });
    const twoParts = sentence + "Cảm ơn."; // 79 UCS-2 units: two parts
    expect(fitSms(twoParts, 2)).toMatchObject({ text: twoParts, segments: 2, variant: "accented" });
  });

  it("falls back to unaccented GSM-7 when accented would take more parts", () => {
    const twoParts = sentence + "Cảm ơn.";
    expect(fitSms(twoParts, 1)).toEqual({ text: toGsm7(twoParts), encoding: "gsm7", segments: 1, variant: "unaccented" });
    const long = sentence.repeat(3); // 216 characters: 4 UCS-2 parts, 2 GSM-7 parts
    expect(countSegments(long).segments).toBe(4);
    expect(fitSms(long, 2)).toMatchObject({ encoding: "gsm7", segments: 2, variant: "unaccented" });
  });

  it("truncates at a word boundary with ... as a last resort", () => {
    const fit = fitSms(sentence.repeat(10), 2);
    expect(fit.variant).toBe("truncated");
    expect(fit.segments).toBe(2);
    expect(fit.text.endsWith("...")).toBe(true);
    expect(countSegments(fit.text).units).toBeLessThanOrEqual(306);
    expect(countSegments(fit.text).units).toBeGreaterThan(280);
    // The cut falls between words: what precedes "..." is a whole word of the unaccented text.
    const lastWord = fit.text.slice(0, -3).split(" ").at(-1)!;
    expect(toGsm7(sentence).split(/[ .]/)).toContain(lastWord);
    expect(fitSms(a(400), 1).text).toBe(a(157) + "...");
  });

  it("refuses a non-positive part count", () => {
    expect(() => fitSms("x", 0)).toThrow(RangeError);
  });
});
