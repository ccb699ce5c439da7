import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { MetricsRegistry } from "../../core/metrics/registry";
import type { DatabaseSamples } from "../../core/metrics/database-samples";
import { secretsMatch } from "../../core/auth/secret-compare";

export interface MetricsRouteDeps {
  registry: MetricsRegistry;
  samples: DatabaseSamples;
  /** When set, scrapers must send `Authorization: Bearer <token>`. */
  token?: string;
}

/** GET /metrics: Prometheus text format (0.0.4). Holds counts only, never personal data. */
export function createMetricsRoutes(deps: MetricsRouteDeps) {
  const routes = new Hono<AppEnv>();
  routes.get("/metrics", async (c) => {
    if (deps.token) {
      const given = c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
      if (!secretsMatch(given, deps.token)) return c.text("unauthorized\n", 401);
    }
    const now = c.get("deps").now?.() ?? new Date();
    const body = deps.registry.render(await deps.samples.read(now));
    return c.body(body, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" });
  });
  return routes;
}
