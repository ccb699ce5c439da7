/** @module eSMS.vn brandname (CSKH) SMS: JSON send API, unsigned GET delivery callbacks. */
import type { SmsConfig } from "../../../config";
import { isGsmText } from "../../../core/sms/gsm-charset";
import { toNational } from "../../../core/sms/phone";
import { callProvider, failureForStatus, isFailure, joinUrl, parseJson } from "../provider-http";
import type { SmsProvider, SmsWebhookEvent } from "../types";
import { sha256Hex } from "../webhook-crypto";
import { secretsMatch } from "../../../core/auth/secret-compare";
import type { ProviderOptions } from "./smsgate";

type EsmsConfig = Extract<SmsConfig, { provider: "esms" }>;

export const ESMS_SEND_PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/";

/** Account problems an operator can fix (keys, balance, brandname): messages wait, bounded by attempts and expiry. */
const RETRYABLE_CODES = new Set(["99", "101", "102", "103", "104"]);
const DUPLICATE_REQUEST = "124";

/**
 * eSMS callbacks carry no signature, so the callback URL carries a secret (`?token=`, never in
 * the path: the request log writes paths) compared in constant time.
 */
export function createEsmsProvider(config: EsmsConfig, options: ProviderOptions & { callbackUrl?: string } = {}): SmsProvider {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "esms",
    ack: { contentType: "application/json", body: '{"ok":true}' },

    async send(request) {
      // eSMS refuses a RequestId it has seen (code 124): a retry after a lost answer cannot double-send.
      const requestId = (await sha256Hex(request.idempotencyKey)).slice(0, 32);
      const body = {
        ApiKey: config.apiKey,
        SecretKey: config.apiSecret,
        Phone: toNational(request.to),
        Content: request.text,
        Brandname: config.brandname,
        SmsType: "2",
        IsUnicode: isGsmText(request.text) ? "0" : "1",
        Sandbox: config.sandbox ? "1" : "0",
        RequestId: requestId,
        ...(options.callbackUrl ? { CallbackUrl: options.callbackUrl } : {}),
      };
      const res = await callProvider(
        fetchFn,
        joinUrl(config.baseUrl, ESMS_SEND_PATH),
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
        timeoutMs,
      );
      if (isFailure(res)) return res;
      if (res.status !== 200) return failureForStatus(res);
      const answer = parseJson(res.text);
      const code = String(answer?.CodeResult ?? "");
      if (code === "100") return { ok: true, providerMessageId: String(answer?.SMSID ?? requestId) };
      if (code === DUPLICATE_REQUEST) return { ok: true, providerMessageId: requestId };
      return { ok: false, retryable: code === "" || RETRYABLE_CODES.has(code), code: `esms_${code || "unreadable"}`, httpStatus: res.status };
    },

    async verifyWebhook(request) {
      const token = new URL(request.url).searchParams.get("token");
      if (!config.webhookSecret || !token) return false;
      return secretsMatch(token, config.webhookSecret);
    },

    parseWebhook(request) {
      const q = new URL(request.url).searchParams;
      const smsId = q.get("SMSID");
      if (!smsId) throw new Error("eSMS callback without SMSID");
      const status = q.get("SendStatus");
      const failed = Number(q.get("SendFailed") ?? 0);
      const succeeded = Number(q.get("SendSuccess") ?? 0);
      const events: SmsWebhookEvent[] = [];
      // SendStatus: 1 awaiting approval, 4 rejected, 5 sent (with per-recipient success/failure counts).
      if (failed > 0 || status === "4") events.push({ kind: "status", providerMessageId: smsId, status: "failed", errorCode: `esms_status_${status ?? "?"}` });
      else if (status === "5" && succeeded > 0) events.push({ kind: "status", providerMessageId: smsId, status: "delivered" });
      return events;
    },
  };
}
