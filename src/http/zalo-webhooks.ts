import type { Hono } from "hono";
import type { AppDeps } from "../app";
import type { AppEnv } from "./app-env";
import { createConversation } from "../core/conversation/create-conversation";
import { createZaloOaInbound } from "../channels/zalo/oa-inbound";
import { createZaloBotInbound } from "../channels/zalo-bot/bot-inbound";

/**
 * `POST /webhooks/zalo` (Official Account, `X-ZEvent-Signature`) and `POST /webhooks/zalo-bot`
 * (Zalo Bot, `X-Bot-Api-Secret-Token`). Each is registered only when its channel is configured
 * with the means to verify it, and with the personal-data protector the core needs.
 */
export function registerZaloWebhooks(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config, protector } = deps;
  if (!protector || (!config.zaloOa && !config.zaloBot?.webhookSecret)) return;
  const handle = createConversation({ db: deps.db, protector, t: deps.t, defaultLocale: config.defaultLocale, timezone: config.timezone });
  if (config.zaloOa) {
    const inbound = createZaloOaInbound({ config: config.zaloOa, db: deps.db, logger: deps.logger, handle, now: deps.now });
    app.post("/webhooks/zalo", async (c) => {
      const outcome = await inbound({ headers: c.req.raw.headers, body: await c.req.text() });
      return outcome.status === 200 ? c.json({ ok: true }) : c.body(null, outcome.status);
    });
  }
  const bot = config.zaloBot;
  if (bot?.webhookSecret) {
    const inbound = createZaloBotInbound({ config: { ...bot, webhookSecret: bot.webhookSecret }, db: deps.db, logger: deps.logger, handle, now: deps.now });
    app.post("/webhooks/zalo-bot", async (c) => {
      const outcome = await inbound({ headers: c.req.raw.headers, body: await c.req.text() });
      return outcome.status === 200 ? c.json({ ok: true }) : c.body(null, outcome.status);
    });
  }
}
