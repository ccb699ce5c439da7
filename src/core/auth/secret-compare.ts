/**
 * @module Comparing secrets without telling an attacker how close a guess came: one home for
 * the byte comparison (MACs, password hashes) and the string one (webhook tokens, signatures).
 * Plain JavaScript, so it runs the same on Node and Workers.
 */

/** Compares without an early exit, so timing does not reveal how many leading bytes matched. */
export function bytesMatch(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Whether `given` (from a request) is the secret `expected`. The work depends only on the
 * length of what was given: every character of it is compared (against the secret, repeated
 * when the guess is longer), with no early exit, so timing reveals neither where a guess went
 * wrong nor how long the secret is. (Hashing both sides first, as this did before, cost two
 * SHA-256 digests through WebCrypto on every webhook call for the same guarantees.)
 */
export function secretsMatch(given: string, expected: string): boolean {
  if (expected.length === 0) return false;
  let diff = given.length ^ expected.length;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i % expected.length);
  return diff === 0;
}
