import { displayName } from "../units/unit-levels";
import { rejectTally, type TallyCandidate, type TallyEntry, type TallyRejection } from "./parse-tally";
import { accentsContradict, fuzzyVillages } from "./tally-match";
import { BHYT_RENEWAL_INDICATOR, TALLY_AMBIGUOUS_WORDS, type TallyGroup, type TallyKindWord, type TallyVillage, type TallyVocabulary } from "./tally-vocabulary";

/** A meaningful piece of a message, in order; dates and filler words are already gone. */
export type TallyItem =
  | { t: "unit"; villages: TallyVillage[]; key: string; raw: string }
  | { t: "group"; group: TallyGroup; raw: string }
  | { t: "num"; value: number | null; negative: boolean; raw: string }
  /** "gia hạn", "tái tục" (renewal) or "cấp mới", "tăng" (new): applies to the figures after it. */
  | { t: "kind"; kind: TallyKindWord; raw: string; /** Set off from the figure before it and not from the next ("GD 5, gia hạn GD 12"). */ opensNext?: boolean }
  | { t: "word"; key: string; start: number; end: number; raw: string };

type Opened = { village: TallyVillage; options?: TallyCandidate["options"] };
type Read = { ok: true; entries: TallyEntry[]; candidates: TallyCandidate[] } | TallyRejection;

/**
 * Reads entries from items. A village opens a section; inside it each group pairs with the
 * number right after it ("GD 12") or, failing that, a number right before it pairs with the
 * group after it ("12 GD"), so both orders and mixes ("GD 12, 3 HS") read the same way.
 * Anything left over is refused: nothing is saved from a message only partly understood.
 */
export function readTallyEntries(items: TallyItem[], vocabulary: TallyVocabulary, scope: TallyVillage[]): Read {
  const inScope = new Set(scope.map((v) => v.id));
  const villages = scope.map((v) => v.name).join(", ");
  const groups = vocabulary.groups.filter((g) => g.common).map((g) => g.code).join(", ");
  const entries: TallyEntry[] = [];
  const candidates: TallyCandidate[] = [];
  // A reporter with a single village may leave it out.
  let section: { village: TallyVillage; candidate?: TallyCandidate; named: boolean; count: number; raw: string } | undefined =
    scope.length === 1 ? { village: scope[0]!, named: false, count: 0, raw: "" } : undefined;

  /** Several options (near names, or exact letters with contradicting diacritics): the officer picks. */
  const confirm = (found: { village: TallyVillage; distance: number }[]): Opened | TallyRejection | undefined => {
    const allowed = found.filter((o) => inScope.has(o.village.id));
    if (allowed.length === 0) return found[0] ? outOfScope(found[0].village) : undefined;
    const options = allowed.map((o) => ({ unitId: o.village.id, unitCode: o.village.code, unitName: o.village.name, distance: o.distance }));
    return { village: allowed[0]!.village, options };
  };
  const outOfScope = (village: TallyVillage) => rejectTally("out_of_scope", "tally-out-of-scope", { unit: displayName(village), villages });
  const fuzzy = (key: string) => confirm(fuzzyVillages(vocabulary.villages, key));
  const exact = (item: Extract<TallyItem, { t: "unit" }>): Opened | TallyRejection => {
    const [only] = item.villages;
    if (item.villages.length === 1 && !accentsContradict(item.raw, only!)) return inScope.has(only!.id) ? { village: only! } : outOfScope(only!);
    const near = fuzzyVillages(vocabulary.villages, item.key).filter((o) => !item.villages.includes(o.village));
    return confirm([...item.villages.map((village) => ({ village, distance: 0 })), ...near])!;
  };
  /** An unknown word stands where a village would when a group (or a number and a group) follows it. */
  const unitLike = (j: number) => items[j + 1]?.t === "group" || (items[j + 1]?.t === "num" && items[j + 2]?.t === "group");
  const open = (opened: Opened, raw: string): TallyRejection | undefined => {
    if (section?.named && section.count === 0) return rejectTally("bad_count", "tally-unit-without-count", { unit: displayName(section.village) });
    const candidate = opened.options ? { text: raw, entries: [], options: opened.options } : undefined;
    if (candidate) candidates.push(candidate);
    section = { village: opened.village, candidate, named: true, count: 0, raw };
    return undefined;
  };

  // New until a renewal word says otherwise; a kind word holds until the next one.
  let kind: "new" | "renewal" = "new";
  let kindWordSeen = false;
  // The figure just read, while nothing has come after it: "GD 12" of "GD 12 gia hạn HS 3".
  let lastFigure: { end: number; text: string } | undefined;
  for (let i = 0; i < items.length; ) {
    const item = items[i]!;
    if (item.t === "kind") {
      if (item.kind === "lapsed") return rejectTally("unsupported", "tally-lapsed-not-recorded", { text: item.raw });
      // Right after a figure, a kind word that changes the meaning may be for that figure
      // ("GD 12 gia hạn") or for the next ("gia hạn HS 3"). A kind word written before an
      // earlier figure, or punctuation setting it off from the figure before, shows which;
      // otherwise ask.
      if (lastFigure?.end === i && !kindWordSeen && !item.opensNext && item.kind !== kind) {
        return rejectTally("ambiguous", "tally-ambiguous-kind", { text: item.raw, before: lastFigure.text });
      }
      kind = item.kind;
      kindWordSeen = true;
      i++;
      continue;
    }
    if (item.t === "word" && TALLY_AMBIGUOUS_WORDS[item.key]) {
      return rejectTally("ambiguous", "tally-ambiguous-group", { text: item.raw, groups: TALLY_AMBIGUOUS_WORDS[item.key]!.join(", ") });
    }
    if (item.t === "unit" || item.t === "word") {
      const opened = item.t === "unit" ? exact(item) : fuzzy(item.key);
      if (opened && "ok" in opened) return opened;
      if (opened) {
        const refused = open(opened, item.raw);
        if (refused) return refused;
        i++;
        continue;
      }
      if (unitLike(i) || !section) {
        // "Xuân Thành Hạ GD 5": quote the whole name, not just the unknown tail.
        const text = items[i - 1]?.t === "unit" && section?.named && section.count === 0 ? `${section.raw} ${item.raw}` : item.raw;
        return rejectTally("unknown_unit", "tally-unknown-unit", { text, villages });
      }
      return rejectTally("unknown_group", "tally-unknown-group", { text: item.raw, groups });
    }
    const next = items[i + 1];
    const pair = item.t === "group" && next?.t === "num" ? { group: item.group, num: next } : item.t === "num" && next?.t === "group" ? { group: next.group, num: item } : undefined;
    if (!pair) {
      if (item.t === "group") {
        // "GD mười" is a count written in words; "GD Phú Vin HS 2" forgot GD's count.
        const typed = next?.t === "word" && fuzzyVillages(vocabulary.villages, next.key).length === 0;
        return typed
          ? rejectTally("bad_count", "tally-bad-count", { group: item.group.code, text: next.raw })
          : rejectTally("bad_count", "tally-missing-count", { group: item.group.code });
      }
      if (item.value === null || item.negative) return rejectTally("bad_count", "tally-bad-number", { text: (item.negative ? "-" : "") + item.raw });
      return rejectTally("unknown_group", "tally-missing-group", { count: item.raw, groups });
    }
    const { group, num } = pair;
    if (num.negative) return rejectTally("bad_count", "tally-negative-count", { group: group.code, text: `-${num.raw}` });
    if (num.value === null) return rejectTally("bad_count", "tally-bad-count", { group: group.code, text: num.raw });
    if (!section) return rejectTally("unknown_unit", "tally-missing-unit", { villages });
    const village: TallyVillage = section.village;
    // Renewals are BHYT cards only; they are tallied under their own indicator, apart from coverage.
    const renewal = kind === "renewal" && group.indicator === "bhyt";
    const indicator = renewal ? BHYT_RENEWAL_INDICATOR : group.indicator;
    if (entries.some((e) => e.unitId === village.id && e.group === group.code && e.indicator === indicator)) {
      return rejectTally("duplicate_entry", "tally-duplicate-entry", { unit: displayName(village), group: group.code });
    }
    section.candidate?.entries.push(entries.length);
    entries.push({ unitId: village.id, unitCode: village.code, unitName: village.name, group: group.code, indicator, count: num.value, kind: renewal ? "renewal" : "new" });
    section.count++;
    i += 2;
    lastFigure = { end: i, text: item.t === "group" ? `${item.raw} ${num.raw}` : `${num.raw} ${next!.raw}` };
  }
  if (section?.named && section.count === 0) return rejectTally("bad_count", "tally-unit-without-count", { unit: displayName(section.village) });
  return { ok: true, entries, candidates };
}
