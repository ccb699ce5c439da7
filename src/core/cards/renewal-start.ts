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

/**
 * When a self-paid or supported card (groups k4, k5) takes effect after payment on `paidOn`.
 * Paid on or before the old card's last day: the day after it (Law Đ16 k3 b). First enrolment,
 * or paid 90 days or more after it: 30 days after payment. A shorter lapse has no wait; that
 * the card then runs from the payment day is domain.md §4's best reading, UNCONFIRMED.
 * The gap counts days from the last valid day to the payment day (paying the next day is 1).
 */
export function renewalStart(input: { previousValidTo?: string | null; paidOn: string }): RenewalStart {
  const { previousValidTo, paidOn } = input;
  if (!previousValidTo) {
    return { startsOn: addDays(paidOn, WAITING_DAYS), rule: "first_enrolment", gapDays: null, confirmed: true, messageKey: "renewal-first-enrolment" };
  }
  const gapDays = daysBetween(previousValidTo, paidOn);
  if (gapDays <= 0) return { startsOn: addDays(previousValidTo, 1), rule: "continuous", gapDays: 0, confirmed: true, messageKey: "renewal-continuous" };
  if (gapDays >= LAPSE_DAYS) return { startsOn: addDays(paidOn, WAITING_DAYS), rule: "lapsed", gapDays, confirmed: true, messageKey: "renewal-lapsed" };
  return { startsOn: paidOn, rule: "short_gap", gapDays, confirmed: false, messageKey: "renewal-short-gap" };
}
