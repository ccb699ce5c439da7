import { daysBetween } from "../time/day-math";

/**
 * How a card stands on a given day, as the bot and `bhyt card status` say it. "not_yet_valid":
 * paid, but the card starts later (the 30-day wait after a first enrolment or a long gap,
 * Luật 51/2024 Đ16 k3 c); it does not cover care before its start date.
 */
export type CardStatus = "not_yet_valid" | "valid" | "expiring" | "expired";

/** Cards expiring within this many days are "expiring": time to renew without a gap. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * `daysLeft` counts calendar days from `today` to `validTo` (0 on the last valid day,
 * negative once expired: -3 means it expired three days ago). A card without an end date
 * (rare in BHXH lists) counts as valid. `startsIn` counts days to `validFrom` when the card
 * has not started yet, else null.
 */
export function cardStatus(validTo: string | null, today: string, validFrom: string | null = null): { status: CardStatus; daysLeft: number | null; startsIn: number | null } {
  const daysLeft = validTo ? daysBetween(today, validTo) : null;
  if (validFrom && validFrom > today) return { status: "not_yet_valid", daysLeft, startsIn: daysBetween(today, validFrom) };
  if (daysLeft === null) return { status: "valid", daysLeft, startsIn: null };
  if (daysLeft < 0) return { status: "expired", daysLeft, startsIn: null };
  return { status: daysLeft <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid", daysLeft, startsIn: null };
}
