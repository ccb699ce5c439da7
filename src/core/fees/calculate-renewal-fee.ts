import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  adminUnits,
  cardProvinceCodes,
  communeStatuses,
  communeStatusSupports,
  contributionRates,
  householdDiscounts,
  participantGroups,
  paymentPeriods,
  provinceSupports,
  stateSupports,
  type StateSupport,
} from "../../db/schema";
import { baseSalaryOn, loadBaseSalaries } from "../reference/base-salary";
import { rowsOn } from "../reference/effective-rows";
import { computeRenewalFee, type RenewalFee } from "./compute-fee";

/** What the bot's /phi and `bhyt fee` ask; omitted fields take the defaults below. */
export interface RenewalFeeInput {
  members?: number;
  group?: string;
  months?: number;
  /** Payment date (YYYY-MM-DD); callers pass today in Asia/Ho_Chi_Minh by default. */
  on: string;
  /** Card province code whose council's top-ups apply (pre-merger codes for pre-merger resolutions). */
  provinceCode?: string;
  /** The person's commune (admin_units id): its status on the date may raise the state's share (commune_statuses). */
  communeId?: number;
}

export type FeeRejectionCode = "bad_members" | "bad_months" | "unknown_group" | "unknown_province" | "unknown_commune" | "no_rule_for_date";

export interface FeeRejection {
  ok: false;
  code: FeeRejectionCode;
  /** Message id in messages/*.ftl; `args` fill it. */
  messageKey: string;
  args: Record<string, string | number>;
}

export const FEE_DEFAULTS = { members: 1, group: "GD", months: 12 } as const;
/** A sanity bound on one calculation, not a legal limit. */
export const MAX_MEMBERS = 20;

const reject = (code: FeeRejectionCode, messageKey: string, args: Record<string, string | number>): FeeRejection => ({ ok: false, code, messageKey, args });

/**
 * The renewal fee for `members` people of `group` paying `months` ahead on `on`, from the dated
 * rule tables (rate, base salary, household ladder, state and province support). Groups are
 * those with a state_supports row: the household scheme and the state-supported groups.
 */
export async function calculateRenewalFee(db: Db, input: RenewalFeeInput): Promise<RenewalFee | FeeRejection> {
  const members = input.members ?? FEE_DEFAULTS.members;
  const months = input.months ?? FEE_DEFAULTS.months;
  const group = (input.group ?? FEE_DEFAULTS.group).trim().toUpperCase();
  const provinceCode = input.provinceCode?.trim() || null;
  const { on } = input;
  if (!Number.isInteger(members) || members < 1 || members > MAX_MEMBERS) return reject("bad_members", "fee-bad-members", { members: String(members), max: MAX_MEMBERS });
  const periods = rowsOn(await db.orm.select().from(paymentPeriods), on).filter((p) => p.groupCode === "*" || p.groupCode === group);
  const allowed = [...new Set(periods.map((p) => p.months))].sort((a, b) => a - b);
  if (!Number.isInteger(months) || !allowed.includes(months)) return reject("bad_months", "fee-bad-months", { months: String(months), allowed: allowed.join(", ") });

  // Migration order (GD first) is the order the refusal lists the groups in.
  const supports = await db.orm.select().from(stateSupports).orderBy(asc(sql`rowid`));
  const groups = [...new Set(supports.map((s) => s.groupCode))];
  if (!groups.includes(group)) return reject("unknown_group", "fee-unknown-group", { group: input.group?.trim() ?? group, groups: groups.join(", ") });
  if (provinceCode !== null) {
    const [province] = await db.orm.select({ code: cardProvinceCodes.code }).from(cardProvinceCodes).where(eq(cardProvinceCodes.code, provinceCode)).limit(1);
    if (!province) return reject("unknown_province", "fee-unknown-province", { province: provinceCode });
  }

  const noRule = reject("no_rule_for_date", "fee-no-rule", { group, date: on });
  const steps = await loadBaseSalaries(db);
  const baseSalary = baseSalaryOn(steps, on);
  // The base salary changes by decree, usually on 1/7; past the newest step's year the rate is only the latest known.
  const newest = steps.reduce((a, b) => (b.validFrom > a ? b.validFrom : a), "");
  const baseSalaryLatestKnown = baseSalary !== undefined && baseSalary.validFrom === newest && on.slice(0, 4) > newest.slice(0, 4);
  const rate = rowsOn(await db.orm.select().from(contributionRates), on)[0];
  const national = rowsOn(supports.filter((s) => s.groupCode === group), on)[0];
  const commune = input.communeId === undefined ? undefined : await communeSupport(db, input.communeId, group, on);
  if (commune === null) return reject("unknown_commune", "fee-unknown-commune", { commune: String(input.communeId) });
  // The commune's status replaces the national floor only where it gives more.
  const raised = national && commune?.support && commune.support.percentBp > national.percentBp ? commune.support : undefined;
  const stateSupport = raised ?? national;
  if (!baseSalary || !rate || !stateSupport) return noRule;
  const ladder = rowsOn(await db.orm.select().from(householdDiscounts).where(eq(householdDiscounts.groupCode, group)), on);
  const topUps =
    provinceCode === null
      ? []
      : rowsOn(await db.orm.select().from(provinceSupports).where(and(eq(provinceSupports.provinceCode, provinceCode), eq(provinceSupports.groupCode, group))), on);
  const [names] = await db.orm.select({ vi: participantGroups.nameVi, en: participantGroups.nameEn }).from(participantGroups).where(eq(participantGroups.code, group));
  return computeRenewalFee(
    { members, group, months, on, provinceCode },
    {
      baseSalary, baseSalaryLatestKnown, rate, ladder, stateSupport, provinceSupports: topUps, groupName: names ?? { vi: group, en: group },
      commune: commune ? { code: commune.code, name: commune.name, status: raised ? commune.status : null } : null,
    },
  );
}

/**
 * The commune `communeId` and, when its status on `on` (poor commune, ethnic-minority area…)
 * gives `group` a share, the best such share; null for an id that is no unit.
 */
async function communeSupport(db: Db, communeId: number, group: string, on: string) {
  const [unit] = await db.orm.select({ code: adminUnits.code, name: adminUnits.name }).from(adminUnits).where(eq(adminUnits.id, communeId));
  if (!unit) return null;
  const statuses = rowsOn(await db.orm.select().from(communeStatuses).where(eq(communeStatuses.unitCode, unit.code)), on).map((s) => s.status);
  const rows = statuses.length === 0 ? [] : rowsOn(await db.orm.select().from(communeStatusSupports).where(eq(communeStatusSupports.groupCode, group)), on).filter((r) => statuses.includes(r.status));
  const best = rows.sort((a, b) => b.percentBp - a.percentBp)[0];
  const support: StateSupport | undefined = best && { groupCode: group, validFrom: best.validFrom, validTo: best.validTo, percentBp: best.percentBp, source: best.source };
  return { ...unit, status: best?.status ?? null, support };
}
