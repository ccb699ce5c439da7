import type { Db } from "../../db/client";
import { waitingRules, type WaitingRule } from "../../db/schema";
import { rowsOn } from "../reference/effective-rows";
import { addDays, daysBetween } from "../time/day-math";

/**
 * Which rule set the start date: first enrolment, a lapse of 90 days or more, a renewal paid
 * before the old card expired, or a shorter lapse.
 */
export type RenewalRule = "first_enrolment" | "lapsed" | "continuous" | "short_gap";

export interface RenewalStart {
  /** First day the new card is valid (YYYY-MM-DD). */
  startsOn: string;
  rule: RenewalRule;
  /** Days from the old card's last day to the payment day (0 when paid in time); null on first enrolment. */
  gapDays: number | null;
  /** False when the rule is not confirmed by a legal text (the short-gap case). */
  confirmed: boolean;
  /** Message id in messages/*.ftl explaining the rule; args: date, gap, wait. */
  messageKey: string;
}

/** Luật 51/2024/QH15 Đ1 k14 b (Law Đ16 k3 c): a card waits this long after payment… */
export const WAITING_DAYS = 30;
/** …on first enrolment or after a gap in participation of this many days or more. */
export const LAPSE_DAYS = 90;

/** The rule in force since 1/7/2025, for callers without the table (migration 0011 holds both, dated). */
const CURRENT_RULE: Pick<WaitingRule, "waitDays" | "gapUnit" | "gapLength"> = { waitDays: WAITING_DAYS, gapUnit: "days", gapLength: LAPSE_DAYS };

export async function loadWaitingRules(db: Db): Promise<readonly WaitingRule[]> {
  // Every tally's progress line reads them (lapses): kept per database while the reference
  // data stays the same (`Db.referenceVersion`; D1 cannot tell, so it reads them each time).
  const version = db.referenceVersion?.();
  if (version === undefined) return db.orm.select().from(waitingRules);
  const hit = waitingRuleCache.get(db);
  if (hit?.version === version) return hit.rules;
  const rules = Object.freeze(await db.orm.select().from(waitingRules));
  waitingRuleCache.set(db, { version, rules });
  return rules;
}

const waitingRuleCache = new WeakMap<Db, { version: string; rules: readonly WaitingRule[] }>();

/** The waiting rule in force on the payment day (`paidOn`). */
export function waitingRuleOn(rules: readonly WaitingRule[], paidOn: string): WaitingRule | undefined {
  return rowsOn(rules, paidOn)[0];
}

/** `iso` plus whole calendar months, clamped to the month's last day (31/1 + 1 → 28 or 29/2). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(y, m - 1 + months, Math.min(d, last)));
  return t.toISOString().slice(0, 10);
}

/**
 * Whether the gap is long enough to wait. Before 1/7/2025 (Luật 46/2014 Đ16 k3 c) a gap counted
 * "from 3 months within the fiscal year": read literally, only the part of the gap inside the
 * payment's calendar year counts. From 1/7/2025, 90 days or more.
 */
function isLongGap(previousValidTo: string, paidOn: string, gapDays: number, rule: Pick<WaitingRule, "gapUnit" | "gapLength">): boolean {
  if (rule.gapUnit === "days") return gapDays >= rule.gapLength;
  const yearStart = `${paidOn.slice(0, 4)}-01-01`;
  const firstMissed = addDays(previousValidTo, 1);
  const from = firstMissed > yearStart ? firstMissed : yearStart;
  return addMonths(from, rule.gapLength) <= paidOn;
}

/**
 * When a self-paid or supported card (groups k4, k5) takes effect after payment on `paidOn`.
 * Paid on or before the old card's last day: the day after it (Law Đ16 k3 b). First enrolment,
 * or a long gap (`rule`, dated in waiting_rules): 30 days after payment. A shorter lapse has no wait; that
 * the card then runs from the payment day is domain.md §4's best reading, UNCONFIRMED.
 * The gap counts days from the last valid day to the payment day (paying the next day is 1).
 */
export function renewalStart(
  input: { previousValidTo?: string | null; paidOn: string },
  rule: Pick<WaitingRule, "waitDays" | "gapUnit" | "gapLength"> = CURRENT_RULE,
): RenewalStart {
  const { previousValidTo, paidOn } = input;
  if (!previousValidTo) {
    return { startsOn: addDays(paidOn, rule.waitDays), rule: "first_enrolment", gapDays: null, confirmed: true, messageKey: "renewal-first-enrolment" };
  }
  const gapDays = daysBetween(previousValidTo, paidOn);
  if (gapDays <= 0) return { startsOn: addDays(previousValidTo, 1), rule: "continuous", gapDays: 0, confirmed: true, messageKey: "renewal-continuous" };
  if (isLongGap(previousValidTo, paidOn, gapDays, rule)) {
    return { startsOn: addDays(paidOn, rule.waitDays), rule: "lapsed", gapDays, confirmed: true, messageKey: rule.gapUnit === "days" ? "renewal-lapsed" : "renewal-lapsed-fiscal" };
  }
  return { startsOn: paidOn, rule: "short_gap", gapDays, confirmed: false, messageKey: "renewal-short-gap" };
}
