import { describe, expect, it } from "vitest";
import { cardCodeFacts } from "../../../src/core/cards/card-code-facts";
import { normaliseCardCode as normalizeCardCode } from "../../../src/core/cards/parse-card-code";

describe("card code facts", () => {
  it("reads group, benefit level, province and BHXH number from a legacy 15-character code", () => {
    expect(cardCodeFacts("GD4389900000001")).toEqual({
      code: "GD4389900000001", form: "legacy", groupCode: "GD", benefitLevel: 4, provinceCode: "38", bhxhNumber: "9900000001",
    });
  });

  it("normalises spacing, dashes and case as people type them off a card", () => {
    expect(normalizeCardCode(" gd-4 38 99000.00001 ")).toBe("GD4389900000001");
    expect(cardCodeFacts("hn 2 38 9900000002")?.groupCode).toBe("HN");
  });

  it("takes a 10-digit code as the BHXH number alone: it says nothing about group or level", () => {
    expect(cardCodeFacts("99 0000 0003")).toEqual({ code: "9900000003", form: "bhxh", groupCode: null, benefitLevel: null, provinceCode: null, bhxhNumber: "9900000003" });
  });

  it.each(["GD6389900000001", "GD0389900000001", "GD4009900000001", "G14389900000001", "GD43899000000011", "990000000", "GD438990000000A", ""])(
    "refuses %j",
    (code) => expect(cardCodeFacts(code)).toBeUndefined(),
  );
});
