import type { ChannelEntry } from "../types";
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
    const inbound = createZaloBotInbound({ config: { ...bot, webhookSecret: bot.webhookSecret }, db: ctx.db, logger: ctx.logger, handle: ctx.handle, now: ctx.now });
    return {
      channel: "zalo_bot",
      methods: ["POST"],
      path: ZALO_BOT_WEBHOOK_PATH,
      async handle(request) {
        const outcome = await inbound({ headers: request.headers, body: await request.text() });
        return outcome.status === 200 ? { status: 200, body: '{"ok":true}', contentType: "application/json" } : { status: outcome.status };
      },
    };
  },
  sender: (config) => config.zaloBot && createZaloBotSender(config.zaloBot),
};
