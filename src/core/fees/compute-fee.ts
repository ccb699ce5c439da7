import type { ContributionRate, HouseholdDiscount, ProvinceSupport, StateSupport } from "../../db/schema";
import type { BaseSalaryStep } from "../reference/base-salary";

/** The rule rows that apply to one group on one date (and province), as the database has them. */
export interface FeeRules {
  baseSalary: BaseSalaryStep;
  /** The step is the newest the tables know and the date is in a later year: a rise may have been decided since. */
  baseSalaryLatestKnown?: boolean;
  rate: ContributionRate;
  /** Household ladder rows of the group on the date; empty when the group has no ladder. */
  ladder: readonly HouseholdDiscount[];
  stateSupport: StateSupport;
  provinceSupports: readonly ProvinceSupport[];
  groupName: { vi: string; en: string };
  /** The person's commune, and the status that raised the state's share there (null: the national floor applies). */
  commune?: FeeCommune | null;
}

/** A commune the fee was asked for; `status` (poor, ethnic_minority_disadvantaged…) is set only when it raised the support. */
export interface FeeCommune {
  code: string;
  name: string;
  status: string | null;
}

/** A validated request: the defaults (1 member, GD, 12 months) are already filled in. */
export interface FeeRequest {
  members: number;
  group: string;
  months: number;
  on: string;
  provinceCode: string | null;
}

export interface MemberFee {
  /** Position in the household (1 = first member). */
  index: number;
  /** Share of the first member's contribution this member owes before support (household ladder). */
  ladderPercent: number;
  /** Contribution before state and province support. */
  fullAmount: number;
  supportPercent: number;
  supportAmount: number;
  /** What the member pays. */
  amount: number;
}

export interface RenewalFee {
  ok: true;
  on: string;
  group: string;
  groupName: { vi: string; en: string };
  members: number;
  months: number;
  provinceCode: string | null;
  /** The commune asked for (`bhyt fee --commune`, the card's commune in the look-up); null when none. */
  commune: FeeCommune | null;
  baseSalary: number;
  baseSalaryFrom: string;
  /** True when the base salary is only the latest known rate for the date (said so to the reader, never assumed silently). */
  baseSalaryLatestKnown: boolean;
  /** Monthly contribution as a percentage of the base salary (4.5). */
  ratePercent: number;
  /** One full monthly contribution (rate × base salary), before ladder and support. */
  monthlyAmount: number;
  stateSupportPercent: number;
  provinceSupportPercent: number;
  perMember: MemberFee[];
  totalSupport: number;
  total: number;
  /** Instruments behind the figures, for people who ask "says who?". */
  sources: { baseSalary: string; rate: string; stateSupport: string; provinceSupport: string[] };
}

const BP = 10_000n;

/**
 * `numerator / denominator` rounded to the nearest đồng, halves up (all values are positive).
 * BigInt keeps it exact: base × rate × months × ladder × share runs past 2^53.
 */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

const percent = (bp: number) => bp / 100;

/** The ladder share (basis points) of the member at `index`: the row with the highest start not after it. */
function ladderBp(ladder: readonly HouseholdDiscount[], index: number): number {
  const row = [...ladder].filter((r) => r.fromMember <= index).sort((a, b) => b.fromMember - a.fromMember)[0];
  return row?.percentBp ?? 10_000;
}

/**
 * The renewal fee, member by member. Each amount is base × rate × months × ladder × (1 −
 * support), computed exactly and rounded once to a whole đồng (halves up); the total is the sum
 * of the rounded amounts, so it equals what the collector writes on the receipts. Support is the
 * national share plus province top-ups, capped at 100 %.
 */
export function computeRenewalFee(request: FeeRequest, rules: FeeRules): RenewalFee {
  const base = BigInt(rules.baseSalary.amount);
  const rate = BigInt(rules.rate.rateBp);
  const months = BigInt(request.months);
  const provinceBp = rules.provinceSupports.reduce((sum, r) => sum + r.percentBp, 0);
  const supportBp = Math.min(10_000, rules.stateSupport.percentBp + provinceBp);
  const perMember: MemberFee[] = [];
  for (let index = 1; index <= request.members; index++) {
    const ladder = BigInt(ladderBp(rules.ladder, index));
    const gross = base * rate * months * ladder;
    const fullAmount = roundHalfUp(gross, BP * BP);
    const amount = roundHalfUp(gross * (BP - BigInt(supportBp)), BP * BP * BP);
    perMember.push({ index, ladderPercent: percent(Number(ladder)), fullAmount, supportPercent: percent(supportBp), supportAmount: fullAmount - amount, amount });
  }
  return {
    ok: true,
    on: request.on,
    group: request.group,
    groupName: rules.groupName,
    members: request.members,
    months: request.months,
    provinceCode: request.provinceCode,
    commune: rules.commune ?? null,
    baseSalary: rules.baseSalary.amount,
    baseSalaryFrom: rules.baseSalary.validFrom,
    baseSalaryLatestKnown: rules.baseSalaryLatestKnown ?? false,
    ratePercent: percent(rules.rate.rateBp),
    monthlyAmount: roundHalfUp(base * rate, BP),
    stateSupportPercent: percent(rules.stateSupport.percentBp),
    provinceSupportPercent: percent(provinceBp),
    perMember,
    totalSupport: perMember.reduce((sum, m) => sum + m.supportAmount, 0),
    total: perMember.reduce((sum, m) => sum + m.amount, 0),
    sources: {
      baseSalary: rules.baseSalary.instrument,
      rate: rules.rate.instrument,
      stateSupport: rules.stateSupport.source,
      provinceSupport: rules.provinceSupports.map((r) => (r.isDemo ? `DEMO: ${r.instrument}` : r.instrument)),
    },
  };
}
