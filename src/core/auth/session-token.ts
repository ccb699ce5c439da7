import { bytesMatch } from "./secret-compare";

/** What a dashboard session cookie proves: this account signed in and the session has not expired. */
export interface SessionClaims {
  accountId: number;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

export interface SessionSigner {
  sign(claims: SessionClaims): Promise<string>;
  /** The claims when the signature is good and `exp` is after `now`; otherwise undefined. */
  verify(token: string, now: Date): Promise<SessionClaims | undefined>;
}

const encoder = new TextEncoder();

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Signed session cookies: `v1.<accountId>.<exp>.<HMAC-SHA256>`. The cookie carries the
 * claims; `admin-sessions` also records each one so it can be listed and revoked, and the
 * account is re-read on every request, so disabling it ends its sessions at once.
 */
export async function createSessionSigner(secret: Uint8Array): Promise<SessionSigner> {
  if (secret.length < 32) throw new Error("Session key must be at least 32 bytes");
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = async (payload: string) => new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(payload)));
  return {
    async sign(claims) {
      const payload = `v1.${claims.accountId}.${claims.exp}`;
      return `${payload}.${toBase64Url(await mac(payload))}`;
    },
    async verify(token, now) {
      const match = /^v1\.(\d{1,12})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return undefined;
      const signature = fromBase64Url(match[3]!);
      if (!signature || !bytesMatch(await mac(`v1.${match[1]}.${match[2]}`), signature)) return undefined;
      const claims = { accountId: Number(match[1]), exp: Number(match[2]) };
      return claims.exp > now.getTime() ? claims : undefined;
    },
  };
}
