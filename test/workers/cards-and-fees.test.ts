import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadCardCodeVocabulary } from "../../src/core/cards/card-code-vocabulary";
import { describeBenefit, loadBenefitReference } from "../../src/core/cards/describe-benefit";
import { lookupGroupBenefit } from "../../src/core/cards/group-benefit";
import { parseCardCode } from "../../src/core/cards/parse-card-code";
import { calculateRenewalFee } from "../../src/core/fees/calculate-renewal-fee";
import { createD1Db } from "../../src/entry/d1-db";

const db = createD1Db(env.DB);

describe("card and fee rules on D1 (workerd)", () => {
  it("applies the contribution_rules migration with its reference rows", async () => {
    const counts = await env.DB.prepare(
      `select (select count(*) from card_province_codes) as provinces, (select count(*) from household_discounts) as ladder,
              (select count(*) from state_supports) as supports, (select count(*) from benefit_level_rates) as levels`,
    ).first<{ provinces: number; ladder: number; supports: number; levels: number }>();
    expect(counts).toEqual({ provinces: 72, ladder: 5, supports: 7, levels: 5 });
  });

  it("computes a household fee with the ladder and the 2026 base salary", async () => {
    const fee = await calculateRenewalFee(db, { on: "2026-07-01", members: 5, months: 12 });
    expect(fee).toMatchObject({ ok: true, baseSalary: 2_530_000, total: 1_366_200 + 956_340 + 819_720 + 683_100 + 546_480 });
    expect(await calculateRenewalFee(db, { on: "2025-07-01", group: "HS" })).toMatchObject({ ok: true, stateSupportPercent: 50, total: 631_800 });
    expect(await calculateRenewalFee(db, { on: "2026-07-01", months: 4 })).toMatchObject({ ok: false, code: "bad_months" });
  });

  it("parses a card and looks up its group's benefit on D1", async () => {
    expect(parseCardCode("cn 3 64 0120152431", await loadCardCodeVocabulary(db))).toMatchObject({ ok: true, group: "CN", provinceCode: "64" });
    expect(await lookupGroupBenefit(db, "CN", "2026-01-01")).toEqual({ ok: true, group: "CN", level: 2, percent: 100, transport: false });
    expect(describeBenefit(4, "2026-07-01", await loadBenefitReference(db))?.lines[2]).toEqual({ key: "benefit-rule-low-cost", args: { percent: 15, amount: 379_500 } });
  });
});
