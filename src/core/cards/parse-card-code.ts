/**
 * Reads what people type as a BHYT card number. Three shapes exist side by side (domain.md
 * §1.1, §1.5, §1.6): the legacy 15-character code (group, benefit level, province, BHXH
 * number), the bare 10-digit BHXH number of the 2021 card form, and the 12-digit personal ID
 * that identifies participants from 1/8/2025. Pure: the known groups and provinces are input.
 */

export type CardCodeFormat = "legacy15" | "bhxh10" | "id12";

/** Why a code was refused; stable across the CLI, the bot and SMS. */
export type CardCodeRejectionCode =
  | "card_wrong_length"
  | "card_unknown_group"
  | "card_bad_benefit_level"
  | "card_letters_in_number"
  | "card_unknown_province";

/** What the code reveals; fields the format does not carry are absent. */
export interface ParsedCardCode {
  ok: true;
  format: CardCodeFormat;
  group?: string;
  benefitLevel?: number;
  provinceCode?: string;
  bhxhNumber?: string;
  /** The 12-digit personal ID (số định danh cá nhân), for the `id12` format. */
  personalId?: string;
}

export interface CardCodeRejection {
  ok: false;
  code: CardCodeRejectionCode;
  /** Message id in messages/*.ftl; `args` fill it. */
  messageKey: string;
  args: Record<string, string | number>;
}

export type CardCodeParseResult = ParsedCardCode | CardCodeRejection;

/** Codes the database knows: card group codes (participant_groups) and card province codes. */
export interface CardCodeVocabulary {
  groups: ReadonlySet<string>;
  provinces: ReadonlySet<string>;
}

const LENGTHS: Record<number, CardCodeFormat> = { 15: "legacy15", 10: "bhxh10", 12: "id12" };

/** Upper case without spaces or dashes: "gd 4-79-792 012 3456" → "GD4797920123456". */
export function normaliseCardCode(input: string): string {
  // NFKC folds full-width letters and digits that phone keyboards sometimes produce; dots,
  // underscores and slashes are what people type between the boxes of a printed card.
  return input.normalize("NFKC").replace(/[\s\u00a0.\-_/\u2010-\u2015\u2212]/g, "").toUpperCase();
}

function reject(code: CardCodeRejectionCode, messageKey: string, args: Record<string, string | number>): CardCodeRejection {
  return { ok: false, code, messageKey, args };
}

/** The first character of `text` that is not 0–9, if any. */
function firstNonDigit(text: string): string | undefined {
  return /[^0-9]/.exec(text)?.[0];
}

export function parseCardCode(input: string, vocabulary: CardCodeVocabulary): CardCodeParseResult {
  const code = normaliseCardCode(input);
  const format = LENGTHS[code.length];
  if (!format) return reject("card_wrong_length", "card-wrong-length", { code, length: code.length });
  if (format !== "legacy15") {
    const bad = firstNonDigit(code);
    if (bad !== undefined) return reject("card_letters_in_number", "card-letters-in-number", { number: code, char: bad });
    return format === "bhxh10" ? { ok: true, format, bhxhNumber: code } : { ok: true, format, personalId: code };
  }
  // Checked left to right, so the message points at the first box that is wrong.
  const group = code.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(group) || !vocabulary.groups.has(group)) return reject("card_unknown_group", "card-unknown-group", { group });
  const level = code.charAt(2);
  if (!/^[1-5]$/.test(level)) return reject("card_bad_benefit_level", "card-bad-benefit-level", { digit: level });
  const rest = code.slice(3);
  const bad = firstNonDigit(rest);
  if (bad !== undefined) return reject("card_letters_in_number", "card-letters-in-number", { number: rest, char: bad });
  const provinceCode = rest.slice(0, 2);
  if (!vocabulary.provinces.has(provinceCode)) return reject("card_unknown_province", "card-unknown-province", { province: provinceCode });
  return { ok: true, format, group, benefitLevel: Number(level), provinceCode, bhxhNumber: rest.slice(2) };
}
