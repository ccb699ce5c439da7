import type { Config } from "../../config";
import type { Protector } from "../../core/privacy/protector";
import { createSessionSigner, type SessionSigner } from "../../core/auth/session-token";

/**
 * The session signing key: `SESSION_SECRET` when set; otherwise two blind indexes under
 * BLIND_INDEX_KEY ("dashboard-session:v1" and ":v1:2"), PRF output that reveals nothing about
 * the index key and changes with it, so Node's generated keys.json works without yet another
 * secret. Undefined when neither exists (a Worker without keys): pages render, sign-in is refused.
 */
export async function loadSessionSigner(config: Config, protector: Protector | undefined): Promise<SessionSigner | undefined> {
  if (config.sessionSecret) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(config.sessionSecret));
    return createSessionSigner(new Uint8Array(digest));
  }
  if (!protector) return undefined;
  // Two 128-bit blind indexes make the 32-byte key (BLIND_INDEX_BYTES). Sessions signed before
  // blind indexes were cut to 128 bits (one HMAC as the key) ended then: sign in once more.
  const hex = (await protector.blindIndex("dashboard-session", "v1")) + (await protector.blindIndex("dashboard-session", "v1:2"));
  return createSessionSigner(Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16)));
}
