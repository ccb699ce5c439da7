import { normaliseCardCode } from "../cards/parse-card-code";

/**
 * What a resident may type to find their card: the 15-character legacy card code, the
 * 10-digit BHXH number printed on the 2021 card form, or the 12-digit personal ID that is the
 * identifier from 1/8/2025. Spaces, dashes, dots and lower case are tolerated.
 */
export type CardIdentifier =
  | { kind: "card"; cardCode: string; bhxhNumber: string }
  | { kind: "bhxh"; bhxhNumber: string }
  | { kind: "id"; idNumber: string };

export function readCardIdentifier(text: string): CardIdentifier | undefined {
  const compact = normaliseCardCode(text);
  const legacy = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/.exec(compact);
  if (legacy) return { kind: "card", cardCode: compact, bhxhNumber: legacy[4]! };
  if (/^\d{10}$/.test(compact)) return { kind: "bhxh", bhxhNumber: compact };
  if (/^\d{12}$/.test(compact)) return { kind: "id", idNumber: compact };
  return undefined;
}

/** Something that is clearly meant as a number to look up but cannot be one (wrong length…). */
export function looksLikeIdentifier(text: string): boolean {
  const compact = text.replace(/[\s.\-_]/g, "");
  return /^[A-Za-z]{0,2}\d{8,14}$/.test(compact);
}
