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
 * One row's cells and issues. Methods rather than closures made per row: under tsx each
 * closure also costs a `__name` call, and a million-row roster makes these per row.
 */
class RowCells {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  // Each cell cleaned once: several checks read the same column.
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly r: Record<string, string>,
    private readonly row: number,
  ) {}

  err(messageKey: string, args: Record<string, string | number> = {}): void {
    this.errors.push({ row: this.row, messageKey, args });
  }

  text(column: string): string {
    let value = this.texts.get(column);
    if (value === undefined) this.texts.set(column, (value = cellText(this.r, column)));
    return value;
  }

  digits(column: string): string {
    return (this.r[column] ?? "").replace(/[\s\u00a0.]/g, "");
  }

  date(column: string): string | null {
    const value = this.text(column);
    if (!value) return null;
    const parsed = parseDate(value);
    if (!parsed.ok) this.err("row-card-bad-date", { column });
    return parsed.ok ? parsed.value : null;
  }

  number(column: string, length: number): string | null {
    const value = this.digits(column);
    if (!value) return null;
    if (value.length === length && /^\d+$/.test(value)) return value;
    this.err("row-card-bad-number", { column, digits: length });
    return null;
  }
}

/**
 * Checks one row; the village is looked up by the caller, which has the database. Errors
 * name the column, never the value, for personal data (numbers, dates of birth, phones):
 * the CLI prints them and a terminal is not a safe place.
 */
export function parseCardRow(r: Record<string, string>, row: number, today: string): CardRowResult {
  const c = new RowCells(r, row);
  const { errors, warnings } = c;

  const fullName = c.text("full_name");
  if (!fullName) c.err("row-card-required", { column: "full_name" });
  const village = c.text("village");
  if (!village) c.err("row-card-required", { column: "village" });

  const gender = c.text("gender") ? genderOf(c.text("gender")) : null;
  if (gender === undefined) c.err("row-card-bad-gender", { value: c.text("gender") });

  let birthYear: number | null = null;
  let dateOfBirth: string | null = null;
  // Older people are often listed by year of birth only.
  if (/^\d{4}$/.test(c.text("date_of_birth"))) birthYear = Number(c.text("date_of_birth"));
  else dateOfBirth = c.date("date_of_birth");
  if (dateOfBirth) birthYear = Number(dateOfBirth.slice(0, 4));
  if (birthYear !== null && (birthYear < 1880 || (dateOfBirth ?? `${birthYear}`) > today)) c.err("row-card-bad-date", { column: "date_of_birth" });

  let bhxhNumber = c.number("bhxh_number", 10);
  const idNumber = c.number("id_number", 12);

  let card: ReturnType<typeof cardCodeFacts> | null = null;
  if (c.text("card_code")) {
    card = cardCodeFacts(c.text("card_code")) ?? null;
    if (!card) c.err("row-card-bad-card-code", { column: "card_code" });
    else if (bhxhNumber && card.bhxhNumber !== bhxhNumber) c.err("row-card-bhxh-mismatch");
    // The card code carries the BHXH number: a list with only "Mã thẻ" still identifies people.
    else if (!c.digits("bhxh_number")) bhxhNumber = card.bhxhNumber;
  }
  if (!c.digits("bhxh_number") && !c.digits("id_number") && !c.text("card_code")) c.err("row-card-no-identifier");

  let phone: string | null = null;
  if (c.text("phone")) {
    phone = normalizeVnMobile(c.text("phone")) ?? null;
    if (!phone) c.err("row-card-bad-phone", { column: "phone" });
  }

  const validFrom = c.date("valid_from");
  const validTo = c.date("valid_to");
  if (validFrom && validTo && validTo < validFrom) c.err("row-card-valid-to-before-from");
  const fiveYearDate = c.date("five_year_date");

  const groupColumn = c.text("group_code").toUpperCase() || null;
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
      householdCode: c.text("household_id") || null,
      registeredFacility: c.text("registered_facility") || null,
      fiveYearDate,
    },
  };
}
