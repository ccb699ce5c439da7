import type { Locale } from "../../config";
import type { CardIdentifier } from "../residents/card-identifier";
import { readDob } from "../residents/date-of-birth";
import { findCandidates, verifyCard } from "../residents/find-card";
import { auditLookup, lookupBudget, lookupCoolingDown, type LookupActor } from "../residents/lookup-guard";
import { subscribeReminders, withdrawConsents } from "../residents/reminder-consent";
import type { ConversationDeps } from "./conversation-deps";
import { clearState, saveState, type PendingState } from "./conversation-state";
import { describeCard, residentSignature } from "./resident-text";
import { describeCardForSms } from "./resident-sms-text";
import { typedAs } from "./typed-words";
import { ACTION_CANCEL } from "./tally-flow";
import type { InboundMessage, Reply } from "./types";

export const RESIDENT_DOB = "resident_dob";
export const RESIDENT_VERIFIED = "resident_verified";
export const ACTION_SUBSCRIBE = "s:sub";
/** The answer "Đồng ý" to the consent wording the subscribe choice shows. */
export const ACTION_CONSENT = "s:agree";
export const RESIDENT_CONSENT = "resident_consent";

/**
 * Words that withdraw consent at once, on every channel (SMS users cannot type a slash easily),
 * as Vietnamese writes them, accents optional (see typedAs). "dừng" counts only with its
 * accent: typed bare, "dung" is as often "đúng" (yes), the answer to a question.
 */
const OPT_OUT_WORDS = ["hủy_nhắc", "huỷ_nhắc", "hủy nhắc", "huỷ nhắc", "hủy", "huỷ", "stop", "từ chối", "từchối", "dừng"];
const OPT_OUT_ACCENT_REQUIRED = ["dừng"];

export interface ResidentTurn {
  deps: ConversationDeps;
  message: InboundMessage;
  /** The sealed-later phone of an SMS sender, so reminders can reach them. */
  address?: string;
  locale: Locale;
  today: string;
  /** An officer checking a card (their own, or for someone): their HUY undoes a report, so STOP is the word to stop. */
  isOfficer?: boolean;
}

export function isOptOut(text: string): boolean {
  return typedAs(text, OPT_OUT_WORDS, OPT_OUT_ACCENT_REQUIRED);
}

/** An officer's bare "huy" (or "hủy") is the undo of their last report, not an opt-out. */
export function isOfficerUndo(text: string): boolean {
  return typedAs(text, ["hủy", "huỷ"]);
}

/** Step 1: a card code, BHXH number or personal ID. Nothing about the card is said before the second factor. */
export async function startLookup(turn: ResidentTurn, identifier: CardIdentifier): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  if (await lookupCoolingDown(deps.db, actorOf(message), message.receivedAt)) return signed(turn, deps.t(locale, "resident-cooling-down"));
  const personIds = await findCandidates(deps.db, deps.protector, identifier);
  // Saved whether or not anything was found: the next answer must not tell the two apart.
  await saveState(deps.db, message.channel, message.senderId, { kind: RESIDENT_DOB, data: { personIds, via: identifier.kind } }, message.receivedAt);
  return signed(turn, deps.t(locale, "resident-ask-dob"));
}

/** Step 2: the date of birth. A malformed date is asked again without counting as a failure. */
export async function answerDob(turn: ResidentTurn, text: string, state: PendingState): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  const dob = readDob(text);
  if (!dob) return signed(turn, deps.t(locale, "resident-bad-dob"));
  const actor = actorOf(message);
  if (await lookupCoolingDown(deps.db, actor, message.receivedAt)) return signed(turn, deps.t(locale, "resident-cooling-down"));
  const data = state.data as { personIds: number[]; via: string };
  // A spent budget (this person's, across every chat, or the deployment's hour) answers as a wrong date would.
  const budget = await lookupBudget(deps.db, data.personIds, message.receivedAt);
  const card = budget === "open" ? await verifyCard(deps.db, deps.protector, data.personIds, dob) : undefined;
  await auditLookup(deps.db, actor, { cardId: card?.cardId, via: `${message.channel}:${data.via}`, triedOn: data.personIds, ...(budget === "open" ? {} : { budget }) }, message.receivedAt);
  if (!card) {
    await clearState(deps.db, message.channel, message.senderId);
    return signed(turn, deps.t(locale, "resident-not-verified"));
  }
  await saveState(deps.db, message.channel, message.senderId, { kind: RESIDENT_VERIFIED, data: { personId: card.personId, householdId: card.householdId, commune: card.commune?.name ?? null }, choices: [ACTION_SUBSCRIBE] }, message.receivedAt);
  const text2 = message.channel === "sms" ? await describeCardForSms(deps, locale, card, turn.today) : await describeCard(deps, locale, card, turn.today);
  const replies = signed(turn, text2, card.commune?.name);
  replies[0]!.buttons = [[{ label: deps.t(locale, "resident-button-subscribe"), action: ACTION_SUBSCRIBE }]];
  return replies;
}

/**
 * The subscribe choice after a verified look-up: the consent's wording, to agree to. The
 * consent stored is exactly what the person was shown and said yes to (Nghị định 13/2023:
 * consent is specific and informed), so subscribing takes this one extra answer.
 */
export async function askConsent(turn: ResidentTurn, state: PendingState): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  if (state.kind !== RESIDENT_VERIFIED) return signed(turn, deps.t(locale, "conv-stale-question"));
  // "Hủy" answers it too: for an officer a bare HUY would otherwise undo their last report.
  await saveState(deps.db, message.channel, message.senderId, { kind: RESIDENT_CONSENT, data: state.data, choices: [ACTION_CONSENT, ACTION_CANCEL] }, message.receivedAt);
  const replies = signed(turn, deps.t(locale, "resident-consent-ask", { wording: consentWording(turn) }));
  replies[0]!.buttons = [[{ label: deps.t(locale, "resident-button-agree"), action: ACTION_CONSENT }], [{ label: deps.t(locale, "conv-button-cancel"), action: ACTION_CANCEL }]];
  return replies;
}

/** "Đồng ý" to the consent wording: subscribes the card's person and household. */
export async function subscribe(turn: ResidentTurn, state: PendingState): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  if (state.kind !== RESIDENT_CONSENT) return signed(turn, deps.t(locale, "conv-stale-question"));
  await clearState(deps.db, message.channel, message.senderId);
  const data = state.data as { personId: number; householdId: number | null; commune: string | null };
  const wording = consentWording(turn);
  await subscribeReminders(deps.db, deps.protector, {
    channel: message.channel,
    externalKey: message.senderId,
    address: turn.address,
    personId: data.personId,
    householdId: data.householdId,
    locale,
    wording,
    now: message.receivedAt,
  });
  const confirmed = turn.isOfficer ? "resident-subscribed-officer" : message.channel === "sms" ? "resident-subscribed-sms" : "resident-subscribed";
  return signed(turn, deps.t(locale, confirmed), data.commune ?? undefined);
}

/** What the person agrees to; an officer is told STOP, since their HUY undoes a report. */
function consentWording(turn: ResidentTurn): string {
  return turn.deps.t(turn.locale, turn.isOfficer ? "resident-consent-wording-officer" : "resident-consent-wording");
}

export async function optOut(turn: ResidentTurn, text: string): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  await withdrawConsents(deps.db, { channel: message.channel, externalKey: message.senderId, via: text.trim().slice(0, 20), now: message.receivedAt });
  // Whatever was pending goes too: a "1" sent after HUY must not answer the look-up's
  // "subscribe" offer and sign the person up again (nor a date answer an old look-up).
  await clearState(deps.db, message.channel, message.senderId);
  // Said even when nothing was subscribed: roster-phone reminders stop too, and that is what was asked.
  return signed(turn, deps.t(locale, "resident-unsubscribed"));
}

function actorOf(message: InboundMessage): LookupActor {
  return { channel: message.channel, key: message.senderId };
}

/**
 * Every message to a resident ends with the same warning: scams imitate BHXH, we never ask for
 * OTPs. By SMS the warning is one short line and the reply must fit `smsMaxParts` (two unless
 * said: unaccented if it must), so the look-up is written for SMS rather than cut.
 */
export function signed(turn: ResidentTurn, text: string, commune?: string, smsMaxParts = SMS_RESIDENT_PARTS): Reply[] {
  if (turn.message.channel === "sms") return [{ text: `${text}\n${turn.deps.t(turn.locale, "resident-signature-sms")}`, smsMaxParts }];
  return [{ text: `${text}\n${residentSignature(turn.deps, turn.locale, commune)}` }];
}

/** A resident's look-up by SMS: two parts, accented when it fits, else unaccented. */
export const SMS_RESIDENT_PARTS = 2;
/** A fee quote by SMS: a household of up to 20 with its total and warning (see fee-text.ts). */
export const SMS_FEE_PARTS = 4;
