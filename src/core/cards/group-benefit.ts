import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participantGroups } from "../../db/schema";
import { effectiveBenefit, loadBenefitTables } from "./effective-benefit";

export interface GroupBenefit {
  ok: true;
  group: string;
  /** Benefit level 1–5 the group has on the date (group_benefit_levels). */
  level: number;
  /** Share of covered costs the fund pays at that level (benefit_level_rates). */
  percent: number;
  /** Transport between facilities is paid for the group (group_transports). */
  transport: boolean;
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
 * `printedLevel` is the digit on the card, if any: the same `effectiveBenefit` as the look-up.
 */
export async function lookupGroupBenefit(db: Db, groupInput: string, on: string, printedLevel: number | null = null): Promise<GroupBenefit | GroupBenefitRejection> {
  const group = groupInput.trim().toUpperCase();
  const [known] = await db.orm
    .select({ code: participantGroups.code })
    .from(participantGroups)
    .where(and(eq(participantGroups.code, group), eq(participantGroups.kind, "card")));
  if (!known) return { ok: false, code: "unknown_group", messageKey: "benefit-unknown-group", args: { group: groupInput.trim() } };
  const benefit = effectiveBenefit({ group, printedLevel, on }, await loadBenefitTables(db));
  if (!benefit) return { ok: false, code: "no_rule_for_date", messageKey: "benefit-no-level", args: { group, date: on } };
  return { ok: true, group, level: benefit.level, percent: benefit.percent, transport: benefit.transport === true };
}
