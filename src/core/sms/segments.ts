import { gsmSeptets, isGsmText } from "./gsm-charset";

export type SmsEncoding = "gsm7" | "ucs2";

/** How a text travels as SMS: its encoding, its length in that encoding's units, and its parts. */
export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/** Single-part capacity and per-part capacity once a concatenation header (UDH) is needed. */
export const SMS_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/**
 * Counts the parts a phone will send. Parts are filled greedily and a character is never
 * split across parts: an extension character's ESC pair and an emoji's surrogate pair
 * stay together, which is why a part can hold one unit less than its capacity.
 */
export function countSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsmText(text) ? "gsm7" : "ucs2";
  const costs: number[] = [];
  // `for…of` walks code points, so a surrogate pair arrives as one two-unit character.
  for (const char of text) costs.push(encoding === "gsm7" ? gsmSeptets(char)! : char.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

/** Vietnamese (and any Latin) diacritics removed: "Đã ghi nhận" → "Da ghi nhan". */
export function toUnaccented(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

// Typography our catalogues use that GSM-7 lacks, spelled the way a phone shows it in plain
// characters ("→" as "->", not "?"); anything else outside GSM-7 still becomes "?".
const ASCII_PUNCTUATION: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2026": "...", "\u2022": "-", "\u00b7": "-",
  "\u2192": "->", "\u2190": "<-", "\u2194": "<->", "\u21d2": "=>", "\u21d0": "<=", "\u2191": "^", "\u2193": "v", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u2248": "~",
  "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\t": " ", "\u00d7": "x", "\u20ab": "d", "\u2116": "No", "\u2713": "v", "\u2714": "v", "\u00b0": " do",
};

/** The unaccented text with every remaining character forced into GSM-7 (so it costs 160/153). */
export function toGsm7(text: string): string {
  let out = "";
  for (const char of toUnaccented(text)) {
    const mapped = ASCII_PUNCTUATION[char] ?? char;
    out += mapped === "" ? "" : gsmSeptets(mapped[0]!) === undefined ? "?" : mapped;
  }
  return out;
}
