import type { Context } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { LOCALES, type Locale } from "../../config";

export const SESSION_COOKIE = "bhyt_session";
export const CSRF_COOKIE = "bhyt_csrf";
export const LANG_COOKIE = "bhyt_lang";
/** Sessions last a working day; signing in again is cheap, a stolen cookie should not be. */
export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** Secure when the browser talks HTTPS to us: directly, or to the proxy named by PUBLIC_URL. */
export function isHttps(c: Context, publicUrl: string | undefined): boolean {
  return new URL(c.req.url).protocol === "https:" || (publicUrl?.startsWith("https:") ?? false);
}

const base = (secure: boolean) => ({ path: "/", httpOnly: true, sameSite: "Lax" as const, secure });

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { ...base(secure), maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, base(secure));
}

/**
 * The CSRF token: random, kept in an HttpOnly cookie and echoed in every form (double submit).
 * A cross-site form cannot read the cookie, so it cannot send the matching field.
 */
export function ensureCsrfToken(c: Context, secure: boolean, rotate = false): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing) && !rotate) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_");
  setCookie(c, CSRF_COOKIE, token, { ...base(secure), sameSite: "Strict" });
  return token;
}

/** `?lang=` wins and is remembered in a cookie; then the cookie; then the configured default. */
export function pickLocale(c: Context, fallback: Locale, secure: boolean): Locale {
  const isLocale = (v: string | undefined): v is Locale => (LOCALES as readonly string[]).includes(v ?? "");
  const query = c.req.query("lang");
  if (isLocale(query)) {
    setCookie(c, LANG_COOKIE, query, { ...base(secure), maxAge: 365 * 86_400 });
    return query;
  }
  const cookie = getCookie(c, LANG_COOKIE);
  return isLocale(cookie) ? cookie : fallback;
}
