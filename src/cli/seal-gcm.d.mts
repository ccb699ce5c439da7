/** Types of seal-gcm.mjs (plain JavaScript, so the sealing worker starts without a TypeScript loader). */
export function createGcmSealer(key: Buffer): {
  /** For each plain value the bytes `iv ‖ ciphertext ‖ tag`; `ivs` holds 12 bytes per value. */
  sealAll(plains: readonly Buffer[], ivs: Buffer): Buffer[];
};
