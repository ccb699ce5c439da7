import type { Db } from "../../db/client";
import { benefitLevelRates, benefitRuleValues, type BenefitLevelRate, type BenefitRule, type BenefitRuleValue } from "../../db/schema";
import { baseSalaryOn, fiveYearThreshold, loadBaseSalaries, type BaseSalaryStep } from "../reference/base-salary";
import { rowsOn } from "../reference/effective-rows";

/** One sentence to show: a message id in messages/*.ftl and its arguments (amounts in đồng). */
export interface MessageLine {
  key: string;
  args: Record<string, string | number>;
}

export interface BenefitDescription {
  level: number;
  percent: number;
  lines: MessageLine[];
}

/** The dated tables behind a description; loaded once, reused for any level and date. */
export interface BenefitReference {
  levelRates: readonly BenefitLevelRate[];
  ruleValues: readonly BenefitRuleValue[];
  baseSalaries: readonly BaseSalaryStep[];
}

export async function loadBenefitReference(db: Db): Promise<BenefitReference> {
  const levelRates = await db.orm.select().from(benefitLevelRates);
  const ruleValues = await db.orm.select().from(benefitRuleValues);
  return { levelRates, ruleValues, baseSalaries: await loadBaseSalaries(db) };
}

const roundDong = (value: number) => Math.round(value);

/**
 * What benefit level `level` means on `on`, in plain language: the share the fund pays, caps,
 * and the general rules (domain.md §1.2, §1.4, §2.4). Rules whose numbers have no row for the
 * date are left out; amounts use the base salary in force that day. Transport is told only when
 * `transport` is true: the law lists groups for it, not levels (`effectiveBenefit`). Null when
 * the level has no rate on the date.
 */
export function describeBenefit(level: number, on: string, reference: BenefitReference, transport: boolean | null = null): BenefitDescription | null {
  const rate = rowsOn(reference.levelRates.filter((r) => r.level === level), on)[0];
  if (!rate) return null;
  const rule = (name: BenefitRule) => rowsOn(reference.ruleValues.filter((r) => r.rule === name), on)[0]?.value;
  const base = baseSalaryOn(reference.baseSalaries, on)?.amount;
  const lines: MessageLine[] = [{ key: "benefit-level-share", args: { level, percent: rate.percent, copay: 100 - rate.percent } }];
  lines.push({ key: rate.ratioCaps ? "benefit-caps-apply" : "benefit-caps-none", args: {} });
  if (transport) lines.push({ key: "benefit-transport", args: {} });
  if (rate.outsidePackage) lines.push({ key: "benefit-outside-package", args: {} });
  // The 100 % exceptions only matter to levels that otherwise leave a co-payment.
  if (rate.percent < 100) {
    const lowCost = rule("low_cost_visit");
    if (lowCost !== undefined && base !== undefined) lines.push({ key: "benefit-rule-low-cost", args: { percent: lowCost, amount: roundDong((base * lowCost) / 100) } });
    const primary = rule("primary_care");
    if (primary !== undefined) lines.push({ key: "benefit-rule-primary-care", args: { percent: primary } });
    const months = rule("five_year_copay");
    const threshold = months === undefined ? undefined : fiveYearThreshold(reference.baseSalaries, Number(on.slice(0, 4)), months);
    if (months !== undefined && threshold !== undefined) lines.push({ key: "benefit-rule-five-years", args: { months, amount: threshold } });
  }
  const selfReferral = rule("self_referral_inpatient_specialised");
  if (selfReferral !== undefined) lines.push({ key: "benefit-rule-self-referral", args: { percent: selfReferral } });
  return { level, percent: rate.percent, lines };
}
