import type { OfficerRole } from "../../db/schema";

/** No 0/O, 1/I/L: codes are read aloud over the phone and typed on small keyboards. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 8;

/** 8 characters from 31 symbols ≈ 40 bits: single-use and expiring, so guessing is hopeless. */
export function generateInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(INVITE_CODE_LENGTH * 2));
  let code = "";
  for (let i = 0; code.length < INVITE_CODE_LENGTH && i < bytes.length; i++) {
    const b = bytes[i]!;
    // Rejection sampling keeps every symbol equally likely.
    if (b < 248) code += ALPHABET[b % ALPHABET.length];
  }
  return code.length === INVITE_CODE_LENGTH ? code : generateInviteCode();
}

/** What people type: "np7k 3qxm", "NP7K-3QXM" → "NP7K3QXM"; anything else → undefined. */
export function normalizeInviteCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== INVITE_CODE_LENGTH) return undefined;
  return [...compact].every((c) => ALPHABET.includes(c)) ? compact : undefined;
}

/** Shown with a dash in the middle so it is easy to read out. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const ROLE_RANK: Record<OfficerRole, number> = { viewer: 0, collector: 1, commune: 2 };

/** A second invite never narrows what an officer may do. */
export function widerRole(a: OfficerRole, b: OfficerRole): OfficerRole {
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}
