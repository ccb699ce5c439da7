/** @module Twilio and Twilio-compatible SMS APIs (Messages.json, X-Twilio-Signature webhooks). */
import type { SmsConfig } from "../../../config";
import { normalizePhone, toE164 } from "../../../core/sms/phone";
import { basicAuth, callProvider, failureForStatus, isFailure, joinUrl, parseJson } from "../provider-http";
import type { SmsProvider, SmsWebhookEvent } from "../types";
import { hmacSha1Base64 } from "../webhook-crypto";
import { secretsMatch } from "../../../core/auth/secret-compare";
import type { ProviderOptions } from "./smsgate";

type TwilioConfig = Extract<SmsConfig, { provider: "twilio" }>;

/** 21610: the recipient replied STOP; 21211/21614: not a valid mobile number. */
const BLOCKED_CODES = new Set([21610]);

/**
 * Twilio's signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL followed
 * by every POST parameter as name+value, sorted by name.
 */
export async function twilioSignature(secret: string, url: string, params: URLSearchParams): Promise<string> {
  const pairs = [...params.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return hmacSha1Base64(secret, url + pairs.map(([k, v]) => k + v).join(""));
}

export function createTwilioProvider(config: TwilioConfig, options: ProviderOptions & { statusCallbackUrl?: string } = {}): SmsProvider {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "twilio",
    // Replies go out through the API (the outbox), so the TwiML answer is empty.
    ack: { contentType: "text/xml", body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' },

    async send(request) {
      const form = new URLSearchParams({ To: toE164(request.to), Body: request.text });
      form.set(config.from.startsWith("MG") ? "MessagingServiceSid" : "From", config.from);
      if (options.statusCallbackUrl) form.set("StatusCallback", options.statusCallbackUrl);
      const res = await callProvider(
        fetchFn,
        joinUrl(config.baseUrl, `/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`),
        { method: "POST", headers: { authorization: basicAuth(config.accountSid, config.authToken), "content-type": "application/x-www-form-urlencoded" }, body: form.toString() },
        timeoutMs,
      );
      if (isFailure(res)) return res;
      const answer = parseJson(res.text);
      if (res.status >= 200 && res.status < 300 && typeof answer?.sid === "string") return { ok: true, providerMessageId: answer.sid };
      const code = typeof answer?.code === "number" ? answer.code : undefined;
      const failure = failureForStatus(res, code !== undefined ? `twilio_${code}` : undefined);
      return code !== undefined && BLOCKED_CODES.has(code) ? { ...failure, retryable: false, blocked: true } : failure;
    },

    async verifyWebhook(request) {
      const signature = request.headers.get("x-twilio-signature");
      if (!config.webhookSecret || !signature || request.method !== "POST") return false;
      const expected = await twilioSignature(config.webhookSecret, request.url, new URLSearchParams(request.body));
      return secretsMatch(signature.trim(), expected);
    },

    parseWebhook(request) {
      const form = new URLSearchParams(request.body);
      const sid = form.get("MessageSid") ?? form.get("SmsSid");
      if (!sid) throw new Error("Twilio webhook without MessageSid");
      const status = form.get("MessageStatus") ?? form.get("SmsStatus");
      const events: SmsWebhookEvent[] = [];
      if (status && status !== "received") {
        const mapped = status === "delivered" ? "delivered" : status === "failed" || status === "undelivered" ? "failed" : status === "sent" ? "sent" : undefined;
        const errorCode = form.get("ErrorCode");
        if (mapped) events.push({ kind: "status", providerMessageId: sid, status: mapped, errorCode: errorCode ? `twilio_${errorCode}` : undefined });
        return events;
      }
      const from = normalizePhone(form.get("From") ?? "");
      if (from) events.push({ kind: "inbound", eventId: sid, from, text: form.get("Body") ?? "" });
      return events;
    },
  };
}
