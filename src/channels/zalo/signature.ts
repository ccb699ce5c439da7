import { sha256Hex } from "../sms/webhook-crypto";
import { secretsMatch } from "../../core/auth/secret-compare";

/**
 * `X-ZEvent-Signature: mac=<hex sha256(app_id + raw body + timestamp + OA secret key)>`: a plain
 * hash of the concatenation, not an HMAC. The body is hashed exactly as received.
 */
export async function zaloOaSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): Promise<string> {
  return `mac=${await sha256Hex(appId + rawBody + timestamp + oaSecretKey)}`;
}

/**
 * The body's `timestamp`, read from the raw text without parsing it (nothing is parsed before
 * the signature holds). Zalo writes it as a string; a bare number is accepted too.
 */
export function rawTimestamp(rawBody: string): string | undefined {
  return /"timestamp"\s*:\s*"?(\d{1,20})"?/.exec(rawBody)?.[1];
}

/** True when the header matches our app id and OA secret key (constant time). */
export async function verifyZaloOaSignature(header: string | null | undefined, rawBody: string, appId: string, oaSecretKey: string): Promise<boolean> {
  const timestamp = rawTimestamp(rawBody);
  if (!header || !timestamp) return false;
  return secretsMatch(header.trim(), await zaloOaSignature(appId, rawBody, timestamp, oaSecretKey));
}
