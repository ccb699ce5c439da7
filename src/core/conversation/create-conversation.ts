import { negotiateLocale } from "../../i18n/translate";
import { redeemInvite } from "../officers/invites";
import { normalizeInviteCode } from "../officers/invite-codes";
import { localDate } from "../time/local-date";
import type { ConversationDeps } from "./conversation-deps";
import { loadState } from "./conversation-state";
import { findOfficer, type OfficerSession } from "./find-officer";
import { progressCommand, undoCommand } from "./officer-commands";
import { handleTallyAction, handleTallyText, type TallyTurn } from "./tally-flow";
import type { InboundMessage, Reply } from "./types";

/**
 * The one conversation core behind every channel: a Telegram, Zalo or SMS message reaches
 * the same use cases and gets the same answers (adapters only change how they look).
 */
export function createConversation(deps: ConversationDeps) {
  return async function handle(message: InboundMessage): Promise<Reply[]> {
    const text = (message.text ?? "").trim();
    const today = localDate(message.receivedAt, deps.timezone);
    const start = /^\/start(?:@\w+)?\s*(.*)$/i.exec(text);
    const inviteText = start ? start[1]! : normalizeInviteCode(text) ? text : undefined;
    let officer = await findOfficer(deps.db, message.channel, message.senderId);
    const hinted = negotiateLocale(message.languageHint, deps.defaultLocale);
    if (inviteText) {
      const redeemed = await redeemInvite(deps.db, deps.protector, { text: inviteText, channel: message.channel, externalKey: message.senderId, displayName: message.displayName, locale: hinted, now: message.receivedAt });
      if (!redeemed.ok) return [{ text: deps.t(officer ? (officer.locale as typeof hinted) : hinted, redeemed.messageKey) }];
      officer = await findOfficer(deps.db, message.channel, message.senderId);
      return officer ? [{ text: welcome(deps, officer) }] : [];
    }
    if (!officer) return [{ text: deps.t(hinted, start ? "conv-welcome-guest" : "conv-not-registered") }];
    const locale = negotiateLocale(officer.locale, deps.defaultLocale);
    const turn: TallyTurn = { deps, officer, message, locale, today };

    const state = await loadState(deps.db, message.channel, message.senderId, message.receivedAt);
    // On SMS (no buttons) a question is answered with the number of a choice.
    const numbered = state?.choices && /^\d{1,2}$/.test(text) ? state.choices[Number(text) - 1] : undefined;
    const action = message.action ?? numbered;
    if (action) return state ? handleTallyAction(turn, action, state) : [{ text: deps.t(locale, "conv-stale-question") }];

    const command = /^\/(\w+)/.exec(text)?.[1]?.toLowerCase();
    if (start || command === "help" || command === "trogiup") return [{ text: welcome(deps, officer) }];
    if (command === "huy") return undoCommand(deps, officer, locale, message.receivedAt);
    if (command === "tiendo") return progressCommand(deps, officer, locale, today);
    if (command === "sua") return [{ text: deps.t(locale, "conv-correct-help") }];
    if (command === "baocao") return [{ text: deps.t(locale, "conv-report-help") }];
    if (command) return [{ text: deps.t(locale, "conv-unknown-command", { command: `/${command}` }) }];
    if (officer.role === "viewer") return [{ text: deps.t(locale, "conv-viewer-cannot-report") }];
    return handleTallyText(turn, text);
  };
}

function welcome(deps: ConversationDeps, officer: OfficerSession): string {
  const locale = negotiateLocale(officer.locale, deps.defaultLocale);
  return deps.t(locale, "conv-welcome-officer", {
    role: deps.t(locale, `officer-role-${officer.role}`),
    commune: officer.commune.name,
  });
}
