import type { MiddlewareHandler } from "hono";

/**
 * No script runs on the dashboard at all, so the policy forbids every script; styles come from
 * our own stylesheet and charts are inline SVG markup (not scripts, not style attributes).
 */
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Security headers on every dashboard response, errors and redirects included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("content-security-policy", DASHBOARD_CSP);
    c.res.headers.set("x-content-type-options", "nosniff");
    c.res.headers.set("x-frame-options", "DENY");
    c.res.headers.set("referrer-policy", "same-origin");
    // Pages carry personal-adjacent figures and CSRF tokens: never cache them in shared caches.
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  };
}
