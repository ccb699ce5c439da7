import type { Locale } from "../../config";

// Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF).
// One of them in a unit name would make the renderer reject the whole picture, so drop them.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for SVG element content and attribute values (either quote style). */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, "").replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * Rough advance of one character in em, tuned on Be Vietnam Pro. There are no font metrics
 * in core, so widths are estimated on the generous side: a truncated name is better than one
 * running into the bar.
 */
function charEm(c: string, bold: boolean): number {
  const em = /[ijlI.,:;'|!()[\]\s]/.test(c) ? 0.3 : /[mwMW@%]/.test(c) ? 0.9 : /[\p{Lu}\d]/u.test(c) ? 0.68 : 0.58;
  return bold ? em * 1.06 : em;
}

/** Estimated width in px of `text` at `fontSize`. */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c, bold);
  return em * fontSize;
}

/**
 * Normalises and shortens `text` to fit `maxWidth` px, ending in "…" when cut.
 * NFC first, so a name typed with combining marks (NFD keyboards) counts, cuts and renders
 * as whole Vietnamese letters; then whitespace runs collapse (newlines would break the line).
 */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (estimateWidth(clean, fontSize, bold) <= maxWidth) return clean;
  const chars = Array.from(clean);
  const budget = maxWidth - estimateWidth("…", fontSize, bold);
  let used = 0;
  let keep = 0;
  for (const c of chars) {
    const w = charEm(c, bold) * fontSize;
    if (used + w > budget) break;
    used += w;
    keep += 1;
  }
  return `${chars.slice(0, keep).join("").trimEnd()}…`;
}

/** Formats a percent figure (95.3 → "95,3%" in Vietnamese, "95.3%" in English). */
export function createPercentFormat(locale: Locale, fractionDigits: number): (percent: number) => string {
  const format = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return (percent) => format.format(percent / 100);
}
