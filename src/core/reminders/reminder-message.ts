import { daysBetween } from "../time/day-math";
import type { DueCard } from "./due-cards";

/**
 * The reminder's template and variables (rendered at send time in the contact's language).
 * Names are not in the variables: the dispatcher opens and masks them when it sends
 * (`namesOf`, see maskedNamesOf), so the planner decrypts nothing and the outbox row holds no
 * name; the recipient knows who is meant.
 */
export function reminderMessage(members: readonly DueCard[], today: string): { templateKey: string; vars: Record<string, string | number>; namesOf: number[] } {
  const first = members[0]!;
  const days = daysBetween(today, first.validTo);
  const date = first.validTo.split("-").reverse().join("/");
  const namesOf = [...new Set(members.map((m) => m.personId))];
  if (days < 0) return { templateKey: "reminder-expired", vars: { date, days: -days, count: members.length }, namesOf };
  return { templateKey: "reminder-expiring", vars: { date, days, count: members.length }, namesOf };
}
