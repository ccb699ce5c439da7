import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { benefitLevelRates, groupBenefitLevels, participantGroups } from "../../db/schema";
import { rowsOn } from "../reference/effective-rows";

export interface GroupBenefit {
  ok: true;
  group: string;
  /** Benefit level 1–5 the group has on the date (group_benefit_levels). */
  level: number;
  /** Share of covered costs the fund pays at that level (benefit_level_rates). */
  percent: number;
}

export interface GroupBenefitRejection {
  ok: false;
  code: "unknown_group" | "no_rule_for_date";
  messageKey: string;
  args: Record<string, string | number>;
}

/**
 * The benefit level and percentage of a card group on `on` (YYYY-MM-DD), from the dated
 * reference tables: e.g. CN is level 3 (95 %) until 31/12/2025 and level 2 (100 %) from 1/1/2026.
 */
export async function lookupGroupBenefit(db: Db, groupInput: string, on: string): Promise<GroupBenefit | GroupBenefitRejection> {
  const group = groupInput.trim().toUpperCase();
  const [known] = await db.orm
    .select({ code: participantGroups.code })
    .from(participantGroups)
    .where(and(eq(participantGroups.code, group), eq(participantGroups.kind, "card")));
  if (!known) return { ok: false, code: "unknown_group", messageKey: "benefit-unknown-group", args: { group: groupInput.trim() } };
  const levels = await db.orm.select().from(groupBenefitLevels).where(eq(groupBenefitLevels.groupCode, group));
  const level = rowsOn(levels, on)[0]?.level;
  const rates = level === undefined ? [] : await db.orm.select().from(benefitLevelRates).where(eq(benefitLevelRates.level, level));
  const rate = rowsOn(rates, on)[0];
  if (level === undefined || !rate) return { ok: false, code: "no_rule_for_date", messageKey: "benefit-no-level", args: { group, date: on } };
  return { ok: true, group, level, percent: rate.percent };
}
