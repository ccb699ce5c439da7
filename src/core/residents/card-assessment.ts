import type { Db } from "../../db/client";
import type { CardTerms } from "../../db/schema";
import { effectiveBenefit, loadBenefitTables, type BenefitTables, type EffectiveBenefit } from "../cards/effective-benefit";
import { loadWaitingRules, renewalStart, waitingRuleOn, type RenewalStart } from "../cards/renewal-start";
import type { WaitingRule } from "../../db/schema";
import { cardStatus, type CardStatus } from "./card-status";
import { renewalPayer, type RenewalWho } from "./renewal-payer";

/**
 * What the resident look-up computes about a card on a day, as data: every renderer (the bot's
 * text, `bhyt card status`, a short SMS) reads this and none computes its own.
 */
export interface CardAssessment {
  status: CardStatus;
  /** Days to the last valid day (0 on it, negative once expired); null without an end date. */
  daysLeft: number | null;
  /** First valid day when the card has not started yet (waiting period), else null. */
  startsOn: string | null;
  /** The benefit applied on the day: the group's dated level when it beats the printed digit. */
  benefit: EffectiveBenefit | null;
  who: RenewalWho;
  /** If paid today (self-paid cards not valid, or expiring): when the next card starts. */
  renewal: RenewalStart | null;
  waitDays: number;
}

/** The dated tables an assessment needs, loaded once per look-up. */
export interface AssessmentTables {
  benefit: BenefitTables;
  waiting: readonly WaitingRule[];
}

export async function loadAssessmentTables(db: Db): Promise<AssessmentTables> {
  return { benefit: await loadBenefitTables(db), waiting: await loadWaitingRules(db) };
}

export async function assessCard(db: Db, card: Pick<CardTerms, "groupCode" | "benefitLevel" | "validFrom" | "validTo">, today: string, tables?: AssessmentTables): Promise<CardAssessment> {
  const t = tables ?? (await loadAssessmentTables(db));
  const status = cardStatus(card.validTo, today, card.validFrom);
  const benefit = effectiveBenefit({ group: card.groupCode, printedLevel: card.benefitLevel, on: today }, t.benefit);
  const who = await renewalPayer(db, card.groupCode);
  const rule = waitingRuleOn(t.waiting, today);
  const paysNext = who.payer === "self" || who.payer === "family";
  const renewal = paysNext && (status.status === "expired" || status.status === "expiring") ? renewalStart({ previousValidTo: card.validTo, paidOn: today }, rule) : null;
  return {
    status: status.status,
    daysLeft: status.daysLeft,
    startsOn: status.status === "not_yet_valid" ? card.validFrom : null,
    benefit,
    who,
    renewal,
    waitDays: rule?.waitDays ?? 30,
  };
}
