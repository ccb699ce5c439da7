import { searchKey } from "../text/search-key";
import { stripLevelPrefix } from "../units/unit-levels";
import { TALLY_DAY_WORDS } from "./tally-dates";
import type { TallyToken } from "./tally-tokens";
import { TALLY_KIND_WORDS, type TallyGroup, type TallyKindWord, type TallyVillage, type TallyVocabulary } from "./tally-vocabulary";

/** What a run of tokens means, found by exact lookup of its folded key. */
export type PhraseMeaning =
  | { t: "day"; daysAgo: number }
  | { t: "village"; villages: TallyVillage[] }
  | { t: "commune" }
  | { t: "group"; group: TallyGroup }
  | { t: "kind"; kind: TallyKindWord }
  | { t: "filler" };

/** Exact-match tables built once per vocabulary; lookups are by whole folded phrase. */
export interface PhraseIndex {
  villages: Map<string, TallyVillage[]>;
  /** Names written without spaces ("xuanthanh"); only letters, never confused with another name. */
  compact: Map<string, TallyVillage[]>;
  communes: Set<string>;
  groups: Map<string, TallyGroup>;
  fillers: Set<string>;
  kinds: Map<string, TallyKindWord>;
  maxWords: number;
}

/** "thon 01" and "thon 1" are the same name: numbers compare without leading zeros. */
const normaliseKey = (key: string) => key.replace(/\b0+(?=\d)/g, "");
const compactKey = (key: string) => key.replace(/ /g, "");
const hasLetter = (key: string) => /[a-z]/.test(key);

function add<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) map.set(key, [...list, value]);
}

/** All keys a village answers to: name and aliases, with and without a level prefix. */
export function villageKeys(village: TallyVillage): string[] {
  const keys = new Set<string>();
  for (const raw of [village.searchKey, ...village.aliases.map((a) => a.searchKey)]) {
    const key = normaliseKey(searchKey(raw));
    if (key) keys.add(key);
    // "Thôn 1" stays "thon 1": a bare "1" must remain a count.
    const stripped = stripLevelPrefix(key);
    if (hasLetter(stripped)) keys.add(stripped);
  }
  return [...keys];
}

export function buildPhraseIndex(vocabulary: TallyVocabulary): PhraseIndex {
  const index: PhraseIndex = { villages: new Map(), compact: new Map(), communes: new Set(), groups: new Map(), fillers: new Set(), kinds: new Map(), maxWords: 1 };
  // Room for a level prefix of up to three words ("tổ dân phố") before a name.
  const grow = (key: string) => (index.maxWords = Math.max(index.maxWords, key.split(" ").length + 3));
  for (const village of vocabulary.villages) {
    for (const key of villageKeys(village)) {
      add(index.villages, key, village);
      if (hasLetter(key)) add(index.compact, compactKey(key), village);
      grow(key);
    }
  }
  const commune = normaliseKey(vocabulary.commune.searchKey);
  index.communes.add(commune);
  index.communes.add(stripLevelPrefix(commune));
  for (const group of vocabulary.groups) for (const key of group.keys) (index.groups.set(normaliseKey(key), group), grow(key));
  for (const key of vocabulary.fillers) (index.fillers.add(key), grow(key));
  for (const [word, kind] of Object.entries(TALLY_KIND_WORDS)) {
    const key = searchKey(word);
    index.kinds.set(key, kind);
    grow(key);
  }
  return index;
}

/**
 * The longest phrase starting at token `i` with a meaning, or undefined. Same length: a date
 * word, then a village, then a group, then a new/renewal word, then filler, so a name is never eaten by a filler word.
 */
export function matchPhrase(index: PhraseIndex, tokens: TallyToken[], i: number): { meaning: PhraseMeaning; length: number; key: string } | undefined {
  const keys: string[] = [];
  for (let j = i; j < tokens.length && j < i + index.maxWords; j++) {
    const token = tokens[j]!;
    if (token.kind === "date") break;
    keys.push(token.key);
  }
  for (let length = keys.length; length >= 1; length--) {
    const key = keys.slice(0, length).join(" ");
    const meaning = meaningOf(index, key, length);
    if (meaning) return { meaning, length, key };
  }
  return undefined;
}

function meaningOf(index: PhraseIndex, key: string, words: number): PhraseMeaning | undefined {
  const day = TALLY_DAY_WORDS[key];
  if (day !== undefined) return { t: "day", daysAgo: day };
  const villages = index.villages.get(key) ?? index.villages.get(stripLevelPrefix(key)) ?? (words === 1 ? index.compact.get(key) : undefined);
  if (villages) return { t: "village", villages };
  if (index.communes.has(key) || index.communes.has(stripLevelPrefix(key))) return { t: "commune" };
  const group = index.groups.get(key);
  if (group) return { t: "group", group };
  const kind = index.kinds.get(key);
  if (kind) return { t: "kind", kind };
  return index.fillers.has(key) ? { t: "filler" } : undefined;
}

// ===== Fuzzy matching

/** Phrases longer than this are not names; skipping them keeps the work per message bounded. */
const MAX_FUZZY_LENGTH = 48;

/** Edits allowed against a name: none for tiny names, one for short ones, two from eight letters. */
function allowedEdits(key: string): number {
  const letters = compactKey(key).length;
  return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
}

/** Optimal string alignment distance (a swap of neighbours is one edit), or max + 1 once beyond max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    [prev2, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** Villages within a few edits of `key` (with or without a level prefix or spaces), closest first. */
export function fuzzyVillages(villages: readonly TallyVillage[], key: string): { village: TallyVillage; distance: number }[] {
  if (key.length > MAX_FUZZY_LENGTH || !hasLetter(key)) return [];
  const typed = [...new Set([key, stripLevelPrefix(key)])];
  const found: { village: TallyVillage; distance: number }[] = [];
  for (const village of villages) {
    let best = Infinity;
    for (const name of villageKeys(village)) {
      const max = allowedEdits(name);
      for (const t of typed) {
        const d = Math.min(editDistance(t, name, max), editDistance(compactKey(t), compactKey(name), max));
        if (d <= max) best = Math.min(best, d);
      }
    }
    if (best !== Infinity) found.push({ village, distance: best });
  }
  return found.sort((a, b) => a.distance - b.distance);
}

// ===== Diacritics as evidence

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word's letters (with ă â ê ô ơ ư đ) and its tone, wherever the tone mark sits (Hoà = Hòa). */
function shape(word: string): { plain: boolean; letters: string; tone: string } {
  const d = word.normalize("NFD").toLowerCase();
  return {
    plain: !/[\u0300-\u036f]/.test(d) && !d.includes("đ"),
    letters: d.replace(TONE_MARKS, "").normalize("NFC"),
    tone: (d.match(TONE_MARKS) ?? []).join(""),
  };
}

const wordsOf = (text: string) => text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/**
 * True when the officer typed diacritics that contradict the name: "Xuân Thàng" folds to
 * "xuan thang" (Xuân Thắng) but could as well be a slip for Xuân Thành, so it must be
 * confirmed. Words typed without any diacritics never contradict.
 */
export function accentsContradict(typed: string, village: TallyVillage): boolean {
  const words = wordsOf(typed.replace(/\p{Cf}/gu, ""));
  return [village.name, ...village.aliases.map((a) => a.alias)].every((name) => {
    const nameWords = wordsOf(name);
    if (nameWords.length > words.length) return false;
    return nameWords.some((nw, k) => {
      const typedShape = shape(words[words.length - nameWords.length + k]!);
      const nameShape = shape(nw);
      return !typedShape.plain && (typedShape.letters !== nameShape.letters || typedShape.tone !== nameShape.tone);
    });
  });
}
