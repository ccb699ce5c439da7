import { describe, expect, it } from "vitest";
import { computeRenewalFee, type FeeRules } from "../../../src/core/fees/compute-fee";

const rules = (supportBp: number, topUpBp = 0): FeeRules => ({
  baseSalary: { validFrom: "2019-07-01", amount: 1_490_000, instrument: "NĐ 38/2019/NĐ-CP" },
  rate: { validFrom: "2019-07-01", validTo: null, rateBp: 450, instrument: "test", source: "test" },
  ladder: [],
  stateSupport: { groupCode: "GB", validFrom: "2019-07-01", validTo: null, percentBp: supportBp, source: "test" },
  provinceSupports: topUpBp ? [{ provinceCode: "99", groupCode: "GB", validFrom: "2019-07-01", validTo: null, percentBp: topUpBp, instrument: "demo", source: "demo", isDemo: true }] : [],
  groupName: { vi: "GB", en: "GB" },
});
const request = { members: 2, group: "GB", months: 3, on: "2020-01-01", provinceCode: "99" };

describe("computeRenewalFee rounding", () => {
  it("rounds each member's amount once, halves up, and totals the rounded amounts", () => {
    // 1,490,000 × 4.5 % × 3 = 201,150; × 85 % = 170,977.5 → 170,978.
    const f = computeRenewalFee(request, rules(1000, 500));
    expect(f.perMember.map((m) => [m.fullAmount, m.supportAmount, m.amount])).toEqual([[201_150, 30_172, 170_978], [201_150, 30_172, 170_978]]);
    expect(f.total).toBe(341_956);
    expect(f.sources.provinceSupport).toEqual(["DEMO: demo"]);
  });

  it("keeps fractions of a percent exact (no float drift)", () => {
    // 201,150 × (100 − 33.33) % = 134,106.705 → 134,107.
    expect(computeRenewalFee({ ...request, members: 1 }, rules(3333)).total).toBe(134_107);
  });
});
