/**
 * @module The sender of a webhook request, read by the shard front door before any shard is
 * chosen: SMS (the phone's blind index, as the SMS identity is keyed), Zalo OA and Zalo Bot
 * (the platform's user id). Each request is verified first, exactly as its route does, so a
 * forged request costs no database read; an unverified or unreadable one is left to the
 * default shard's route, which answers it (401, 400) as unsharded.
 */
import type { SenderChannel } from "../core/shards/sender-shards";
import type { Protector } from "../core/privacy/protector";
import { normalizePhone, PHONE_INDEX } from "../core/sms/phone";
import { createSmsProvider } from "../channels/sms/create-sms-provider";
import { secretsMatch } from "../core/auth/secret-compare";
import type { SmsProvider } from "../channels/sms/types";
import { parseJsonKeepingIds } from "../channels/zalo/json";
import { verifyZaloOaSignature } from "../channels/zalo/signature";
import { unwrapBotUpdate } from "../channels/zalo-bot/bot-schemas";
import { webhookPaths } from "../channels/registry";
import type { ChannelsConfig } from "../channels/types";

export interface WebhookSender {
  channel: SenderChannel;
  /** The identity key: Telegram/Zalo user id, or the phone's blind index on SMS. */
  externalKey: string;
  text: string;
}

/**
 * The senders of a call (the first decides the shard; every one's opt-out is recorded), or
 * `everyShard` for receipts that name a message, not a sender (any shard may have sent it).
 */
export type SenderRead = { senders: WebhookSender[] } | { everyShard: true } | undefined;

export type SenderReader = (request: Request, now: Date) => Promise<SenderRead>;

/** The readers for the channels configured, by request path. */
export function createSenderReaders(config: ChannelsConfig, protector: Protector | undefined): Map<string, SenderReader> {
  const readers = new Map<string, SenderReader>();
  if (!protector) return readers;
  const paths = webhookPaths(config);
  if (config.sms) {
    const provider = createSmsProvider(config.sms, { publicUrl: config.publicUrl });
    readers.set(paths.get("sms")!, (request, now) => readSms(provider, config.publicUrl, protector, request, now));
  }
  const oa = config.zaloOa;
  if (oa) {
    readers.set(paths.get("zalo_oa")!, async (request) => {
      const body = await request.clone().text();
      if (!(await verifyZaloOaSignature(request.headers.get("x-zevent-signature"), body, oa.appId, oa.oaSecretKey))) return undefined;
      const event = jsonOf(body) as { event_name?: unknown; sender?: { id?: unknown }; follower?: { id?: unknown }; message?: { text?: unknown } } | undefined;
      const id = zaloIdOf(event?.sender?.id ?? event?.follower?.id);
      // Delivery receipts carry the OA as sender (a message id, not a user): any shard may have sent it.
      if (event?.event_name === "user_received_message") return { everyShard: true };
      return id ? { senders: [{ channel: "zalo_oa", externalKey: id, text: typeof event?.message?.text === "string" ? event.message.text : "" }] } : undefined;
    });
  }
  const botSecret = config.zaloBot?.webhookSecret;
  if (botSecret) {
    readers.set(paths.get("zalo_bot")!, async (request) => {
      const secret = request.headers.get("x-bot-api-secret-token");
      if (!secret || !secretsMatch(secret, botSecret)) return undefined;
      const update = unwrapJson(await request.clone().text()) as { message?: { from?: { id?: unknown }; text?: unknown } } | undefined;
      const id = zaloIdOf(update?.message?.from?.id);
      return id ? { senders: [{ channel: "zalo_bot", externalKey: id, text: typeof update?.message?.text === "string" ? update.message.text : "" }] } : undefined;
    });
  }
  return readers;
}

async function readSms(provider: SmsProvider, publicUrl: string | undefined, protector: Protector, request: Request, now: Date): Promise<SenderRead> {
  const url = new URL(request.url);
  // The URL the provider signed, as the SMS route rebuilds it behind a proxy.
  const signedUrl = publicUrl ? publicUrl.replace(/\/+$/, "") + url.pathname + url.search : url.toString();
  const raw = { method: request.method, url: signedUrl, headers: request.headers, body: request.method === "POST" ? await request.clone().text() : "" };
  if (!(await provider.verifyWebhook(raw, now))) return undefined;
  let events: ReturnType<SmsProvider["parseWebhook"]>;
  try {
    events = provider.parseWebhook(raw);
  } catch {
    return undefined;
  }
  // One sender per call is what the gateways send; a call with several goes by its first inbound SMS.
  const senders: WebhookSender[] = [];
  for (const event of events) {
    if (event.kind !== "inbound") continue;
    const phone = normalizePhone(event.from);
    if (phone) senders.push({ channel: "sms", externalKey: await protector.blindIndex(PHONE_INDEX, phone), text: event.text });
  }
  if (senders.length > 0) return { senders };
  return events.some((e) => e.kind === "status") ? { everyShard: true } : undefined;
}

/** Zalo ids arrive as strings or (short ones) bare numbers; the routes' schemas read both as strings. */
function zaloIdOf(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
}

function jsonOf(body: string): unknown {
  try {
    return parseJsonKeepingIds(body);
  } catch {
    return undefined;
  }
}

function unwrapJson(body: string): unknown {
  const raw = jsonOf(body);
  return raw === undefined ? undefined : unwrapBotUpdate(raw);
}
