import { looksLikeIdentifier, readCardIdentifier } from "../residents/card-identifier";
import { readDob } from "../residents/date-of-birth";
import type { PendingState } from "./conversation-state";
import { feeCommand } from "./fee-reply";
import { ACTION_CONSENT, ACTION_SUBSCRIBE, answerDob, askConsent, isOfficerUndo, isOptOut, optOut, RESIDENT_DOB, signed, SMS_FEE_PARTS, startLookup, subscribe, type ResidentTurn } from "./resident-flow";
import type { Reply } from "./types";

/**
 * The resident side of the conversation: card look-up (identifier, then date of birth),
 * subscribing and opting out. Officers reach it too when they check a card for someone.
 * Returns undefined when the message is not for it. While a date of birth is awaited, a
 * resident's other text is a date to read again, except an opt-out, a fee question or a new
 * card identifier (each of which is what it says).
 */
export async function routeResident(turn: ResidentTurn, input: { text: string; action?: string; state?: PendingState; isOfficer: boolean }): Promise<Reply[] | undefined> {
  const { text, action, state, isOfficer } = input;
  if (action === ACTION_SUBSCRIBE && state) return askConsent(turn, state);
  if (action === ACTION_CONSENT && state) return subscribe(turn, state);
  // For officers a bare "huy" undoes their last report; the unambiguous words still opt out,
  // also while a date of birth is awaited (an opt-out is never read as a wrong date).
  if (!action && isOptOut(text) && !(isOfficer && isOfficerUndo(text))) return optOut(turn, text);
  const fee = /^\/?phi(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
  if (state?.kind === RESIDENT_DOB && text !== "" && !text.startsWith("/")) {
    if (readDob(text) || (!fee && !readCardIdentifier(text) && (!isOfficer || looksLikeDate(text)))) return answerDob(turn, text, state);
  }
  if (fee) return signed(turn, await feeCommand(turn.deps, turn.locale, turn.today, fee[1] ?? "", turn.message.channel), undefined, SMS_FEE_PARTS);
  const identifier = readCardIdentifier(text);
  if (identifier) return startLookup(turn, identifier);
  if (!isOfficer && looksLikeIdentifier(text)) {
    return signed(turn, turn.deps.t(turn.locale, "resident-bad-identifier", { text: text.trim().slice(0, 20) }), undefined, SMS_FEE_PARTS);
  }
  return undefined;
}

/**
 * Digits and date separators only ("18/2/199", "18-02"): a mistyped date of birth. An officer
 * who checked a card for someone and then reports ("Xuân Thắng GD 1") or asks for progress
 * (TIENDO) is not answering the date question, and the message goes on to the officer's side.
 */
function looksLikeDate(text: string): boolean {
  return /^[\d\s/.-]+$/.test(text.trim());
}

/** By SMS the welcome names commands without the slash. */
export function residentWelcome(turn: ResidentTurn): Reply[] {
  return signed(turn, turn.deps.t(turn.locale, turn.message.channel === "sms" ? "resident-welcome-sms" : "resident-welcome"), undefined, SMS_FEE_PARTS);
}
