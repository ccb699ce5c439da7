/** @module Zalo OA authorisation with PKCE: the permission URL, and the code → token pair exchange. */
import type { ZaloOaConfig } from "../../config";
import { zaloTokenResponseSchema } from "./schemas";

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** A fresh verifier (43 characters), its S256 challenge, and an unguessable state. */
export async function createPkce(): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  return { verifier, challenge, state: b64url(crypto.getRandomValues(new Uint8Array(16))) };
}

/** Zalo's permission page for the OA's app (`/v4/oa/permission`), asking to come back to `redirectUri`. */
export function permissionUrl(config: ZaloOaConfig, input: { redirectUri: string; challenge: string; state: string }): string {
  const url = new URL("/v4/oa/permission", config.oauthRoot);
  url.search = new URLSearchParams({ app_id: config.appId, redirect_uri: input.redirectUri, code_challenge: input.challenge, state: input.state }).toString();
  return url.toString();
}

export type ExchangeResult = { ok: true; accessToken: string; refreshToken: string; expiresInSeconds: number } | { ok: false; error: string };

/** `POST {oauthRoot}/v4/oa/access_token` with the code and the verifier (form body, `secret_key` header). */
export async function exchangeCode(config: ZaloOaConfig, input: { code: string; verifier: string }, fetchFn: typeof fetch = fetch): Promise<ExchangeResult> {
  const body = new URLSearchParams({ code: input.code, app_id: config.appId, grant_type: "authorization_code", code_verifier: input.verifier });
  let json: unknown;
  try {
    const res = await fetchFn(`${config.oauthRoot.replace(/\/+$/, "")}/v4/oa/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", secret_key: config.appSecret },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    json = await res.json();
  } catch {
    return { ok: false, error: "unreachable" };
  }
  const parsed = zaloTokenResponseSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: "unreadable" };
  const data = parsed.data as Record<string, unknown>;
  if (typeof data.access_token === "string" && typeof data.refresh_token === "string") {
    return { ok: true, accessToken: data.access_token, refreshToken: data.refresh_token, expiresInSeconds: Number(data.expires_in) };
  }
  return { ok: false, error: String(data.error ?? "unknown") };
}
