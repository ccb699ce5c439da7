import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBenefit, loadBenefitReference, type BenefitReference } from "../../../src/core/cards/describe-benefit";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestTranslator } from "../../helpers/test-db";

let db: SqliteDb;
let reference: BenefitReference;
beforeAll(async () => {
  db = createTestDb();
  reference = await loadBenefitReference(db);
});
afterAll(() => db.close());

const keys = (level: number, on: string, transport: boolean | null = true) => describeBenefit(level, on, reference, transport)?.lines.map((l) => l.key);

describe("describeBenefit", () => {
  it("explains level 4 with the general rules, amounts from the base salary of the day", () => {
    expect(describeBenefit(4, "2026-06-30", reference)).toEqual({
      level: 4,
      percent: 80,
      lines: [
        { key: "benefit-level-share", args: { level: 4, percent: 80, copay: 20 } },
        { key: "benefit-caps-apply", args: {} },
        { key: "benefit-rule-low-cost", args: { percent: 15, amount: 351_000 } },
        { key: "benefit-rule-primary-care", args: { percent: 100 } },
        // 2026: six months at 2,340,000 then six at 2,530,000 (NĐ 188/2025 Đ18 k2 c).
        { key: "benefit-rule-five-years", args: { months: 6, amount: 14_610_000 } },
        { key: "benefit-rule-self-referral", args: { percent: 40 } },
      ],
    });
    const after = describeBenefit(4, "2026-07-01", reference)!.lines;
    expect(after.find((l) => l.key === "benefit-rule-low-cost")?.args.amount).toBe(379_500);
    expect(after.find((l) => l.key === "benefit-rule-five-years")?.args.amount).toBe(14_610_000);
  });

  it("uses 6 times the base salary in a year without a change, and the month-weighted formula in a year with one", () => {
    const steps = reference.baseSalaries.map((s) => s.validFrom).sort();
    const change = steps.at(-1)!; // the newest step
    const year = Number(change.slice(0, 4));
    const amountIn = (y: number) => describeBenefit(4, `${y}-03-01`, reference)!.lines.find((l) => l.key === "benefit-rule-five-years")?.args.amount;
    const base = (on: string) => [...reference.baseSalaries].filter((s) => s.validFrom <= on).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!.amount;
    expect(amountIn(year + 1)).toBe(6 * base(change));
    const monthsBefore = Number(change.slice(5, 7)) - 1;
    expect(amountIn(year)).toBe(Math.round((6 * (base(`${year}-01-01`) * monthsBefore + base(change) * (12 - monthsBefore))) / 12));
  });

  it("gives each level its own meaning: caps, transport, costs outside the package", () => {
    expect(keys(1, "2026-01-01")).toEqual(["benefit-level-share", "benefit-caps-none", "benefit-transport", "benefit-rule-self-referral"]);
    expect(keys(2, "2026-01-01")).toEqual(["benefit-level-share", "benefit-caps-apply", "benefit-transport", "benefit-rule-self-referral"]);
    expect(describeBenefit(3, "2026-01-01", reference)?.lines[0]).toEqual({ key: "benefit-level-share", args: { level: 3, percent: 95, copay: 5 } });
    expect(keys(5, "2026-01-01")).toEqual(["benefit-level-share", "benefit-caps-none", "benefit-transport", "benefit-outside-package", "benefit-rule-self-referral"]);
  });

  it("tells transport only when the group is one the law lists (Đ21 k1 b), not for every level 2", () => {
    expect(keys(2, "2026-01-01", false)).not.toContain("benefit-transport");
    expect(keys(2, "2026-01-01", null)).not.toContain("benefit-transport");
  });

  it("leaves out rules that did not apply yet, and unknown levels", () => {
    // The 40 % self-referral share comes with Law 51/2024, from 1/1/2025.
    expect(keys(4, "2024-12-31")).not.toContain("benefit-rule-self-referral");
    expect(keys(4, "2025-01-01")).toContain("benefit-rule-self-referral");
    expect(describeBenefit(6, "2026-01-01", reference)).toBeNull();
  });

  it("renders in both languages", () => {
    const t = createTestTranslator();
    const lines = describeBenefit(4, "2026-07-01", reference)!.lines;
    expect(t("vi", lines[2]!.key, lines[2]!.args)).toBe("Lần khám có tổng chi phí dưới 15% lương cơ sở (dưới 379.500 đồng) được trả 100%.");
    expect(t("en", lines[0]!.key, lines[0]!.args)).toBe("Benefit code 4: the BHYT fund pays 80% of covered medical costs; the patient co-pays 20%.");
    const full = describeBenefit(2, "2026-07-01", reference)!.lines[0]!;
    expect(t("vi", full.key, full.args)).toBe("Mã quyền lợi 2: mức hưởng 100% (quỹ BHYT trả) chi phí khám, chữa bệnh trong phạm vi được hưởng; người bệnh không phải cùng chi trả.");
  });
});
