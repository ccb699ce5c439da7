/**
 * What a BHYT card code tells by itself. Deliberately small and self-contained: the full,
 * data-driven `parseCardCode` (group and level tables with effective dates) replaces this
 * file at merge, so callers depend only on `cardCodeFacts` and `CardCodeFacts`.
 */
export interface CardCodeFacts {
  /** The code as stored and blind-indexed: no spaces, dashes or dots; upper case. */
  code: string;
  /** "legacy": 15 characters, QĐ 1351/QĐ-BHXH; "bhxh": the 10-digit BHXH number used as the code (QĐ 1666). */
  form: "legacy" | "bhxh";
  bhxhNumber: string;
  /** Only a legacy code carries these; a 10-digit code says nothing about group or level. */
  groupCode: string | null;
  benefitLevel: number | null;
  /** The issuing province in pre-merger (63-province) numbering. */
  provinceCode: string | null;
}

/** Strips what people type between the boxes of a printed card ("GD 4 38 99000 01234", "gd-4-38-…"). */
export function normalizeCardCode(text: string): string {
  return text.replace(/[\s\u00a0.\-_/]/g, "").toUpperCase();
}

const LEGACY = /^([A-Z]{2})([1-5])(0[1-9]|[1-9]\d)(\d{10})$/;
const BHXH_ONLY = /^\d{10}$/;

/** The facts of a card code, or undefined when it is neither a legacy 15-character code nor a 10-digit one. */
export function cardCodeFacts(text: string): CardCodeFacts | undefined {
  const code = normalizeCardCode(text);
  const legacy = LEGACY.exec(code);
  if (legacy) {
    return { code, form: "legacy", groupCode: legacy[1]!, benefitLevel: Number(legacy[2]), provinceCode: legacy[3]!, bhxhNumber: legacy[4]! };
  }
  if (BHXH_ONLY.test(code)) return { code, form: "bhxh", bhxhNumber: code, groupCode: null, benefitLevel: null, provinceCode: null };
  return undefined;
}
