import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../app-env";
import { LATENCY_BUCKETS, type MetricsRegistry } from "../../core/metrics/registry";

/**
 * Request latency by route pattern (never the raw path: ids and unit codes would explode the
 * series), and webhook updates accepted per channel. Refused updates (401, 413, 400) show in
 * the latency histogram's status label instead. `webhookChannel` names the channel a path is
 * the webhook of (the channel registry knows).
 */
export function httpMetrics(registry: MetricsRegistry, webhookChannel: (path: string) => string | undefined): MiddlewareHandler<AppEnv> {
  const latency = registry.histogram("bhyt_http_request_duration_seconds", "Time to answer an HTTP request, by method, route pattern and status.", LATENCY_BUCKETS);
  const updates = registry.counter("bhyt_updates_processed_total", "Webhook updates accepted (2xx), by channel.");
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const pattern = routePath(c, -1);
    // Unmatched requests end on a wildcard middleware; one label for all of them.
    const route = status === 404 && pattern.endsWith("*") ? "unmatched" : pattern;
    latency.observe({ method: c.req.method, route, status: String(status) }, (performance.now() - started) / 1000);
    const channel = webhookChannel(c.req.path);
    if (channel && status >= 200 && status < 300) updates.inc({ channel });
  };
}
