import type { MiddlewareHandler } from "hono";
import type { DashboardEnv } from "./dashboard-env";

/** Pages behind sign-in: a visitor without a session goes to /login and comes back after. */
export function requireAccount(): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    if (!c.var.account) {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    await next();
  };
}
