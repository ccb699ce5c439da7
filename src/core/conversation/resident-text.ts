import type { Locale } from "../../config";
import { describeBenefit, loadBenefitReference } from "../cards/describe-benefit";
import { assessCard } from "../residents/card-assessment";
import { householdSize } from "../residents/household-size";
import { feeText } from "./fee-reply";
import type { VerifiedCard } from "../residents/find-card";
import { maskName } from "../residents/mask-name";
import { formatDate } from "../text/format-date";
import type { ConversationDeps } from "./conversation-deps";

/**
 * A verified card in plain words: who (masked), valid from/to, status, benefit level and
 * what it means, facility, the 5-year date, and who renews it. Renders `assessCard`.
 */
export async function describeCard(deps: ConversationDeps, locale: Locale, card: VerifiedCard, today: string): Promise<string> {
  const t = (key: string, args?: Record<string, string | number>) => deps.t(locale, key, args);
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : "—");
  const a = await assessCard(deps.db, card, today);
  const lines = [
    t("resident-card-heading", { name: maskName(card.fullName), group: card.groupCode ?? "—" }),
    t("resident-card-validity", { from: date(card.validFrom), to: date(card.validTo) }),
  ];
  if (a.status === "not_yet_valid") lines.push(t("resident-status-not-yet-valid", { date: date(a.startsOn), wait: a.waitDays }));
  else if (a.status === "expired") lines.push(t("resident-status-expired", { days: -(a.daysLeft ?? 0) }));
  else if (a.status === "expiring") lines.push(a.daysLeft === 0 ? t("resident-status-last-day") : t("resident-status-expiring", { days: a.daysLeft ?? 0 }));
  else lines.push(t("resident-status-valid"));
  if (a.benefit) {
    if (a.benefit.from === "group" && a.benefit.printedLevel !== null) lines.push(t("resident-benefit-recoded", { printed: a.benefit.printedLevel, level: a.benefit.level, percent: a.benefit.percent }));
    const benefit = describeBenefit(a.benefit.level, today, await loadBenefitReference(deps.db), a.benefit.transport);
    if (benefit) lines.push(...benefit.lines.map((l) => t(l.key, l.args)));
  }
  if (card.registeredFacility) lines.push(t("resident-facility", { facility: card.registeredFacility }));
  if (card.fiveYearDate) {
    lines.push(t(card.fiveYearDate <= today ? "resident-five-years-reached" : "resident-five-years-from", { date: date(card.fiveYearDate) }));
  }
  const { payer, via } = a.who;
  if (payer === "family") {
    lines.push(t("resident-child-card-ends", { to: date(card.validTo) }));
  } else if (payer === "self" && via === "school") {
    lines.push(t("resident-renew-school"));
  } else if (payer === "self") {
    if (a.status === "expiring") lines.push(t(a.daysLeft === 0 ? "resident-renew-self-today" : "resident-renew-self", { to: date(card.validTo), wait: a.waitDays }));
    if (a.renewal) lines.push(t(a.renewal.messageKey, { date: date(a.renewal.startsOn), gap: a.renewal.gapDays ?? 0, wait: a.waitDays }));
    if (a.status !== "not_yet_valid") {
      const members = card.groupCode === "GD" ? await householdSize(deps.db, card) : 1;
      lines.push(await feeText(deps, locale, { members, group: card.groupCode ?? undefined, months: 12, on: today, provinceCode: card.provinceCode ?? undefined, communeId: card.commune?.id }));
      lines.push(t("resident-where-to-pay"));
    }
  } else if (payer !== "unknown") {
    lines.push(t(`resident-renewed-by-${payer}`));
  }
  return lines.join("\n");
}

export function residentSignature(deps: ConversationDeps, locale: Locale, commune?: string): string {
  return commune ? deps.t(locale, "resident-signature-commune", { commune }) : deps.t(locale, "resident-signature");
}
