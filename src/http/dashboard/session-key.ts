import type { Config } from "../../config";
import type { Protector } from "../../core/privacy/protector";
import { createSessionSigner, type SessionSigner } from "../../core/auth/session-token";

/**
 * The session signing key: `SESSION_SECRET` when set; otherwise HMAC(BLIND_INDEX_KEY,
 * "dashboard-session:v1"), a PRF output that reveals nothing about the index key and changes
 * with it, so Node's generated keys.json works without yet another secret. Undefined when
 * neither exists (a Worker without keys): pages render, sign-in is refused.
 */
export async function loadSessionSigner(config: Config, protector: Protector | undefined): Promise<SessionSigner | undefined> {
  if (config.sessionSecret) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(config.sessionSecret));
    return createSessionSigner(new Uint8Array(digest));
  }
  if (!protector) return undefined;
  const hex = await protector.blindIndex("dashboard-session", "v1");
  return createSessionSigner(Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16)));
}
