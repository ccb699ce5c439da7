import { describe, expect, it } from "vitest";
import { normalizeVnMobile } from "../../../src/core/text/vn-phone";

describe("Vietnamese mobile numbers", () => {
  it.each(["0912345678", "+84912345678", "84912345678", "+84 91 234 5678", "091.234.5678", "(091) 234-5678"])("reads %j as 84912345678", (text) => {
    expect(normalizeVnMobile(text)).toBe("84912345678");
  });

  it("accepts every mobile prefix and the documented fictional 0100 range", () => {
    for (const n of ["0321234567", "0561234567", "0701234567", "0861234567", "0100000042"]) expect(normalizeVnMobile(n)).toBe(`84${n.slice(1)}`);
  });

  it.each(["0243 826 1234", "02438261234", "091234567", "09123456789", "+1 912345678", "0112345678", "912345678", "abc", ""])("refuses %j", (text) => {
    expect(normalizeVnMobile(text)).toBeUndefined();
  });
});
