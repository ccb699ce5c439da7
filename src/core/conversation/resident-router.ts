import { looksLikeIdentifier, readCardIdentifier } from "../residents/card-identifier";
import type { PendingState } from "./conversation-state";
import { feeCommand } from "./fee-reply";
import { ACTION_SUBSCRIBE, answerDob, isOptOut, optOut, RESIDENT_DOB, startLookup, subscribe, type ResidentTurn } from "./resident-flow";
import { residentSignature } from "./resident-text";
import type { Reply } from "./types";

/**
 * The resident side of the conversation: card look-up (identifier, then date of birth),
 * subscribing and opting out. Officers reach it too when they check a card for someone.
 * Returns undefined when the message is not for it.
 */
export async function routeResident(turn: ResidentTurn, input: { text: string; action?: string; state?: PendingState; isOfficer: boolean }): Promise<Reply[] | undefined> {
  const { text, action, state, isOfficer } = input;
  if (action === ACTION_SUBSCRIBE && state) return subscribe(turn, state);
  if (state?.kind === RESIDENT_DOB && text && !text.startsWith("/")) return answerDob(turn, text, state);
  // For officers a bare "huy" undoes their last report; the unambiguous words still opt out.
  if (isOptOut(text) && !(isOfficer && /^\/?huy$/i.test(text.trim()))) return optOut(turn, text);
  const fee = /^\/?phi(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
  if (fee) return [{ text: `${await feeCommand(turn.deps, turn.locale, turn.today, fee[1] ?? "")}\n${residentSignature(turn.deps, turn.locale)}` }];
  const identifier = readCardIdentifier(text);
  if (identifier) return startLookup(turn, identifier);
  if (!isOfficer && looksLikeIdentifier(text)) {
    return [{ text: `${turn.deps.t(turn.locale, "resident-bad-identifier", { text: text.trim().slice(0, 20) })}\n${residentSignature(turn.deps, turn.locale)}` }];
  }
  return undefined;
}

export function residentWelcome(turn: ResidentTurn): Reply[] {
  return [{ text: `${turn.deps.t(turn.locale, "resident-welcome")}\n${residentSignature(turn.deps, turn.locale)}` }];
}
