import type { Db } from "../../db/client";
import { baseSalaries } from "../../db/schema";

/** One step of the base salary (lương cơ sở / mức tham chiếu) timeline, in đồng per month. */
export interface BaseSalaryStep {
  validFrom: string;
  amount: number;
  instrument: string;
}

export async function loadBaseSalaries(db: Db): Promise<BaseSalaryStep[]> {
  return db.orm.select({ validFrom: baseSalaries.validFrom, amount: baseSalaries.amount, instrument: baseSalaries.instrument }).from(baseSalaries);
}

/**
 * The 5-year co-payment threshold for calendar year `year`: `multiple` times the base salary,
 * month-weighted when it changes during the year (each month at the rate in force on its first
 * day), per NĐ 188/2025 Đ18 k2 c. The month-weighting is our reading of the decree's formula
 * (domain.md §1.4 does not quote it): UNCONFIRMED. Undefined before the first step.
 */
export function fiveYearThreshold(steps: readonly BaseSalaryStep[], year: number, multiple: number): number | undefined {
  let sum = 0;
  for (let month = 1; month <= 12; month++) {
    const step = baseSalaryOn(steps, `${year}-${String(month).padStart(2, "0")}-01`);
    if (!step) return undefined;
    sum += step.amount;
  }
  return Math.round((multiple * sum) / 12);
}

/** The base salary in force on `on`: each step runs until the next one starts. */
export function baseSalaryOn(steps: readonly BaseSalaryStep[], on: string): BaseSalaryStep | undefined {
  return steps.filter((s) => s.validFrom <= on).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
