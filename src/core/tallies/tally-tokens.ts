import { parseCount } from "../imports/values";

/**
 * Tokens of a tally message. `key` is the folded text (lower case, no diacritics, đ → d) that
 * phrases are matched on; `start`/`end` are offsets into the original text, for quoting it back.
 */
export type TallyToken =
  | { kind: "word"; key: string; start: number; end: number }
  /** `value` is null when the digits are not a whole count ("1,5", "1.2.3", too large). */
  | { kind: "number"; key: string; value: number | null; negative: boolean; start: number; end: number }
  /** Parts as typed; the calendar is checked later. `year` keeps its digits ("25" vs "2025"). */
  | { kind: "date"; day: number; month: number; year: string | null; start: number; end: number };

/** No village has this many people; longer digit runs are typing slips, not counts. */
export const MAX_TALLY_COUNT = 1_000_000;

/**
 * Folds one character the way search keys are built, but character by character so every
 * folded offset maps back to the original: compatibility forms (full-width digits) become
 * ASCII, marks go, invisible format characters (zero-width space, BOM, soft hyphen) vanish.
 */
function foldChar(ch: string): string {
  if (/\p{Cf}/u.test(ch)) return "";
  return ch.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWordChar = (c: string | undefined) => c !== undefined && !isDigit(c) && /[\p{L}\p{N}]/u.test(c);
const MINUS = new Set(["-", "\u2212", "\u2013"]);

// Dates before numbers: "20/11" is a date and "20.11.2025" is not a thousands-separated count.
// Dots only with a four-digit year, so "1.200" stays a count. Dashes also without a year or
// with two digits ("20-11", "20-11-25"), when the parts could be a day and a month.
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y;
const DOTTED_DATE = /(\d{1,2})([.-])(\d{1,2})\2(\d{4})(?!\d)/y;
const DASHED_DATE = /(\d{1,2})-(\d{1,2})(?:-(\d{2}))?(?![\d-])/y;
const SLASH_DATE = /(\d+)\/(\d+)(?:\/(\d+))?(?!\d)/y;
const NUMBER = /\d+(?:[.,]\d+)*/y;

/** Splits a message into words, numbers and dates in one left-to-right pass (linear time). */
export function tokenizeTally(text: string): TallyToken[] {
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const piece = foldChar(ch);
    // One origin per UTF-16 unit, so an emoji's two halves both point back to it.
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
    i += ch.length;
  }
  origin.push(text.length);
  return tokenizeFolded(folded, origin);
}

function tokenizeFolded(f: string, origin: number[]): TallyToken[] {
  const tokens: TallyToken[] = [];
  const span = (from: number, to: number) => ({ start: origin[from]!, end: origin[to]! });
  let i = 0;
  while (i < f.length) {
    const c = f[i];
    if (isWordChar(c)) {
      let j = i + 1;
      while (isWordChar(f[j])) j++;
      tokens.push({ kind: "word", key: f.slice(i, j), ...span(i, j) });
      i = j;
    } else if (isDigit(c)) {
      const date = matchDate(f, i);
      if (date) {
        tokens.push({ kind: "date", day: date.day, month: date.month, year: date.year, ...span(i, date.end) });
        i = date.end;
        continue;
      }
      NUMBER.lastIndex = i;
      const raw = NUMBER.exec(f)![0];
      // A minus sign counts only when written against the digits and not between two numbers ("5-3").
      const negative = i > 0 && MINUS.has(f[i - 1]!) && !isDigit(f[i - 2]) && !isWordChar(f[i - 2]);
      const parsed = parseCount(raw);
      const value = parsed.ok && parsed.value <= MAX_TALLY_COUNT ? parsed.value : null;
      tokens.push({ kind: "number", key: raw.replace(/^0+(?=\d)/, ""), value, negative, ...span(i, i + raw.length) });
      i += raw.length;
    } else i++;
  }
  return tokens;
}

function matchDate(f: string, i: number): { day: number; month: number; year: string | null; end: number } | undefined {
  ISO_DATE.lastIndex = i;
  const iso = ISO_DATE.exec(f);
  if (iso) return { day: Number(iso[3]), month: Number(iso[2]), year: iso[1]!, end: i + iso[0].length };
  DOTTED_DATE.lastIndex = i;
  const dotted = DOTTED_DATE.exec(f);
  if (dotted) return { day: Number(dotted[1]), month: Number(dotted[3]), year: dotted[4]!, end: i + dotted[0].length };
  DASHED_DATE.lastIndex = i;
  const dashed = DASHED_DATE.exec(f);
  if (dashed && Number(dashed[1]) >= 1 && Number(dashed[1]) <= 31 && Number(dashed[2]) >= 1 && Number(dashed[2]) <= 12) {
    return { day: Number(dashed[1]), month: Number(dashed[2]), year: dashed[3] ?? null, end: i + dashed[0].length };
  }
  SLASH_DATE.lastIndex = i;
  const slash = SLASH_DATE.exec(f);
  if (!slash) return undefined;
  // Over-long parts ("123/45") stay a date token so the message is refused as a bad date.
  const part = (s: string) => (s.length <= 2 ? Number(s) : 0);
  return { day: part(slash[1]!), month: part(slash[2]!), year: slash[3] ?? null, end: i + slash[0].length };
}
