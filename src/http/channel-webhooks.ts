import type { Hono } from "hono";
import type { AppEnv } from "./app-env";
import type { WebhookRoute } from "../channels/types";

/**
 * Mounts every channel's webhook from the registry. The body is handed over as text through
 * Hono (which reads it once and caches it), not as the request's stream: on Node, asking for
 * the stream turns the server's lightweight request into a full one, which costs more than a
 * small update's handling.
 */
export function mountWebhooks(app: Hono<AppEnv>, routes: readonly WebhookRoute[]): void {
  for (const route of routes) {
    app.on([...route.methods], route.path, async (c) => {
      const answer = await route.handle({ method: c.req.method, url: c.req.url, headers: c.req.raw.headers, text: () => c.req.text() });
      const headers: Record<string, string> = answer.contentType ? { "content-type": answer.contentType } : {};
      return answer.body === undefined ? c.body(null, answer.status as 200, headers) : c.body(answer.body, answer.status as 200, headers);
    });
  }
}
