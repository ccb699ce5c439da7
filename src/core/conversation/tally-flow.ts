import type { Locale } from "../../config";
import { findOwnExistingForDate } from "../tallies/existing-tallies";
import { parseTally, type TallyEntry, type TallyParsed } from "../tallies/parse-tally";
import { recordTally } from "../tallies/record-tally";
import { checkResultingCoverage } from "../tallies/resulting-coverage";
import { describeTally, describeTallyRejection } from "../tallies/tally-text";
import { loadTallyVocabulary, type TallyVocabulary } from "../tallies/tally-vocabulary";
import { coverageLine } from "../progress/coverage-text";
import { unitProgress } from "../progress/unit-progress";
import { formatDate } from "../text/format-date";
import { displayName } from "../units/unit-levels";
import type { ConversationDeps } from "./conversation-deps";
import { clearState, saveState, type PendingState } from "./conversation-state";
import type { OfficerSession } from "./find-officer";
import { periodLine, progressLine } from "./progress-text";
import type { InboundMessage, Reply } from "./types";

export const ACTION_ADD = "t:add";
export const ACTION_REPLACE = "t:replace";
export const ACTION_CANCEL = "t:cancel";
export const ACTION_PICK = "t:pick:";
export const ACTION_CONFIRM_DATE = "t:date";
/** A report whose yearless date was asked about: `date` is the one offered. */
export const KIND_TALLY_DATE = "tally_date";

/** A report waiting for the officer to confirm the date it was asked about. */
interface PendingDate {
  text: string;
  mode?: "replace";
  date: string;
}

/** A parsed report waiting for the officer: which village they meant, or add versus replace. */
export interface PendingTally {
  text: string;
  /** "replace" for /sua: a correction supersedes the figure without asking. */
  mode?: "replace";
  date: string;
  entries: TallyEntry[];
  candidates: NonNullable<TallyParsed["candidates"]>;
}

export interface TallyTurn {
  deps: ConversationDeps;
  officer: OfficerSession;
  message: InboundMessage;
  locale: Locale;
  today: string;
}

/** An officer's free-text report: parse, ask what is unclear, save, answer with progress. */
export async function handleTallyText(turn: TallyTurn, text: string, mode?: "replace"): Promise<Reply[]> {
  const vocabulary = await loadTallyVocabulary(turn.deps.db, turn.officer.commune, { today: turn.today });
  return parseAndContinue(turn, vocabulary, text, mode);
}

async function parseAndContinue(turn: TallyTurn, vocabulary: TallyVocabulary, text: string, mode?: "replace", confirmedDate?: string): Promise<Reply[]> {
  const { deps, officer, locale, message } = turn;
  const result = parseTally(text, vocabulary, {
    today: turn.today,
    role: officer.role === "collector" ? "collector" : "commune",
    unitIds: officer.role === "collector" ? officer.unitIds : undefined,
    ...(confirmedDate ? { confirmedDate } : {}),
  });
  if (!result.ok && result.confirmDate !== undefined) {
    // Far or impossible this year: asked, with the date it would be as one answer, never moved silently.
    const date = result.confirmDate;
    const pending: PendingDate = { text, date, ...(mode ? { mode } : {}) };
    await saveState(deps.db, message.channel, message.senderId, { kind: KIND_TALLY_DATE, data: { ...pending }, choices: [ACTION_CONFIRM_DATE, ACTION_CANCEL] }, message.receivedAt);
    const shown = formatDate(date, locale);
    const buttons = [[{ label: deps.t(locale, "conv-button-confirm-date", { date: shown }), action: ACTION_CONFIRM_DATE }], [{ label: deps.t(locale, "conv-button-cancel"), action: ACTION_CANCEL }]];
    // The question's "-ask" wording offers the date as an answer (the plain one, for the CLI, asks for the year).
    return [{ text: describeTallyRejection({ ...result, messageKey: `${result.messageKey}-ask` }, deps.t, locale), buttons }];
  }
  if (!result.ok) return [{ text: describeTallyRejection(result, deps.t, locale) }];
  return continueTally(turn, vocabulary, { text, date: result.date, entries: result.entries, candidates: result.candidates ?? [], ...(mode ? { mode } : {}) });
}

/** A button (or numbered SMS answer) for a pending report. */
export async function handleTallyAction(turn: TallyTurn, action: string, state: PendingState): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  const pending = state.data as unknown as PendingTally;
  if (action === ACTION_CANCEL) {
    await clearState(deps.db, message.channel, message.senderId);
    return [{ text: deps.t(locale, "conv-tally-cancelled") }];
  }
  const vocabulary = await loadTallyVocabulary(deps.db, turn.officer.commune, { today: turn.today });
  if (action === ACTION_CONFIRM_DATE && state.kind === KIND_TALLY_DATE) {
    const asked = state.data as unknown as PendingDate;
    await clearState(deps.db, message.channel, message.senderId);
    // Read again with the confirmed date: the village may still need picking, the figure may already exist.
    return parseAndContinue(turn, vocabulary, asked.text, asked.mode, asked.date);
  }
  if (action.startsWith(ACTION_PICK) && state.kind === "tally_pick") {
    const unitId = Number(action.slice(ACTION_PICK.length));
    const [candidate, ...rest] = pending.candidates;
    const village = vocabulary.villages.find((v) => v.id === unitId);
    if (!candidate || !village || !candidate.options.some((o) => o.unitId === unitId)) return [{ text: deps.t(locale, "conv-stale-question") }];
    const entries = pending.entries.map((e, i) => (candidate.entries.includes(i) ? { ...e, unitId, unitCode: village.code, unitName: village.name } : e));
    return continueTally(turn, vocabulary, { ...pending, entries, candidates: rest });
  }
  if ((action === ACTION_ADD || action === ACTION_REPLACE) && state.kind === "tally_existing") {
    return save(turn, vocabulary, pending, action === ACTION_ADD ? "add" : "replace");
  }
  return [{ text: deps.t(locale, "conv-stale-question") }];
}

export async function continueTally(turn: TallyTurn, vocabulary: TallyVocabulary, pending: PendingTally): Promise<Reply[]> {
  const { deps, message, locale } = turn;
  const [candidate] = pending.candidates;
  if (candidate) {
    const choices = [...candidate.options.map((o) => ACTION_PICK + o.unitId), ACTION_CANCEL];
    await saveState(deps.db, message.channel, message.senderId, { kind: "tally_pick", data: { ...pending }, choices }, message.receivedAt);
    const buttons = [
      ...candidate.options.map((o) => [{ label: villageLabel(vocabulary, o.unitId, o.unitName), action: ACTION_PICK + o.unitId }]),
      [{ label: deps.t(locale, "conv-button-cancel"), action: ACTION_CANCEL }],
    ];
    return [{ text: deps.t(locale, "conv-tally-pick-village", { text: candidate.text }), buttons }];
  }
  const existing = await findOwnExistingForDate(deps.db, { officerId: turn.officer.officerId, entries: pending.entries, date: pending.date });
  if (existing.length > 0 && pending.mode === "replace") return save(turn, vocabulary, pending, "replace");
  if (existing.length > 0) {
    // Not asked "add or replace?" when even replacing would exceed the population: neither answer could be saved.
    const over = await coverageRefusal(turn, vocabulary, pending, "replace");
    if (over) return over;
    await saveState(deps.db, message.channel, message.senderId, { kind: "tally_existing", data: { ...pending }, choices: [ACTION_ADD, ACTION_REPLACE, ACTION_CANCEL] }, message.receivedAt);
    const lines = existing.map((e) => {
      const entry = pending.entries[e.index]!;
      return deps.t(locale, "conv-tally-existing", { unit: villageLabel(vocabulary, entry.unitId, entry.unitName), group: e.group, date: formatDate(pending.date, locale), total: e.total, count: entry.count });
    });
    const buttons = [[
      { label: deps.t(locale, "conv-button-add"), action: ACTION_ADD },
      { label: deps.t(locale, "conv-button-replace"), action: ACTION_REPLACE },
    ], [{ label: deps.t(locale, "conv-button-cancel"), action: ACTION_CANCEL }]];
    return [{ text: [...lines, deps.t(locale, "conv-tally-add-or-replace")].join("\n"), buttons }];
  }
  return save(turn, vocabulary, pending, "add");
}

async function save(turn: TallyTurn, vocabulary: TallyVocabulary, pending: PendingTally, mode: "add" | "replace"): Promise<Reply[]> {
  const { deps, message, officer, locale } = turn;
  const over = await coverageRefusal(turn, vocabulary, pending, mode);
  if (over) return over;
  const result = await recordTally(deps.db, {
    officerId: officer.officerId,
    channel: message.channel,
    originalText: pending.text,
    inboundKey: message.updateId,
    date: pending.date,
    entries: pending.entries,
    mode,
    now: message.receivedAt,
  });
  await clearState(deps.db, message.channel, message.senderId);
  if (result.duplicate) return [];
  const summary = describeTally({ ok: true, date: pending.date, entries: pending.entries, needsConfirmation: false }, vocabulary, deps.t, locale);
  const lines = [deps.t(locale, mode === "add" ? "conv-tally-saved" : "conv-tally-replaced", { summary: summary.join(" ") })];
  const year = Number(turn.today.slice(0, 4));
  for (const unitId of [...new Set(pending.entries.map((e) => e.unitId))]) {
    const progress = await unitProgress(deps.db, { unitId, year, today: turn.today });
    lines.push(progressLine(progress, deps.t, locale), periodLine(progress, deps.t, locale), coverageLine(progress, deps.t, locale));
  }
  return [{ text: lines.join("\n") }];
}

/** The refusal (nothing saved, the question closed) when saving would put a village above its population. */
async function coverageRefusal(turn: TallyTurn, vocabulary: TallyVocabulary, pending: PendingTally, mode: "add" | "replace"): Promise<Reply[] | undefined> {
  const { deps, message, locale } = turn;
  const over = await checkResultingCoverage(deps.db, {
    date: pending.date,
    today: turn.today,
    entries: pending.entries,
    mode,
    fallbackPopulation: (unitId) => vocabulary.villages.find((v) => v.id === unitId)?.population ?? null,
  });
  if (!over) return undefined;
  await clearState(deps.db, message.channel, message.senderId);
  return [{ text: describeTallyRejection(over, deps.t, locale) }];
}

function villageLabel(vocabulary: TallyVocabulary, unitId: number, fallback: string): string {
  const village = vocabulary.villages.find((v) => v.id === unitId);
  return village ? displayName(village) : fallback;
}
