/**
 * Vietnamese phone numbers in one canonical form, `84` + the national number without its
 * trunk 0 (`0912 345 678`, `+84 912 345 678` and `0084912345678` all give `84912345678`).
 * The blind index and every look-up use this form, so the same person is found whichever way
 * a gateway or an officer wrote the number.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  let national: string | undefined;
  if (compact.startsWith("+")) national = compact.startsWith("+84") ? compact.slice(3) : undefined;
  else if (compact.startsWith("0084")) national = compact.slice(4);
  else if (compact.startsWith("84") && (compact.length === 11 || compact.length === 12)) national = compact.slice(2);
  else if (compact.startsWith("0") && (compact.length === 10 || compact.length === 11)) national = compact.slice(1);
  else if (compact.length === 9) national = compact;
  // National numbers are 9 digits (mobile) or 10 (landline) and never start with 0.
  if (!national || !/^[1-9]\d{8,9}$/.test(national)) return undefined;
  return `84${national}`;
}

/** `+84…` for gateways that want E.164. */
export function toE164(canonical: string): string {
  return `+${canonical}`;
}

/** `0…` for domestic gateways (eSMS). */
export function toNational(canonical: string): string {
  return `0${canonical.slice(2)}`;
}

/** Blind-index namespace for phone numbers (roster, SMS identities): always of `normalizePhone`'s form. */
export const PHONE_INDEX = "phone";
