import { LOCALES, type Locale } from "../../config";
import { negotiateLocale } from "../../i18n/translate";
import { redeemInvite } from "../officers/invites";
import { normalizeInviteCode } from "../officers/invite-codes";
import { setOfficerLocale } from "../officers/officer-locale";
import { normalizePhone, PHONE_INDEX } from "../sms/phone";
import { localDate } from "../time/local-date";
import type { ConversationDeps } from "./conversation-deps";
import { clearState, loadState } from "./conversation-state";
import { findOfficer, type OfficerSession } from "./find-officer";
import { doorToDoorCommand } from "./door-to-door-reply";
import { linkPhoneCommand, progressCommand, undoCommand } from "./officer-commands";
import { routeResident, residentWelcome } from "./resident-router";
import { handleReportAction, handleReportCount, REPORT_KINDS, startGuidedReport } from "./report-flow";
import { ACTION_CANCEL, ACTION_CONFIRM_DATE, handleTallyAction, handleTallyText, type TallyTurn } from "./tally-flow";
import { ACTION_CONSENT, isOfficerUndo, RESIDENT_CONSENT } from "./resident-flow";
import { typedAs } from "./typed-words";
import type { InboundMessage, Reply } from "./types";

/**
 * Commands an SMS officer may send without the slash, since "/" is awkward on a keypad. Every
 * SMS command is here (/lienket is not: it links a chat account to a phone, pointless on SMS).
 */
const SMS_COMMANDS = new Set(["tiendo", "huy", "sua", "baocao", "trogiup", "help", "ngonngu", "lang", "danhsach"]);
/** Typed answers that cancel a pending question (its "Hủy" choice), before any command. */
const CANCEL_WORDS = /^\/?(?:huy|hủy|cancel)$/i;
/**
 * Typed answers to the two yes/no questions, beside the choice's number: "Đúng" (or "dung")
 * confirms a report's date, "Đồng ý" agrees to the reminders' consent wording. A bare "dung"
 * does not agree to a consent: it may be "dừng" (stop).
 */
const YES_WORDS: Record<string, readonly string[]> = {
  [ACTION_CONFIRM_DATE]: ["đúng", "có", "ok", "yes"],
  [ACTION_CONSENT]: ["đồng ý", "có", "ok", "yes", "agree"],
};

/**
 * The one conversation core behind every channel: a Telegram, Zalo or SMS message reaches
 * the same use cases and gets the same answers (adapters only change how they look).
 */
export function createConversation(deps: ConversationDeps) {
  return async function handle(received: InboundMessage): Promise<Reply[]> {
    const identified = await withIdentityKey(deps, received);
    if (!identified) return [{ text: deps.t(negotiateLocale(received.languageHint, deps.defaultLocale), "resident-welcome") }];
    const { message, address } = identified;
    const text = (message.text ?? "").trim();
    const today = localDate(message.receivedAt, deps.timezone);
    const start = /^\/start(?:@\w+)?\s*(.*)$/i.exec(text);
    // A command word ("DANHSACH") is never an invite code, though it has a code's shape.
    const inviteText = start ? start[1]! : !commandOf(text, message.channel) && normalizeInviteCode(text) ? text : undefined;
    let officer = await findOfficer(deps.db, message.channel, message.senderId);
    const hinted = negotiateLocale(message.languageHint, deps.defaultLocale);
    if (inviteText) {
      const redeemed = await redeemInvite(deps.db, deps.protector, { text: inviteText, channel: message.channel, externalKey: message.senderId, address, displayName: message.displayName, locale: hinted, now: message.receivedAt });
      if (!redeemed.ok) return [{ text: deps.t(officer ? negotiateLocale(officer.locale, hinted) : hinted, redeemed.messageKey) }];
      officer = await findOfficer(deps.db, message.channel, message.senderId);
      return officer ? [{ text: welcome(deps, officer, message.channel) }] : [];
    }
    const locale = officer ? negotiateLocale(officer.locale, deps.defaultLocale) : hinted;
    const state = await loadState(deps.db, message.channel, message.senderId, message.receivedAt);
    // On SMS (no buttons) a question is answered with the number of a choice.
    const numbered = state?.choices && /^\d{1,2}$/.test(text) ? state.choices[Number(text) - 1] : undefined;
    // While a question with a "Hủy" choice is pending, HUY answers it: it must not undo the saved report.
    const cancelTyped = state?.choices?.includes(ACTION_CANCEL) && CANCEL_WORDS.test(text) ? ACTION_CANCEL : undefined;
    const yesTyped = state?.choices?.find((choice) => YES_WORDS[choice] && typedAs(text, YES_WORDS[choice]!));
    const action = message.action ?? numbered ?? cancelTyped ?? yesTyped;
    if (action === ACTION_CANCEL && state) {
      await clearState(deps.db, message.channel, message.senderId);
      return [{ text: deps.t(locale, state.kind === RESIDENT_CONSENT ? "resident-consent-declined" : "conv-tally-cancelled") }];
    }
    const residentTurn = { deps, message, address, locale, today, isOfficer: officer !== undefined };
    const resident = await routeResident(residentTurn, { text, action, state, isOfficer: officer !== undefined });
    if (resident) return resident;
    if (!officer) return residentWelcome(residentTurn);
    const turn: TallyTurn = { deps, officer, message, locale, today };
    if (action && state && REPORT_KINDS.has(state.kind)) return handleReportAction(turn, action, state);
    if (action) return state ? handleTallyAction(turn, action, state) : [{ text: deps.t(locale, "conv-stale-question") }];

    // "hủy" typed with its accent (or bare "huy" in a chat) is the undo command too.
    const command = commandOf(text, message.channel) ?? (isOfficerUndo(text) ? { name: "huy", rest: "" } : undefined);
    if (!command && state?.kind === "report_count") return handleReportCount(turn, text, state);
    if (command) return runCommand(turn, command.name, command.rest);
    if (officer.role === "viewer") return [{ text: deps.t(locale, "conv-viewer-cannot-report") }];
    return handleTallyText(turn, text);
  };
}

async function runCommand(turn: TallyTurn, name: string, rest: string): Promise<Reply[]> {
  const { deps, officer, locale, message } = turn;
  const reporter = officer.role !== "viewer";
  switch (name) {
    case "start":
    case "help":
    case "trogiup":
      return [{ text: welcome(deps, officer, message.channel) }];
    case "huy":
      return undoCommand(deps, officer, locale, message.receivedAt);
    case "tiendo":
      return progressCommand(deps, officer, locale, turn.today, message.channel);
    case "sua":
      if (!reporter) return [{ text: deps.t(locale, "conv-viewer-cannot-report") }];
      return rest ? handleTallyText(turn, rest, "replace") : [{ text: deps.t(locale, message.channel === "sms" ? "conv-correct-help-sms" : "conv-correct-help") }];
    case "baocao":
      if (!reporter) return [{ text: deps.t(locale, "conv-viewer-cannot-report") }];
      // "/baocao Xuân Thành GD 12" is simply a typed report.
      return rest ? handleTallyText(turn, rest) : startGuidedReport(turn);
    case "danhsach":
      return doorToDoorCommand(deps, officer, locale, turn.today, message.receivedAt, { channel: message.channel, page: Number(/^\d{1,3}$/.exec(rest)?.[0] ?? 1) });
    case "lienket":
      if (message.channel === "sms") return [{ text: deps.t(locale, "conv-unknown-command-sms", { command: name.toUpperCase() }) }];
      return linkPhoneCommand(deps, officer, locale, message);
    case "ngonngu":
    case "lang":
      return languageCommand(turn, rest);
    default:
      if (message.channel === "sms") return [{ text: deps.t(locale, "conv-unknown-command-sms", { command: name.toUpperCase() }) }];
      return [{ text: deps.t(locale, "conv-unknown-command", { command: `/${name}` }) }];
  }
}

async function languageCommand(turn: TallyTurn, rest: string): Promise<Reply[]> {
  const { deps, officer, locale, message } = turn;
  const wanted = rest.trim().toLowerCase();
  if (!(LOCALES as readonly string[]).includes(wanted)) return [{ text: deps.t(locale, "conv-language-help", { locales: LOCALES.join(", ") }) }];
  await setOfficerLocale(deps.db, officer.officerId, wanted as Locale, message.receivedAt);
  return [{ text: deps.t(wanted as Locale, "conv-language-set") }];
}

/** "/tiendo", "/sua@bot Xuân Thành GD 10", and on SMS also "TIENDO" or "sua Xuan Thanh GD 10". */
function commandOf(text: string, channel: InboundMessage["channel"]): { name: string; rest: string } | undefined {
  const slash = /^\/(\w+)(?:@\w+)?\s*([\s\S]*)$/.exec(text);
  if (slash) return { name: slash[1]!.toLowerCase(), rest: slash[2]!.trim() };
  if (channel !== "sms") return undefined;
  const word = /^([a-zA-Z]+)\s*([\s\S]*)$/.exec(text);
  if (!word) return undefined;
  const name = word[1]!.toLowerCase();
  return SMS_COMMANDS.has(name) ? { name, rest: word[2]!.trim() } : undefined;
}

/**
 * SMS senders are known by a blind index of their phone, never the number itself, so the
 * identity table holds no phone numbers in the clear (the adapter keeps the number to reply).
 */
async function withIdentityKey(deps: ConversationDeps, message: InboundMessage): Promise<{ message: InboundMessage; address?: string } | undefined> {
  if (message.channel !== "sms") return { message };
  const phone = normalizePhone(message.senderId);
  if (!phone) return undefined;
  return { message: { ...message, senderId: await deps.protector.blindIndex(PHONE_INDEX, phone) }, address: phone };
}

/** SMS gets its own wording: commands as words without "/", and no /lienket. */
function welcome(deps: ConversationDeps, officer: OfficerSession, channel: InboundMessage["channel"]): string {
  const locale = negotiateLocale(officer.locale, deps.defaultLocale);
  return deps.t(locale, channel === "sms" ? "conv-welcome-officer-sms" : "conv-welcome-officer", {
    role: deps.t(locale, `officer-role-${officer.role}`),
    commune: officer.commune.name,
  });
}
