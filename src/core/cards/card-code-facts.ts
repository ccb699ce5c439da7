import { normaliseCardCode } from "./parse-card-code";

/**
 * What a BHYT card code tells by itself, without the reference tables: the import checks the
 * group against participant_groups in SQL, so it needs only the shape. `parseCardCode` is the
 * data-driven reading (`bhyt card parse`); both share `normaliseCardCode`.
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


const LEGACY = /^([A-Z]{2})([1-5])(0[1-9]|[1-9]\d)(\d{10})$/;
const BHXH_ONLY = /^\d{10}$/;

/** The facts of a card code, or undefined when it is neither a legacy 15-character code nor a 10-digit one. */
export function cardCodeFacts(text: string): CardCodeFacts | undefined {
  // One normalisation for card codes everywhere: the import, the parser and the bot's look-up.
  const code = normaliseCardCode(text);
  const legacy = LEGACY.exec(code);
  if (legacy) {
    return { code, form: "legacy", groupCode: legacy[1]!, benefitLevel: Number(legacy[2]), provinceCode: legacy[3]!, bhxhNumber: legacy[4]! };
  }
  if (BHXH_ONLY.test(code)) return { code, form: "bhxh", bhxhNumber: code, groupCode: null, benefitLevel: null, provinceCode: null };
  return undefined;
}
