/**
 * @module The channel registry: every channel's webhook route and outbox sender in one table
 * (like courier's handler registry and grammY's adapter table). The HTTP layer mounts what
 * `webhookRoutes` returns and the dispatcher sends through what `createSenders` returns;
 * neither names a channel. Adding a channel is one folder with an `entry.ts` plus one line here.
 */
import type { Config } from "../config";
import type { ChannelSender } from "../core/outbox/types";
import type { Channel } from "../core/records";
import type { ChannelEntry, ChannelsConfig, SenderContext, WebhookContext, WebhookRoute } from "./types";
import { telegramEntry } from "./telegram/entry";
import { smsEntry } from "./sms/entry";
import { zaloOaEntry } from "./zalo/entry";
import { zaloBotEntry } from "./zalo-bot/entry";

/** In the order the dispatcher serves them. */
export const CHANNEL_REGISTRY: readonly ChannelEntry[] = [telegramEntry, smsEntry, zaloOaEntry, zaloBotEntry];

/** The webhook routes of every configured channel (each verifies its own calls). */
export function webhookRoutes(ctx: WebhookContext): WebhookRoute[] {
  return CHANNEL_REGISTRY.flatMap((entry) => entry.webhook(ctx) ?? []);
}

/** Which channel a request path is the webhook of, under this configuration. */
export function webhookChannelOf(config: ChannelsConfig, path: string): Channel | undefined {
  return CHANNEL_REGISTRY.find((entry) => entry.webhookPath(config) === path)?.channel;
}

/** Every configured channel's webhook path (the shard front door reads senders on them). */
export function webhookPaths(config: ChannelsConfig): Map<Channel, string> {
  return new Map(CHANNEL_REGISTRY.flatMap((entry) => {
    const path = entry.webhookPath(config);
    return path ? [[entry.channel, path] as const] : [];
  }));
}

/** Senders for every configured channel (Zalo OA also needs `ctx`: its tokens live in the database). */
export function createSenders(config: Config, ctx?: SenderContext): ChannelSender[] {
  return CHANNEL_REGISTRY.flatMap((entry) => entry.sender(config, ctx) ?? []);
}
