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

/** The base salary in force on `on`: each step runs until the next one starts. */
export function baseSalaryOn(steps: readonly BaseSalaryStep[], on: string): BaseSalaryStep | undefined {
  return steps.filter((s) => s.validFrom <= on).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
