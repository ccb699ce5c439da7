import type { ChannelEntry } from "../types";
import { zaloRoute } from "../zalo/entry";
import { createZaloBotInbound } from "./bot-inbound";
import { createZaloBotSender } from "./bot-sender";

export const ZALO_BOT_WEBHOOK_PATH = "/webhooks/zalo-bot";

/** Zalo Bot: `POST /webhooks/zalo-bot` (`X-Bot-Api-Secret-Token`), replies through the Bot API. */
export const zaloBotEntry: ChannelEntry = {
  channel: "zalo_bot",
  webhookPath: (config) => (config.zaloBot?.webhookSecret ? ZALO_BOT_WEBHOOK_PATH : undefined),
  webhook(ctx) {
    const bot = ctx.config.zaloBot;
    if (!bot?.webhookSecret) return undefined;
    return zaloRoute("zalo_bot", ZALO_BOT_WEBHOOK_PATH, createZaloBotInbound({ config: { ...bot, webhookSecret: bot.webhookSecret }, db: ctx.db, logger: ctx.logger, handle: ctx.handle, now: ctx.now }));
  },
  sender: (config) => config.zaloBot && createZaloBotSender(config.zaloBot),
};
