import { daysBetween } from "../time/day-math";
import type { DueCard } from "./due-cards";

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
  if (days < 0) return { templateKey: "reminder-expired", vars: { names, date, days: -days, count: members.length } };
  return { templateKey: "reminder-expiring", vars: { names, date, days, count: members.length } };
}
