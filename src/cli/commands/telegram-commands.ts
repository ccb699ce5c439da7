import { AppError } from "../../errors";
import { setTelegramWebhook, telegramWebhookInfo } from "../../channels/telegram/webhook-registration";
import type { CliContext } from "../cli-context";
import type { Command } from "../command";
import { succeed } from "../cli-io";

function telegramConfig(ctx: CliContext) {
  if (!ctx.config.telegram) throw new AppError("bad_request", "telegram-not-configured", {});
  return ctx.config.telegram;
}

/** `bhyt telegram set-webhook --url https://…`: tells Telegram where to deliver updates, with our secret. */
export const telegramSetWebhookCommand: Command = {
  words: ["telegram", "set-webhook"],
  usage: "--url <https://…> [--drop-pending]",
  helpKey: "cli-help-telegram-set-webhook",
  options: { url: { type: "string" }, "drop-pending": { type: "boolean" } },
  async run(ctx, io, args) {
    if (typeof args.values.url !== "string") throw new AppError("bad_request", "cli-missing-argument", { name: "--url" });
    const { url } = await setTelegramWebhook(telegramConfig(ctx), args.values.url, { dropPendingUpdates: args.values["drop-pending"] === true });
    return succeed(io, { url }, io.t(io.locale, "telegram-webhook-set", { url }));
  },
};

/** `bhyt telegram webhook-info`: what Telegram has registered, its backlog and its last delivery error. */
export const telegramWebhookInfoCommand: Command = {
  words: ["telegram", "webhook-info"],
  usage: "",
  helpKey: "cli-help-telegram-webhook-info",
  async run(ctx, io) {
    const info = await telegramWebhookInfo(telegramConfig(ctx));
    const summary = info.url
      ? io.t(io.locale, "telegram-webhook-info", { url: info.url, pending: info.pendingUpdateCount, error: info.lastErrorMessage ?? "-" })
      : io.t(io.locale, "telegram-webhook-none", { pending: info.pendingUpdateCount });
    return succeed(io, { ...info }, summary);
  },
};
