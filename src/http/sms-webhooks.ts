import type { Hono } from "hono";
import type { AppDeps } from "../app";
import type { AppEnv } from "./app-env";
import { createConversation } from "../core/conversation/create-conversation";
import { createSmsProvider } from "../channels/sms/create-sms-provider";
import { createSmsInbound } from "../channels/sms/inbound";

/**
 * `GET|POST /webhooks/sms/:provider` for the configured provider (SMSGate and Twilio POST,
 * eSMS delivery callbacks are GETs). Registered only with an SMS provider and the personal-data
 * protector (replies store the number sealed). Other provider names get the usual 404.
 */
export function registerSmsWebhooks(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config, protector } = deps;
  if (!config.sms || !protector) return;
  const provider = createSmsProvider(config.sms, { publicUrl: config.publicUrl });
  const handleWebhook = createSmsInbound({
    provider,
    db: deps.db,
    protector,
    logger: deps.logger,
    handle: createConversation({ db: deps.db, protector, t: deps.t, defaultLocale: config.defaultLocale, timezone: config.timezone }),
    denySenders: config.smsDenyNumbers,
    now: deps.now,
  });
  app.on(["GET", "POST"], `/webhooks/sms/${provider.name}`, async (c) => {
    const url = new URL(c.req.url);
    // Behind a proxy the URL we see is not the one the provider signed (Twilio): rebuild it on PUBLIC_URL.
    const publicUrl = config.publicUrl ? config.publicUrl.replace(/\/+$/, "") + url.pathname + url.search : url.toString();
    const outcome = await handleWebhook({ method: c.req.method, url: publicUrl, headers: c.req.raw.headers, body: c.req.method === "POST" ? await c.req.text() : "" });
    if (outcome.status !== 200) return c.body(null, outcome.status);
    return c.body(provider.ack.body, 200, { "content-type": provider.ack.contentType });
  });
}
