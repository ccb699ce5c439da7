/** @module Thin typed Zalo OA / ZNS HTTP client: `access_token` header, errors as HTTP 200 bodies. */
import type { ZaloOaConfig } from "../../config";
import type { SendResult } from "../../core/outbox/types";
import { callProvider, failureForStatus, isFailure, joinUrl } from "../sms/provider-http";
import { zaloFailure, ZALO_TOKEN_ERRORS } from "./errors";
import { parseJsonKeepingIds } from "./json";
import { zaloResponseSchema, zaloSendDataSchema, znsSendDataSchema, type ZaloCsMessage, type ZnsTemplateRequest } from "./schemas";
import type { ZaloTokenSource } from "./token-store";

export interface ZaloOaClientDeps {
  config: ZaloOaConfig;
  tokens: ZaloTokenSource;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/** Zalo OA calls the outbox makes; each answers with a SendResult (never throws for Zalo's errors). */
export interface ZaloOaClient {
  /** Customer-service text to a follower (`POST /v3.0/oa/message/cs`). */
  sendText(userId: string, text: string): Promise<SendResult>;
  /** ZNS / ZBS template by phone (`POST /message/template`); `phone` already `84…`. */
  sendTemplate(request: ZnsTemplateRequest): Promise<SendResult>;
}

type DataSchema = typeof zaloSendDataSchema | typeof znsSendDataSchema;

export function createZaloOaClient(deps: ZaloOaClientDeps): ZaloOaClient {
  const fetchFn = deps.fetch ?? fetch;
  const now = deps.now ?? (() => new Date());
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function once(url: string, token: string, body: unknown) {
    return callProvider(fetchFn, url, { method: "POST", headers: { "content-type": "application/json", access_token: token }, body: JSON.stringify(body) }, timeoutMs);
  }

  /** One call; a token error gets one refresh and one retry (a second token error is final for this try). */
  async function call(url: string, body: unknown, schema: DataSchema, idField: "message_id" | "msg_id"): Promise<SendResult> {
    let token = await deps.tokens.accessToken();
    if (!token) return { ok: false, retryable: true, code: "auth" };
    for (let attempt = 0; ; attempt++) {
      const res = await once(url, token, body);
      if (isFailure(res)) return res;
      const tokenRefused = res.status === 401;
      let envelope: ReturnType<typeof zaloResponseSchema.safeParse> | undefined;
      if (!tokenRefused) {
        if (res.status !== 200) return failureForStatus(res);
        try {
          envelope = zaloResponseSchema.safeParse(parseJsonKeepingIds(res.text));
        } catch {
          envelope = undefined;
        }
        if (!envelope?.success) return { ok: false, retryable: true, code: "unreadable", httpStatus: res.status };
      }
      const error = envelope?.success ? envelope.data.error : -216;
      if (error === 0) {
        const data = schema.safeParse(envelope!.data!.data);
        if (!data.success) return { ok: false, retryable: false, code: "unreadable" };
        return { ok: true, providerMessageId: String((data.data as Record<string, unknown>)[idField]) };
      }
      if (ZALO_TOKEN_ERRORS.has(error) && attempt === 0) {
        const fresh = await deps.tokens.refreshAfter(token);
        if (!fresh) return zaloFailure(error, now());
        token = fresh;
        continue;
      }
      return zaloFailure(error, now());
    }
  }

  return {
    sendText(userId, text) {
      const body: ZaloCsMessage = { recipient: { user_id: userId }, message: { text } };
      return call(joinUrl(deps.config.apiRoot, "/v3.0/oa/message/cs"), body, zaloSendDataSchema, "message_id");
    },
    sendTemplate(request) {
      return call(joinUrl(deps.config.businessApiRoot, "/message/template"), request, znsSendDataSchema, "msg_id");
    },
  };
}
