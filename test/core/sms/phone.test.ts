import { describe, expect, it } from "vitest";
import { normalizePhone, toE164, toNational } from "../../../src/core/sms/phone";

describe("normalizePhone", () => {
  it.each([
    ["0912345678", "84912345678"],
    ["0912 345 678", "84912345678"],
    ["091.234.5678", "84912345678"],
    ["+84 912-345-678", "84912345678"],
    ["+84912345678", "84912345678"],
    ["84912345678", "84912345678"],
    ["0084912345678", "84912345678"],
    ["(024) 3825 1234", "842438251234"],
    ["912345678", "84912345678"],
    ["0100123456", "84100123456"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "Viettel", "191", "+14155550100", "00912345678", "091234567", "0912345678901", "+84 012345678"])("refuses %j", (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });

  it("writes the canonical form for gateways", () => {
    expect(toE164("84912345678")).toBe("+84912345678");
    expect(toNational("84912345678")).toBe("0912345678");
  });
});
