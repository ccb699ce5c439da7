import { countSegments, toGsm7, type SmsEncoding } from "./segments";

/** A text ready for SMS and what it will cost. */
export interface SmsFit {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** `accented` as written; `unaccented` without diacritics (GSM-7); `truncated` cut to fit. */
  variant: "accented" | "unaccented" | "truncated";
}

const ELLIPSIS = "...";

/**
 * Makes `text` fit in `maxSegments` SMS parts. Accented Vietnamese needs UCS-2 (70/67 per
 * part), so the accented text is kept only when it fits; otherwise the unaccented variant
 * (GSM-7, 160/153 per part: more than twice as much text for the same price), and as a last
 * resort that variant cut at a word boundary with "...".
 */
export function fitSms(text: string, maxSegments = 2): SmsFit {
  if (!Number.isInteger(maxSegments) || maxSegments < 1) throw new RangeError("maxSegments must be a positive integer");
  const accented = countSegments(text);
  if (accented.segments <= maxSegments) return { text, encoding: accented.encoding, segments: accented.segments, variant: "accented" };
  const plain = toGsm7(text);
  const unaccented = countSegments(plain);
  if (unaccented.segments <= maxSegments) return { text: plain, encoding: "gsm7", segments: unaccented.segments, variant: "unaccented" };
  const cut = truncateToFit(plain, maxSegments);
  return { text: cut, encoding: "gsm7", segments: countSegments(cut).segments, variant: "truncated" };
}

/** The longest prefix that still fits with the ellipsis, backed off to a word boundary nearby. */
function truncateToFit(plain: string, maxSegments: number): string {
  const fits = (length: number) => countSegments(plain.slice(0, length).trimEnd() + ELLIPSIS).segments <= maxSegments;
  let low = 0;
  let high = plain.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  let prefix = plain.slice(0, low);
  // Prefer not to cut a word in half, unless that would throw away a long stretch of text.
  const space = prefix.search(/\s\S*$/);
  if (space > 0 && low - space <= 20 && /\S/.test(plain[low] ?? "")) prefix = prefix.slice(0, space);
  return prefix.replace(/[\s,;:.-]+$/, "") + ELLIPSIS;
}
