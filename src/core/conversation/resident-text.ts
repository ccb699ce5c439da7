import type { Locale } from "../../config";
import { cardStatus } from "../residents/card-status";
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
  if (card.benefitLevel !== null) lines.push(t("resident-benefit", { level: card.benefitLevel, meaning: t(`benefit-level-${card.benefitLevel}`) }));
  if (card.registeredFacility) lines.push(t("resident-facility", { facility: card.registeredFacility }));
  if (card.fiveYearDate) {
    lines.push(t(card.fiveYearDate <= today ? "resident-five-years-reached" : "resident-five-years-from", { date: date(card.fiveYearDate) }));
  }
  const payer = await renewalPayer(deps.db, card.groupCode);
  if (payer === "self") {
    if (status.status !== "valid") lines.push(t("resident-renew-self", { to: date(card.validTo) }));
  } else if (payer !== "unknown") {
    lines.push(t(`resident-renewed-by-${payer}`));
  }
  return lines.join("\n");
}

export function residentSignature(deps: ConversationDeps, locale: Locale, commune?: string): string {
  return commune ? deps.t(locale, "resident-signature-commune", { commune }) : deps.t(locale, "resident-signature");
}
