import type { CardTerms } from "../../db/schema";
import { cardCodeFacts } from "../cards/card-code-facts";
import { searchKey } from "../text/search-key";
import { normalizeVnMobile } from "../text/vn-phone";
import type { RowIssue } from "./run-import";
import { parseDate } from "./values";

/** One roster row, checked and in canonical form; personal values are still plain here and must be sealed before staging. */
export interface CardRow extends CardTerms {
  fullName: string;
  village: string;
  gender: "male" | "female" | null;
  birthYear: number | null;
  dateOfBirth: string | null;
  bhxhNumber: string | null;
  idNumber: string | null;
  phone: string | null;
  cardCode: string | null;
  householdCode: string | null;
}

export type CardRowResult = { ok: true; row: CardRow; warnings: RowIssue[] } | { ok: false; errors: RowIssue[] };

const GENDERS: Record<string, "male" | "female"> = { nam: "male", male: "male", m: "male", nu: "female", female: "female", f: "female" };

/** A roster spells gender a handful of ways; each spelling is folded once. */
const genderSpellings = new Map<string, "male" | "female" | undefined>();
function genderOf(value: string): "male" | "female" | undefined {
  if (!genderSpellings.has(value) && genderSpellings.size < 100) genderSpellings.set(value, GENDERS[searchKey(value)]);
  return genderSpellings.has(value) ? genderSpellings.get(value) : GENDERS[searchKey(value)];
}

/** A cell as compared and stored: single spaces, trimmed, NFC. */
export function cellText(r: Record<string, string>, column: string): string {
  return (r[column] ?? "").replace(/\s+/g, " ").trim().normalize("NFC");
}

/**
 * Checks one row; the village is looked up by the caller, which has the database. Errors
 * name the column, never the value, for personal data (numbers, dates of birth, phones):
 * the CLI prints them and a terminal is not a safe place.
 */
export function parseCardRow(r: Record<string, string>, row: number, today: string): CardRowResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const err = (messageKey: string, args: Record<string, string | number> = {}) => errors.push({ row, messageKey, args });
  // Each cell cleaned once: several checks read the same column (a million rows, ~12 reads each).
  const texts = new Map<string, string>();
  const text = (column: string) => {
    let value = texts.get(column);
    if (value === undefined) texts.set(column, (value = cellText(r, column)));
    return value;
  };
  const digits = (column: string) => (r[column] ?? "").replace(/[\s\u00a0.]/g, "");

  const fullName = text("full_name");
  if (!fullName) err("row-card-required", { column: "full_name" });
  const village = text("village");
  if (!village) err("row-card-required", { column: "village" });

  const gender = text("gender") ? genderOf(text("gender")) : null;
  if (gender === undefined) err("row-card-bad-gender", { value: text("gender") });

  const date = (column: string): string | null => {
    const value = text(column);
    if (!value) return null;
    const parsed = parseDate(value);
    if (!parsed.ok) err("row-card-bad-date", { column });
    return parsed.ok ? parsed.value : null;
  };
  let birthYear: number | null = null;
  let dateOfBirth: string | null = null;
  // Older people are often listed by year of birth only.
  if (/^\d{4}$/.test(text("date_of_birth"))) birthYear = Number(text("date_of_birth"));
  else dateOfBirth = date("date_of_birth");
  if (dateOfBirth) birthYear = Number(dateOfBirth.slice(0, 4));
  if (birthYear !== null && (birthYear < 1880 || (dateOfBirth ?? `${birthYear}`) > today)) err("row-card-bad-date", { column: "date_of_birth" });

  const number = (column: string, length: number): string | null => {
    const value = digits(column);
    if (!value) return null;
    if (value.length === length && /^\d+$/.test(value)) return value;
    err("row-card-bad-number", { column, digits: length });
    return null;
  };
  let bhxhNumber = number("bhxh_number", 10);
  const idNumber = number("id_number", 12);

  let card: ReturnType<typeof cardCodeFacts> | null = null;
  if (text("card_code")) {
    card = cardCodeFacts(text("card_code")) ?? null;
    if (!card) err("row-card-bad-card-code", { column: "card_code" });
    else if (bhxhNumber && card.bhxhNumber !== bhxhNumber) err("row-card-bhxh-mismatch");
    // The card code carries the BHXH number: a list with only "Mã thẻ" still identifies people.
    else if (!digits("bhxh_number")) bhxhNumber = card.bhxhNumber;
  }
  if (!digits("bhxh_number") && !digits("id_number") && !text("card_code")) err("row-card-no-identifier");

  let phone: string | null = null;
  if (text("phone")) {
    phone = normalizeVnMobile(text("phone")) ?? null;
    if (!phone) err("row-card-bad-phone", { column: "phone" });
  }

  const validFrom = date("valid_from");
  const validTo = date("valid_to");
  if (validFrom && validTo && validTo < validFrom) err("row-card-valid-to-before-from");
  const fiveYearDate = date("five_year_date");

  const groupColumn = text("group_code").toUpperCase() || null;
  // The column wins: BHXH lists state the current group, a card code can predate a change.
  if (groupColumn && card?.groupCode && groupColumn !== card.groupCode) warnings.push({ row, messageKey: "warn-card-group-differs", args: {} });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    warnings,
    row: {
      fullName,
      village,
      gender: gender ?? null,
      birthYear,
      dateOfBirth,
      bhxhNumber,
      idNumber,
      phone,
      cardCode: card?.code ?? null,
      groupCode: groupColumn ?? card?.groupCode ?? null,
      benefitLevel: card?.benefitLevel ?? null,
      provinceCode: card?.provinceCode ?? null,
      validFrom,
      validTo,
      householdCode: text("household_id") || null,
      registeredFacility: text("registered_facility") || null,
      fiveYearDate,
    },
  };
}
