/**
 * @module The channel contract. A channel is one folder under src/channels with an `entry.ts`
 * that says how its webhook is verified and read (the route) and how replies and reminders are
 * rendered and sent (the outbox sender, which also classifies the platform's errors as
 * retryable or final: see `SendResult`). `registry.ts` lists the entries; adding a channel is
 * one folder plus one line there.
 */
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Translator } from "../i18n/translate";
import type { Protector } from "../core/privacy/protector";
import type { Store } from "../core/store";
import type { ChannelSender } from "../core/outbox/types";
import type { InboundMessage, Reply } from "../core/conversation/types";
import type { Channel } from "../core/records";
import type { RelayRequest } from "../core/outbox/reply-relay";
import type { BotApiFetch } from "./telegram/bot";

/**
 * A webhook call as a channel reads it. Deliberately smaller than a `Request`: on Node, asking
 * a request for its body stream costs more than handling a small update, so the HTTP layer
 * hands over the body as text it already read.
 */
export interface WebhookRequest {
  method: string;
  /** The URL the platform called, as it saw it (rebuilt on PUBLIC_URL behind a proxy). */
  url: string;
  headers: Headers;
  text(): Promise<string>;
}

export interface WebhookResponse {
  status: number;
  body?: string;
  contentType?: string;
}

/** One channel's webhook: where it is served and how a call is verified, read and answered. */
export interface WebhookRoute {
  channel: Channel;
  methods: readonly ("GET" | "POST")[];
  path: string;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}

/** What a channel's webhook needs: the conversation core and the use cases around it. */
export interface WebhookContext {
  config: Config;
  db: Store;
  protector: Protector;
  logger: Logger;
  t: Translator;
  /** The conversation core, built once for every channel: text replies only. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /** The same core drawing /tiendo's chart, for channels that show pictures (Telegram). */
  handleWithPictures?(message: InboundMessage): Promise<Reply[]>;
  now?: () => Date;
  /** Starts sending committed replies at once (chat channels whose platform waits for nothing else). */
  relay?(request: RelayRequest): void;
  botFetch?: BotApiFetch;
}

/** What senders with state of their own need (the Zalo OA token pair lives in the database). */
export interface SenderContext {
  db: Store;
  protector: Protector;
  logger: Logger;
  /** The Telegram Bot API's HTTP (the Node entry injects node:http). */
  botFetch?: BotApiFetch;
}

/** The part of the configuration that says which channels are on. */
export type ChannelsConfig = Pick<Config, "telegram" | "sms" | "zaloOa" | "zaloBot" | "publicUrl">;

/** One line of the registry. */
export interface ChannelEntry {
  channel: Channel;
  /** Where its webhook is served when configured (metrics labels, the shard front door). */
  webhookPath(config: ChannelsConfig): string | undefined;
  /** The route, when the channel is configured with the means to verify its calls. */
  webhook(ctx: WebhookContext): WebhookRoute | undefined;
  /** The outbox sender, when the channel is configured to send. */
  sender(config: Config, ctx?: SenderContext): ChannelSender | undefined;
}
