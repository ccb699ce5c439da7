/** @module capcom6 "SMS Gateway for Android" (SMSGate): cloud, private server or the phone's local API. */
import type { SmsConfig } from "../../../config";
import { normalizePhone, toE164 } from "../../../core/sms/phone";
import { basicAuth, callProvider, failureForStatus, isFailure, joinUrl, parseJson, type FetchFn } from "../provider-http";
import type { SmsProvider, SmsWebhookEvent } from "../types";
import { hmacSha256Hex, sha256Hex } from "../webhook-crypto";
import { secretsMatch } from "../../../core/auth/secret-compare";

type SmsGateConfig = Extract<SmsConfig, { provider: "smsgate" }>;

export interface ProviderOptions {
  fetch?: FetchFn;
  timeoutMs?: number;
}

/** Signed webhooks older or newer than this are refused (replays; the docs suggest ±5 min). */
export const SMSGATE_MAX_SKEW_SECONDS = 300;

const STATUS_EVENTS: Record<string, "sent" | "delivered" | "failed"> = { "sms:sent": "sent", "sms:delivered": "delivered", "sms:failed": "failed" };

export function createSmsGateProvider(config: SmsGateConfig, options: ProviderOptions = {}): SmsProvider {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "smsgate",
    ack: { contentType: "application/json", body: '{"ok":true}' },

    async send(request) {
      // Our id, derived from the idempotency key: a retried send is recognisable as the same message.
      const id = (await sha256Hex(request.idempotencyKey)).slice(0, 32);
      const body = {
        id,
        textMessage: { text: request.text },
        phoneNumbers: [toE164(request.to)],
        withDeliveryReport: true,
        // The phone queues messages too: it must not send after the message's useful life.
        ...(request.expiresAt ? { validUntil: request.expiresAt.toISOString() } : {}),
      };
      const res = await callProvider(
        fetchFn,
        joinUrl(config.baseUrl, "/3rdparty/v1/messages"),
        { method: "POST", headers: { authorization: basicAuth(config.username, config.password), "content-type": "application/json" }, body: JSON.stringify(body) },
        timeoutMs,
      );
      if (isFailure(res)) return res;
      if (res.status >= 200 && res.status < 300) {
        const answer = parseJson(res.text);
        return { ok: true, providerMessageId: typeof answer?.id === "string" ? answer.id : id };
      }
      // 409: a message with this id exists, i.e. an earlier try got through.
      if (res.status === 409) return { ok: true, providerMessageId: id };
      return failureForStatus(res);
    },

    async verifyWebhook(request, now) {
      const signature = request.headers.get("x-signature");
      const timestamp = request.headers.get("x-timestamp");
      if (!config.webhookSecret || !signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
      if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SMSGATE_MAX_SKEW_SECONDS) return false;
      const expected = await hmacSha256Hex(config.webhookSecret, request.body + timestamp);
      return secretsMatch(signature.trim().toLowerCase(), expected);
    },

    parseWebhook(request) {
      const envelope = parseJson(request.body);
      if (!envelope || typeof envelope.event !== "string") throw new Error("SMSGate webhook: not a JSON event");
      const payload = (envelope.payload ?? {}) as Record<string, unknown>;
      const text = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : undefined);
      const events: SmsWebhookEvent[] = [];
      if (envelope.event === "sms:received") {
        // Older app versions call the sender `phoneNumber`, newer ones `sender`.
        const from = normalizePhone(text("sender") ?? text("phoneNumber") ?? "");
        const eventId = typeof envelope.id === "string" ? envelope.id : text("messageId");
        const receivedAt = text("receivedAt") ? new Date(text("receivedAt")!) : undefined;
        // Carrier notices come from names or short codes: nobody to answer.
        if (from && eventId) {
          events.push({ kind: "inbound", eventId, from, text: text("message") ?? text("text") ?? "", receivedAt: receivedAt && !Number.isNaN(receivedAt.getTime()) ? receivedAt : undefined });
        }
      } else if (STATUS_EVENTS[envelope.event] && text("messageId")) {
        events.push({ kind: "status", providerMessageId: text("messageId")!, status: STATUS_EVENTS[envelope.event]!, errorCode: text("reason")?.slice(0, 64) });
      }
      return events;
    },
  };
}
