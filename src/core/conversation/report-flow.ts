import { checkPopulation, rejectTally, type TallyEntry, type TallyRejection } from "../tallies/parse-tally";
import { describeTallyRejection } from "../tallies/tally-text";
import { loadTallyVocabulary, type TallyVocabulary } from "../tallies/tally-vocabulary";
import { formatDate } from "../text/format-date";
import { displayName } from "../units/unit-levels";
import { clearState, saveState, type PendingState } from "./conversation-state";
import { ACTION_CANCEL, continueTally, type TallyTurn } from "./tally-flow";
import type { Reply, ReplyButton } from "./types";

/**
 * /baocao, the guided report for officers who prefer buttons to typing: village (only those
 * in scope) → group → number → confirm. It ends in the same save path as a typed report, so
 * the add-or-replace question, progress echo and de-duplication are identical.
 */
export const ACTION_REPORT_VILLAGE = "r:v:";
export const ACTION_REPORT_GROUP = "r:g:";
export const ACTION_REPORT_SAVE = "r:ok";

const KIND_VILLAGE = "report_village";
const KIND_GROUP = "report_group";
const KIND_COUNT = "report_count";
const KIND_CONFIRM = "report_confirm";
export const REPORT_KINDS = new Set([KIND_VILLAGE, KIND_GROUP, KIND_COUNT, KIND_CONFIRM]);

interface ReportDraft {
  unitId?: number;
  group?: string;
  count?: number;
}

export async function startGuidedReport(turn: TallyTurn): Promise<Reply[]> {
  const vocabulary = await loadTallyVocabulary(turn.deps.db, turn.officer.commune, { today: turn.today });
  const villages = villagesInScope(turn, vocabulary);
  if (villages.length === 0) return [{ text: turn.deps.t(turn.locale, "conv-no-villages") }];
  if (villages.length === 1) return askGroup(turn, vocabulary, { unitId: villages[0]!.id });
  const choices = [...villages.map((v) => ACTION_REPORT_VILLAGE + v.id), ACTION_CANCEL];
  await save(turn, KIND_VILLAGE, {}, choices);
  const buttons = rows(villages.map((v) => ({ label: displayName(v), action: ACTION_REPORT_VILLAGE + v.id })), 2);
  return [{ text: turn.deps.t(turn.locale, "conv-report-ask-village"), buttons: [...buttons, [cancelButton(turn)]] }];
}

/** A button (or numbered SMS answer) in the guided report. */
export async function handleReportAction(turn: TallyTurn, action: string, state: PendingState): Promise<Reply[]> {
  const vocabulary = await loadTallyVocabulary(turn.deps.db, turn.officer.commune, { today: turn.today });
  const draft = state.data as ReportDraft;
  if (action.startsWith(ACTION_REPORT_VILLAGE) && state.kind === KIND_VILLAGE) {
    const unitId = Number(action.slice(ACTION_REPORT_VILLAGE.length));
    if (!villagesInScope(turn, vocabulary).some((v) => v.id === unitId)) return stale(turn);
    return askGroup(turn, vocabulary, { unitId });
  }
  if (action.startsWith(ACTION_REPORT_GROUP) && state.kind === KIND_GROUP) {
    const group = action.slice(ACTION_REPORT_GROUP.length);
    if (!vocabulary.groups.some((g) => g.code === group)) return stale(turn);
    const next = { ...draft, group };
    // No numbered choices here: the answer is itself a number.
    await save(turn, KIND_COUNT, next);
    return [{ text: turn.deps.t(turn.locale, "conv-report-ask-count", { unit: villageName(vocabulary, next.unitId), group }), buttons: [[cancelButton(turn)]] }];
  }
  if (action === ACTION_REPORT_SAVE && state.kind === KIND_CONFIRM) {
    const entry = toEntry(vocabulary, draft);
    if (!entry) return stale(turn);
    const text = `/baocao ${entry.unitName} ${entry.group} ${entry.count}`;
    return continueTally(turn, vocabulary, { text, date: turn.today, entries: [entry], candidates: [] });
  }
  return stale(turn);
}

/** The number typed while the guided report waits for it. */
export async function handleReportCount(turn: TallyTurn, text: string, state: PendingState): Promise<Reply[]> {
  const { deps, locale } = turn;
  const vocabulary = await loadTallyVocabulary(deps.db, turn.officer.commune, { today: turn.today });
  const draft = state.data as ReportDraft;
  const count = readCount(text, draft.group ?? "");
  if (typeof count !== "number") return [{ text: describeTallyRejection(count, deps.t, locale), buttons: [[cancelButton(turn)]] }];
  const entry = toEntry(vocabulary, { ...draft, count });
  if (!entry) return stale(turn);
  const over = checkPopulation([entry], vocabulary);
  if (over) return [{ text: describeTallyRejection(over, deps.t, locale), buttons: [[cancelButton(turn)]] }];
  await save(turn, KIND_CONFIRM, { ...draft, count }, [ACTION_REPORT_SAVE, ACTION_CANCEL]);
  const question = deps.t(locale, "conv-report-confirm", { unit: entry.unitName, group: entry.group, count, date: formatDate(turn.today, locale) });
  return [{ text: question, buttons: [[{ label: deps.t(locale, "conv-button-save"), action: ACTION_REPORT_SAVE }, cancelButton(turn)]] }];
}

/** A count as typed on a phone keypad: digits, optionally with thousands dots and "người". */
export function readCount(text: string, group: string): number | TallyRejection {
  const clean = text.normalize("NFC").toLowerCase().replace(/\s*(người|nguoi|ng)\s*$/u, "").trim();
  if (/^-\s*\d/.test(clean)) return rejectTally("bad_count", "tally-negative-count", { group, text: clean });
  if (!/^\d{1,3}(\.\d{3})+$|^\d{1,6}$/.test(clean)) return rejectTally("bad_count", "tally-bad-count", { group, text: text.trim().slice(0, 40) });
  return Number(clean.replace(/\./g, ""));
}

async function askGroup(turn: TallyTurn, vocabulary: TallyVocabulary, draft: ReportDraft): Promise<Reply[]> {
  const groups = vocabulary.groups.filter((g) => g.common);
  await save(turn, KIND_GROUP, draft, [...groups.map((g) => ACTION_REPORT_GROUP + g.code), ACTION_CANCEL]);
  const buttons = rows(groups.map((g) => ({ label: groupLabel(turn, g.code), action: ACTION_REPORT_GROUP + g.code })), 2);
  return [{ text: turn.deps.t(turn.locale, "conv-report-ask-group", { unit: villageName(vocabulary, draft.unitId) }), buttons: [...buttons, [cancelButton(turn)]] }];
}

/** "GD · Hộ gia đình"; groups without a short name (province-specific ones) show their code. */
function groupLabel(turn: TallyTurn, code: string): string {
  const key = `group-short-${code}`;
  const name = turn.deps.t(turn.locale, key);
  return name === key ? code : `${code} · ${name}`;
}

function villagesInScope(turn: TallyTurn, vocabulary: TallyVocabulary) {
  return turn.officer.role === "collector" ? vocabulary.villages.filter((v) => turn.officer.unitIds.includes(v.id)) : vocabulary.villages;
}

function toEntry(vocabulary: TallyVocabulary, draft: ReportDraft): TallyEntry | undefined {
  const village = vocabulary.villages.find((v) => v.id === draft.unitId);
  const group = vocabulary.groups.find((g) => g.code === draft.group);
  if (!village || !group || draft.count === undefined) return undefined;
  // The step-by-step form reports new participants; renewals are typed ("gia hạn GD 5").
  return { unitId: village.id, unitCode: village.code, unitName: village.name, group: group.code, indicator: group.indicator, count: draft.count, kind: "new" };
}

function villageName(vocabulary: TallyVocabulary, unitId: number | undefined): string {
  const village = vocabulary.villages.find((v) => v.id === unitId);
  return village ? displayName(village) : "?";
}

function save(turn: TallyTurn, kind: string, draft: ReportDraft, choices?: string[]) {
  const { deps, message } = turn;
  return saveState(deps.db, message.channel, message.senderId, { kind, data: { ...draft }, ...(choices ? { choices } : {}) }, message.receivedAt);
}

async function stale(turn: TallyTurn): Promise<Reply[]> {
  await clearState(turn.deps.db, turn.message.channel, turn.message.senderId);
  return [{ text: turn.deps.t(turn.locale, "conv-stale-question") }];
}

function cancelButton(turn: TallyTurn): ReplyButton {
  return { label: turn.deps.t(turn.locale, "conv-button-cancel"), action: ACTION_CANCEL };
}

function rows(buttons: ReplyButton[], perRow: number): ReplyButton[][] {
  const out: ReplyButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
