import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";

/**
 * No script runs on the dashboard at all, so the policy forbids every script; styles come from
 * our own stylesheet and charts are inline SVG markup (not scripts, not style attributes).
 */
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const headers = secureHeaders({
  // HSTS (browsers ignore it over plain HTTP), COOP and CORP same-origin, nosniff: hono's defaults.
  xFrameOptions: "DENY",
  referrerPolicy: "same-origin",
  contentSecurityPolicy: {},
});

/** Security headers on every dashboard response, errors and redirects included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await headers(c, async () => {
      await next();
    });
    c.res.headers.set("content-security-policy", DASHBOARD_CSP);
    // Pages carry personal-adjacent figures and CSRF tokens: never cache them in shared caches.
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  };
}

/**
 * hono/csrf beside the form token: a browser's POST from another site (its Origin or
 * Sec-Fetch-Site says so) is refused before any handler runs. Requests that carry neither
 * header are not from a browser page and still need the form token. `PUBLIC_URL`'s origin is
 * ours too (the app may see an internal URL behind a proxy).
 */
export function crossSiteGuard(publicUrl: string | undefined, refuse: MiddlewareHandler): MiddlewareHandler {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  const check = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  return async (c, next) => {
    if (!c.req.header("origin") && !c.req.header("sec-fetch-site")) return next();
    try {
      return await check(c, next);
    } catch (err) {
      if (err instanceof HTTPException && err.status === 403) return refuse(c, next);
      throw err;
    }
  };
}
