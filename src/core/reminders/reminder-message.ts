import { daysBetween } from "../time/day-math";
import type { DueCard } from "./due-cards";

/** The variables every reminder has (`names` filled at send time): a ZNS template may use any of them as parameters. */
export const REMINDER_VARIABLES = ["names", "date", "days", "count", "group"] as const;

/** Every template a renewal reminder may use (`reminderTemplateKey`'s answers). */
export const REMINDER_TEMPLATE_KEYS = ["reminder-expiring", "reminder-expired"] as const;

/** Which reminder the household gets: before or after its first card's expiry. */
export function reminderTemplateKey(members: readonly Pick<DueCard, "validTo">[], today: string): "reminder-expiring" | "reminder-expired" {
  return daysBetween(today, members[0]!.validTo) < 0 ? "reminder-expired" : "reminder-expiring";
}

/**
 * The reminder's template and variables (rendered at send time in the contact's language).
 * Names are not in the variables: the dispatcher opens and masks them when it sends
 * (`namesOf`, see maskedNamesOf), so the planner decrypts nothing and the outbox row holds no
 * name; the recipient knows who is meant.
 */
export function reminderMessage(members: readonly Pick<DueCard, "validTo" | "personId" | "groupCode">[], today: string): { templateKey: string; vars: Record<string, string | number>; namesOf: number[] } {
  const first = members[0]!;
  const days = daysBetween(today, first.validTo);
  const date = first.validTo.split("-").reverse().join("/");
  const templateKey = reminderTemplateKey(members, today);
  const namesOf = [...new Set(members.map((m) => m.personId))];
  // `count` and `group` make the text's "gửi PHI 3 CN" price what this household pays: PHI alone
  // prices a household (GD) card, twice what a near-poor family owes after the state's share.
  return { templateKey, vars: { date, days: Math.abs(days), count: members.length, group: first.groupCode ?? "" }, namesOf };
}
