import { displayName } from "../units/unit-levels";
import { resolveTallyDate, type TallyDateMention } from "./tally-dates";
import { readTallyEntries, type TallyItem } from "./tally-grammar";
import { buildPhraseIndex, matchPhrase, type PhraseIndex } from "./tally-match";
import { tokenizeTally } from "./tally-tokens";
import type { TallyVillage, TallyVocabulary } from "./tally-vocabulary";

/** Why a message was refused; stable across the CLI, the bot and SMS. */
export type TallyRejectionCode =
  | "unknown_unit"
  | "unknown_group"
  | "bad_count"
  | "above_population"
  | "future_date"
  | "bad_date"
  | "too_old"
  | "not_a_report"
  | "out_of_scope"
  | "duplicate_entry"
  /** Two readings are possible (HSSV; a new/renewal word between two figures): asked, never guessed. */
  | "ambiguous"
  /** Something tallies do not record (people who left: "giảm"), said as such. */
  | "unsupported";

/** One figure: `count` new or renewed participants of `group` in a village on the report date. */
export interface TallyEntry {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** A card group code (GD, HS…) or BHXHTN. */
  group: string;
  /** bhyt, bhyt_renewal for renewals (gia hạn, tái tục), or bhxh_tn for BHXHTN. */
  indicator: string;
  count: number;
  /** New participants or renewals; only new ones add to coverage. */
  kind: "new" | "renewal";
}

export interface TallyUnitOption {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** Edits between what was typed and the name (0: same letters, contradicting diacritics). */
  distance: number;
}

/** A village name that was not an exact match: `entries` use `options[0]` until the officer confirms. */
export interface TallyCandidate {
  text: string;
  entries: number[];
  options: TallyUnitOption[];
}

export interface TallyParsed {
  ok: true;
  date: string;
  entries: TallyEntry[];
  /** True when a village was only guessed: nothing may be saved before the officer confirms. */
  needsConfirmation: boolean;
  candidates?: TallyCandidate[];
}

export interface TallyRejection {
  ok: false;
  code: TallyRejectionCode;
  /** Message id in messages/*.ftl; `args` fill it (dates as YYYY-MM-DD). */
  messageKey: string;
  args: Record<string, string | number>;
  /** A yearless date asked about: the date the officer may confirm (see tally-dates.ts). */
  confirmDate?: string;
}

export type TallyParseResult = TallyParsed | TallyRejection;

/** Who is reporting and when. */
export interface TallyContext {
  /** Today in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  today: string;
  /** Collectors report for their own villages, at most a week back; commune officers may back-fill. */
  role: "collector" | "commune";
  /** Villages the reporter covers; omitted means every village of the vocabulary. */
  unitIds?: readonly number[];
  /** A date the officer confirmed after being asked about a yearless one (`TallyRejection.confirmDate`). */
  confirmedDate?: string;
}

/** Telegram's own limit; anything longer is not a message an officer typed. */
export const MAX_TALLY_TEXT = 4096;

export function rejectTally(code: TallyRejectionCode, messageKey: string, args: Record<string, string | number> = {}): TallyRejection {
  return { ok: false, code, messageKey, args };
}

// Built once per vocabulary: the bot parses many messages against the same commune.
const indexes = new WeakMap<TallyVocabulary, PhraseIndex>();

/**
 * Parses an officer's tally message. Pure and total: any string yields a result, in time
 * linear in its length. Exact names win; near names are returned for confirmation.
 */
export function parseTally(text: string, vocabulary: TallyVocabulary, context: TallyContext): TallyParseResult {
  let index = indexes.get(vocabulary);
  if (!index) indexes.set(vocabulary, (index = buildPhraseIndex(vocabulary)));
  const scope: TallyVillage[] = context.unitIds ? vocabulary.villages.filter((v) => context.unitIds!.includes(v.id)) : vocabulary.villages;
  const example = (scope[0] ?? vocabulary.villages[0])?.name ?? "";
  if (text.length > MAX_TALLY_TEXT) return rejectTally("not_a_report", "tally-too-long", { length: text.length, max: MAX_TALLY_TEXT });

  const { items, dates } = readItems(withoutListNumbers(text), index);
  if (!looksLikeReport(items)) return rejectTally("not_a_report", "tally-not-a-report", { village: example });
  const date = resolveTallyDate(dates, context.today, context.role, context.confirmedDate);
  if (!date.ok && date.confirmDate === undefined) return date;
  const read = readTallyEntries(items, vocabulary, scope);
  if (!read.ok) return read;
  if (read.entries.length === 0) return rejectTally("not_a_report", "tally-not-a-report", { village: example });
  const over = checkPopulation(read.entries, vocabulary);
  if (over) return over;
  // A date to confirm is asked once the rest reads, so confirming it saves the report.
  if (!date.ok) return date;
  const { entries, candidates } = read;
  return { ok: true, date: date.date, entries, needsConfirmation: candidates.length > 0, ...(candidates.length > 0 ? { candidates } : {}) };
}

/**
 * "1. Xuân Lập GD 5" / "2) Phú Vinh HS 2": the number opening a line of a list is not a count.
 * Blanked with spaces of the same length, so offsets still quote the original text.
 */
function withoutListNumbers(text: string): string {
  return text.replace(/^([ \t]*)(\d{1,2}[.)])(?=[ \t])/gm, (_, lead: string, marker: string) => lead + " ".repeat(marker.length));
}

/** Numbers need something to count (a group or a village); words alone are chat, not a report. */
function looksLikeReport(items: TallyItem[]): boolean {
  const has = (t: TallyItem["t"]) => items.some((i) => i.t === t);
  return has("num") ? has("group") || has("unit") : has("group") && has("unit");
}

/** What the officer typed, for quoting back: NFC, invisible characters gone, at most 40 characters. */
function quote(text: string): string {
  const clean = text.normalize("NFC").replace(/\p{Cf}/gu, "").replace(/\s+/g, " ").trim();
  return clean.length > 40 ? clean.slice(0, 39) + "…" : clean;
}

/** What separates figures: a comma, semicolon, full stop or line break (a colon introduces them). */
const BREAK = /[,;.\n]/;

/** Turns tokens into items (villages, groups, numbers, unknown words) and date mentions. */
function readItems(text: string, index: PhraseIndex): { items: TallyItem[]; dates: TallyDateMention[] } {
  const tokens = tokenizeTally(text);
  const items: TallyItem[] = [];
  const dates: TallyDateMention[] = [];
  let lastWordToken = -2;
  const extendWord = (word: Extract<TallyItem, { t: "word" }>, key: string, end: number) => {
    word.key += " " + key;
    word.end = end;
    word.raw = quote(text.slice(word.start, end));
  };
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token.kind === "date") {
      dates.push({ kind: "calendar", day: token.day, month: token.month, year: token.year, raw: quote(text.slice(token.start, token.end)) });
      i++;
      continue;
    }
    const match = matchPhrase(index, tokens, i);
    const prev = items.at(-1);
    // A filler or new/renewal word inside an unknown phrase belongs to it: "Xuân Mới" is one unknown name.
    if ((match?.meaning.t === "filler" || match?.meaning.t === "kind") && prev?.t === "word" && lastWordToken === i - 1) {
      lastWordToken = i + match.length - 1;
      extendWord(prev, match.key, tokens[lastWordToken]!.end);
      i += match.length;
      continue;
    }
    if (match) {
      const last = tokens[i + match.length - 1]!;
      const raw = quote(text.slice(token.start, last.end));
      const m = match.meaning;
      if (m.t === "day") dates.push({ kind: "relative", daysAgo: m.daysAgo, raw });
      else if (m.t === "village") items.push({ t: "unit", villages: m.villages, key: match.key, raw });
      else if (m.t === "group") items.push({ t: "group", group: m.group, raw });
      else if (m.t === "kind") {
        // "GD 5, gia hạn GD 12": a break before the word and none after it ties it to what follows.
        const before = text.slice(tokens[i - 1]?.end ?? 0, token.start);
        const next = tokens[i + match.length];
        const opensNext = next !== undefined && BREAK.test(before) && !BREAK.test(text.slice(last.end, next.start));
        items.push({ t: "kind", kind: m.kind, raw, opensNext });
      }
      i += match.length;
      continue;
    }
    if (token.kind === "number") {
      items.push({ t: "num", value: token.value, negative: token.negative, raw: quote(text.slice(token.start, token.end)) });
    } else {
      // Consecutive unknown words form one phrase: "Xuân Mới" is one unknown village, not two.
      if (prev?.t === "word" && lastWordToken === i - 1) extendWord(prev, token.key, token.end);
      else {
        items.push({ t: "word", key: token.key, start: token.start, end: token.end, raw: quote(text.slice(token.start, token.end)) });
      }
      lastWordToken = i;
    }
    i++;
  }
  return { items, dates };
}

/** A village's figures in one message (per indicator) cannot exceed its population. */
export function checkPopulation(entries: TallyEntry[], vocabulary: TallyVocabulary): TallyRejection | undefined {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.unitId}:${entry.indicator}`;
    const total = (totals.get(key) ?? 0) + entry.count;
    totals.set(key, total);
    const village = vocabulary.villages.find((v) => v.id === entry.unitId);
    if (village && village.population !== null && total > village.population) {
      return rejectTally("above_population", "tally-above-population", { unit: displayName(village), count: total, population: village.population });
    }
  }
  return undefined;
}
