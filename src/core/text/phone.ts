/**
 * One canonical form for Vietnamese phone numbers, "84" + national number without the
 * leading 0, so "0912 345 678", "+84912345678" and "84-912-345-678" are the same person
 * for blind indexes, SMS routing and de-duplication.
 */
export function canonicalPhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.()-]/g, "");
  const match = /^(?:\+84|84|0)([1-9]\d{8,9})$/.exec(compact);
  return match ? `84${match[1]}` : undefined;
}

/** Blind-index namespace for phone numbers (roster, SMS identities, consents). */
export const PHONE_INDEX = "phone";

/** "84912345678" → "0912345678", the way people dial it. */
export function displayPhone(canonical: string): string {
  return canonical.startsWith("84") ? `0${canonical.slice(2)}` : canonical;
}
