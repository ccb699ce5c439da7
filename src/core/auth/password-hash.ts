import { fromBase64, toBase64 } from "../privacy/protector";
import { bytesMatch } from "./secret-compare";

/**
 * OWASP's floor for PBKDF2-SHA256 is 600,000, but Workers' WebCrypto refuses more than 100,000
 * iterations: 100k is that ceiling, not a choice of strength. What makes up for it: generated
 * passwords of 144 bits, sign-in throttling, and the server-side pepper below (a stolen
 * database alone cannot be attacked offline when PASSWORD_PEPPER is set and kept elsewhere).
 */
export const PBKDF2_ITERATIONS = 100_000;
/** Hashes made with a pepper: PBKDF2 over HMAC-SHA256(pepper, password). */
const PEPPERED = "pbkdf2-sha256-hmac";
const PLAIN = "pbkdf2-sha256";
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number, pepper?: string): Promise<Uint8Array> {
  const input = pepper === undefined ? encoder.encode(password) : await hmac(pepper, password);
  const key = await crypto.subtle.importKey("raw", input, "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS));
}

async function hmac(pepper: string, password: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(pepper), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(password)));
}

/**
 * Hashes a dashboard password with PBKDF2-SHA256 (WebCrypto, so Node and Workers agree) as a
 * self-describing `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: the iteration count can
 * be raised later without invalidating stored hashes.
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS, pepper?: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${pepper ? PEPPERED : PLAIN}$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations, pepper || undefined))}`;
}

/**
 * Checks a password against a stored hash; malformed hashes simply fail. A peppered hash needs
 * the pepper; an older unpeppered one still verifies (see `needsPepper`, which upgrades it).
 */
export async function verifyPassword(password: string, stored: string, pepper?: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split("$");
  const iterations = Number(iter);
  if ((scheme !== PLAIN && scheme !== PEPPERED) || !salt || !hash || !Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return false;
  if (scheme === PEPPERED && !pepper) return false;
  let expected: Uint8Array;
  try {
    expected = fromBase64(hash);
  } catch {
    return false;
  }
  return bytesMatch(await derive(password, fromBase64(salt), iterations, scheme === PEPPERED ? pepper : undefined), expected);
}

/** A hash made before PASSWORD_PEPPER was set: rehash it at the next successful sign-in. */
export function needsPepper(stored: string, pepper?: string): boolean {
  return Boolean(pepper) && stored.startsWith(`${PLAIN}$`);
}
