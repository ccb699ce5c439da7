import type { Db } from "../../db/client";
import { benefitLevelRates, groupBenefitLevels, groupTransports, type BenefitLevelRate, type GroupTransport } from "../../db/schema";
import { appliesOn, rowsOn } from "../reference/effective-rows";

type GroupLevelRow = typeof groupBenefitLevels.$inferSelect;

/** The dated tables behind a card's benefit: group levels, level rates, and the groups whose transport is paid. */
export interface BenefitTables {
  groupLevels: readonly GroupLevelRow[];
  levelRates: readonly BenefitLevelRate[];
  transports: readonly GroupTransport[];
}

export async function loadBenefitTables(db: Db): Promise<BenefitTables> {
  const [groupLevels, levelRates, transports] = [
    await db.orm.select().from(groupBenefitLevels),
    await db.orm.select().from(benefitLevelRates),
    await db.orm.select().from(groupTransports),
  ];
  return { groupLevels, levelRates, transports };
}

/** What a card is worth on the day of care: the level applied, not necessarily the printed digit. */
export interface EffectiveBenefit {
  /** Benefit level (mã quyền lợi) applied on the date. */
  level: number;
  /** Share of covered costs the fund pays (mức hưởng), in whole percent. */
  percent: number;
  /** The digit printed on the card, when the code shows one. */
  printedLevel: number | null;
  /** "group": the group's level on the date outranks the printed digit (e.g. CN3 from 1/1/2026). */
  from: "group" | "printed";
  /** Transport between facilities is paid; null when the group is unknown (a 10-digit code). */
  transport: boolean | null;
}

/** Better first: a higher share, then costs outside the package, then no ratio caps (5 > 1 > 2 > 3 > 4). */
function rank(rate: BenefitLevelRate): number {
  return rate.percent * 4 + (rate.outsidePackage ? 2 : 0) + (rate.ratioCaps ? 0 : 1);
}

/**
 * The benefit of a card of `group` printed with `printedLevel`, for care on `on`: the better of
 * the printed level and the level the group has on that date (a person in several groups gets
 * the highest, Luật BHYT Đ22 k2; a recoding such as NQ 261/2025/QH15 for CN and LH applies
 * whatever the card prints). One rule for `bhyt card status`, `bhyt card benefit` and the bot.
 */
export function effectiveBenefit(input: { group: string | null; printedLevel: number | null; on: string }, tables: BenefitTables): EffectiveBenefit | null {
  const group = input.group?.trim().toUpperCase() || null;
  const rateOf = (level: number) => rowsOn(tables.levelRates.filter((r) => r.level === level), input.on)[0];
  const groupLevel = group === null ? undefined : rowsOn(tables.groupLevels.filter((r) => r.groupCode === group), input.on)[0]?.level;
  const printed = input.printedLevel === null ? undefined : rateOf(input.printedLevel);
  const fromGroup = groupLevel === undefined ? undefined : rateOf(groupLevel);
  const chosen = fromGroup && (!printed || rank(fromGroup) > rank(printed)) ? { rate: fromGroup, from: "group" as const } : printed ? { rate: printed, from: "printed" as const } : undefined;
  if (!chosen) return null;
  const transport = group === null ? null : tables.transports.some((t) => t.groupCode === group && appliesOn(t, input.on));
  return { level: chosen.rate.level, percent: chosen.rate.percent, printedLevel: input.printedLevel, from: chosen.from, transport };
}
