import type { Locale } from "../../config";
import { describeBenefit, loadBenefitReference } from "../cards/describe-benefit";
import { renewalStart, WAITING_DAYS } from "../cards/renewal-start";
import { cardStatus } from "../residents/card-status";
import { householdSize } from "../residents/household-size";
import { feeText } from "./fee-reply";
import type { VerifiedCard } from "../residents/find-card";
import { maskName } from "../residents/mask-name";
import { renewalPayer } from "../residents/renewal-payer";
import { formatDate } from "../text/format-date";
import type { ConversationDeps } from "./conversation-deps";

/**
 * A verified card in plain words: who (masked), valid from/to, status, benefit level and
 * what it means, facility, the 5-year date, and who renews it.
 */
export async function describeCard(deps: ConversationDeps, locale: Locale, card: VerifiedCard, today: string): Promise<string> {
  const t = (key: string, args?: Record<string, string | number>) => deps.t(locale, key, args);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : "—");
  const status = cardStatus(card.validTo, today);
  const lines = [
    t("resident-card-heading", { name: maskName(card.fullName), group: card.groupCode ?? "—" }),
    t("resident-card-validity", { from: date(card.validFrom), to: date(card.validTo) }),
  ];
  if (status.status === "expired") lines.push(t("resident-status-expired", { days: -(status.daysLeft ?? 0) }));
  else if (status.status === "expiring") lines.push(t("resident-status-expiring", { days: status.daysLeft ?? 0 }));
  else lines.push(t("resident-status-valid"));
  const benefit = card.benefitLevel !== null ? describeBenefit(card.benefitLevel, today, await loadBenefitReference(deps.db)) : null;
  if (benefit) lines.push(...benefit.lines.map((l) => t(l.key, l.args)));
  if (card.registeredFacility) lines.push(t("resident-facility", { facility: card.registeredFacility }));
  if (card.fiveYearDate) {
    lines.push(t(card.fiveYearDate <= today ? "resident-five-years-reached" : "resident-five-years-from", { date: date(card.fiveYearDate) }));
  }
  const payer = await renewalPayer(deps.db, card.groupCode);
  if (payer === "self") {
    if (status.status !== "valid") {
      if (status.status === "expiring") lines.push(t("resident-renew-self", { to: date(card.validTo) }));
      const start = renewalStart({ previousValidTo: card.validTo, paidOn: today });
      lines.push(t(start.messageKey, { date: date(start.startsOn), gap: start.gapDays ?? 0, wait: WAITING_DAYS }));
    }
    const members = card.groupCode === "GD" ? await householdSize(deps.db, card) : 1;
    lines.push(await feeText(deps, locale, { members, group: card.groupCode ?? undefined, months: 12, on: today, provinceCode: card.provinceCode ?? undefined }));
  } else if (payer !== "unknown") {
    lines.push(t(`resident-renewed-by-${payer}`));
  }
  return lines.join("\n");
}

export function residentSignature(deps: ConversationDeps, locale: Locale, commune?: string): string {
  return commune ? deps.t(locale, "resident-signature-commune", { commune }) : deps.t(locale, "resident-signature");
}
