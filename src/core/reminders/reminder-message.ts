import { daysBetween } from "../time/day-math";
import type { DueCard } from "./due-cards";

/** The variables every reminder has: a ZNS template may use any of them as parameters. */
export const REMINDER_VARIABLES = ["names", "date", "days", "count"] as const;

/** Which reminder the household gets: before or after its first card's expiry. */
export function reminderTemplateKey(members: readonly DueCard[], today: string): "reminder-expiring" | "reminder-expired" {
  return daysBetween(today, members[0]!.validTo) < 0 ? "reminder-expired" : "reminder-expiring";
}

/**
 * The reminder's template and variables (rendered at send time in the contact's language).
 * Names are masked: an outbox row is not the place for a full name, and the recipient knows
 * who is meant.
 */
export function reminderMessage(members: readonly DueCard[], maskedNames: readonly string[], today: string): { templateKey: string; vars: Record<string, string | number> } {
  const first = members[0]!;
  const days = daysBetween(today, first.validTo);
  const date = first.validTo.split("-").reverse().join("/");
  const names = maskedNames.join(", ");
  const templateKey = reminderTemplateKey(members, today);
  return { templateKey, vars: { names, date, days: Math.abs(days), count: members.length } };
}
