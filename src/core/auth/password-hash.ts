import { fromBase64, toBase64 } from "../privacy/protector";

/** OWASP's floor for PBKDF2-SHA256 is higher, but Workers cap CPU per request; 100k is the agreed compromise. */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS));
}

/**
 * Hashes a dashboard password with PBKDF2-SHA256 (WebCrypto, so Node and Workers agree) as a
 * self-describing `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: the iteration count can
 * be raised later without invalidating stored hashes.
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
}

/** Checks a password against a stored hash; malformed hashes simply fail. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split("$");
  const iterations = Number(iter);
  if (scheme !== "pbkdf2-sha256" || !salt || !hash || !Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return false;
  let expected: Uint8Array;
  try {
    expected = fromBase64(hash);
  } catch {
    return false;
  }
  return constantTimeEqual(await derive(password, fromBase64(salt), iterations), expected);
}

/** Compares without an early exit, so timing does not reveal how many leading bytes matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
