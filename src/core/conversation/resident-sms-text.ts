import type { Locale } from "../../config";
import { calculateRenewalFee } from "../fees/calculate-renewal-fee";
import { assessCard } from "../residents/card-assessment";
import type { VerifiedCard } from "../residents/find-card";
import { householdSize } from "../residents/household-size";
import { maskName } from "../residents/mask-name";
import { formatDate } from "../text/format-date";
import type { ConversationDeps } from "./conversation-deps";

/**
 * A verified card as an SMS: what a resident must know in two accented parts (three
 * unaccented) instead of the chat's full page cut at four parts, which lost the payment
 * advice and the subscribe choice. Status and end date, the benefit percentage, who renews
 * and, when it is the family, the year's amount and where to pay. The full page stays on
 * Telegram and Zalo; the SMS says where to read the rules (VssID).
 */
export async function describeCardForSms(deps: ConversationDeps, locale: Locale, card: VerifiedCard, today: string): Promise<string> {
  const t = (key: string, args?: Record<string, string | number>) => deps.t(locale, key, args);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : "—");
  const a = await assessCard(deps.db, card, today);
  const name = maskName(card.fullName);
  const percent = a.benefit?.percent ?? 0;
  const status =
    a.status === "not_yet_valid"
      ? t("sms-card-not-yet-valid", { name, from: date(a.startsOn) })
      : a.status === "expired"
        ? t("sms-card-expired", { name, to: date(card.validTo) })
        : t(a.status === "expiring" ? "sms-card-expiring" : "sms-card-valid", { name, to: date(card.validTo), days: a.daysLeft ?? 0, percent });
  const lines = [status];
  const { payer, via } = a.who;
  if (payer === "self" && via !== "school" && a.status !== "not_yet_valid") {
    const members = card.groupCode === "GD" ? await householdSize(deps.db, card) : 1;
    const fee = await calculateRenewalFee(deps.db, { members, group: card.groupCode ?? undefined, months: 12, on: today, provinceCode: card.provinceCode ?? undefined, communeId: card.commune?.id });
    // A household's fee only for a household card (the ladder); other groups pay per person.
    const feeKey = card.groupCode === "GD" ? "sms-card-fee" : "sms-card-fee-person";
    lines.push(fee.ok ? t(feeKey, { members, total: fee.total }) : t("sms-card-renew-self"));
  } else if (payer === "self") {
    lines.push(t("sms-card-renew-school"));
  } else if (payer === "family") {
    lines.push(t("sms-card-child-ends", { to: date(card.validTo) }));
  } else if (payer !== "unknown") {
    lines.push(t("sms-card-renewed-by-others"));
  }
  return lines.join("\n");
}
