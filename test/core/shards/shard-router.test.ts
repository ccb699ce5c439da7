import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors";
import { provinceOfUnitCode } from "../../../src/core/shards/shard-router";

describe("provinceOfUnitCode", () => {
  it("reads the province from province, composite and 2+5-digit codes", () => {
    expect(provinceOfUnitCode("38")).toBe("38");
    expect(provinceOfUnitCode("38-01-01-02")).toBe("38");
    expect(provinceOfUnitCode(" 12-01 ")).toBe("12");
    expect(provinceOfUnitCode("3801234")).toBe("38");
  });

  it("refuses codes that name no province instead of guessing", () => {
    for (const code of ["01234", "T-X-1", "3", "380", "38012345", ""]) {
      expect(() => provinceOfUnitCode(code), code).toThrow(AppError);
    }
    try {
      provinceOfUnitCode("01234");
    } catch (err) {
      expect((err as AppError).messageKey).toBe("shard-unit-without-province");
      expect((err as AppError).args).toEqual({ code: "01234" });
    }
  });
});
