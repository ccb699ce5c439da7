/**
 * @module Comparing secrets without telling an attacker how close a guess came: one home for
 * the byte comparison (MACs, password hashes) and the string one (webhook tokens, signatures).
 * WebCrypto only, so it runs the same on Node and Workers.
 */
const encoder = new TextEncoder();

/** Compares without an early exit, so timing does not reveal how many leading bytes matched. */
export function bytesMatch(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));

/**
 * Compares two strings in time independent of where they differ. Both sides are hashed first,
 * so the comparison is over equal lengths and does not reveal the secret's length either.
 */
export async function secretsMatch(given: string, expected: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(given), digest(expected)]);
  return bytesMatch(x, y);
}

/**
 * `secretsMatch` against a secret fixed for the process (a webhook token from the config): the
 * secret is hashed once, so each request hashes only what it was given (every Telegram update
 * is checked; the second digest was a measurable share of a small update's CPU).
 */
export function secretMatcher(expected: string): (given: string) => Promise<boolean> {
  let expectedDigest: Promise<Uint8Array> | undefined;
  return async (given) => {
    expectedDigest ??= digest(expected);
    const [x, y] = await Promise.all([digest(given), expectedDigest]);
    return bytesMatch(x, y);
  };
}
