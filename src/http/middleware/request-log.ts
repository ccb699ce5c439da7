import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** One log line per request: method, path (no query string: it may carry tokens), status, duration. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    c.get("deps").logger.info("http.request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
    });
  };
}
