import { daysBetween } from "../time/day-math";

/** How a card stands on a given day, as the bot and `bhyt card status` say it. */
export type CardStatus = "valid" | "expiring" | "expired";

/** Cards expiring within this many days are "expiring": time to renew without a gap. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * `daysLeft` counts calendar days from `today` to `validTo` (0 on the last valid day,
 * negative once expired: -3 means it expired three days ago). A card without an end date
 * (rare in BHXH lists) counts as valid.
 */
export function cardStatus(validTo: string | null, today: string): { status: CardStatus; daysLeft: number | null } {
  if (!validTo) return { status: "valid", daysLeft: null };
  const daysLeft = daysBetween(today, validTo);
  if (daysLeft < 0) return { status: "expired", daysLeft };
  return { status: daysLeft <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid", daysLeft };
}
