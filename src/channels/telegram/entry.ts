import type { ChannelEntry } from "../types";
import { createTelegramChannel } from ".";
import { TELEGRAM_WEBHOOK_PATH } from "./webhook-registration";
import { createTelegramSender } from "./telegram-sender";

/** Telegram: grammY over the Bot API; webhook mode or long polling (the Node entry polls). */
export const telegramEntry: ChannelEntry = {
  channel: "telegram",
  webhookPath: (config) => (config.telegram?.mode === "webhook" && config.telegram.webhookSecret ? TELEGRAM_WEBHOOK_PATH : undefined),
  webhook(ctx) {
    const config = ctx.config.telegram;
    if (!config) return undefined;
    const { webhook } = createTelegramChannel(config, { ...ctx, handle: ctx.handleWithPictures ?? ctx.handle, defaultLocale: ctx.config.defaultLocale, timezone: ctx.config.timezone });
    return webhook && { channel: "telegram", methods: ["POST"], path: TELEGRAM_WEBHOOK_PATH, handle: webhook };
  },
  sender: (config, ctx) => config.telegram && createTelegramSender(config.telegram, { fetch: ctx?.botFetch }),
};
