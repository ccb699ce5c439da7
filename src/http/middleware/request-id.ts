import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

const INCOMING = /^[A-Za-z0-9._-]{8,64}$/;

/** Reuses a sane incoming X-Request-Id (from a proxy) or makes one; echoes it back. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && INCOMING.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  };
}
