import type { ChannelEntry, WebhookRoute } from "../types";
import { recordZnsTracking } from "../../core/zns/zns-tracking";
import { createZaloOaInbound, type ZaloWebhookRequest } from "./oa-inbound";
import { createZaloOaClient } from "./oa-client";
import { createZaloOaSender } from "./oa-sender";
import { createZaloTokenStore } from "./token-store";

export const ZALO_OA_WEBHOOK_PATH = "/webhooks/zalo";

/** A Zalo webhook (OA or Bot): the raw body to the inbound handler, `{"ok":true}` when taken (Zalo retries anything else). */
export function zaloRoute(channel: "zalo_oa" | "zalo_bot", path: string, inbound: (request: ZaloWebhookRequest) => Promise<{ status: number }>): WebhookRoute {
  return {
    channel,
    methods: ["POST"],
    path,
    async handle(request) {
      const outcome = await inbound({ headers: request.headers, body: await request.text() });
      return outcome.status === 200 ? { status: 200, body: '{"ok":true}', contentType: "application/json" } : { status: outcome.status };
    },
  };
}

/**
 * Zalo Official Account: `POST /webhooks/zalo` (`X-ZEvent-Signature`); sends as OA messages
 * inside the 48-hour window, ZNS templates by phone otherwise. Its tokens are refreshed in the
 * database, so the sender needs the sender context.
 */
export const zaloOaEntry: ChannelEntry = {
  channel: "zalo_oa",
  webhookPath: (config) => (config.zaloOa ? ZALO_OA_WEBHOOK_PATH : undefined),
  webhook(ctx) {
    const config = ctx.config.zaloOa;
    if (!config) return undefined;
    return zaloRoute("zalo_oa", ZALO_OA_WEBHOOK_PATH, createZaloOaInbound({ config, db: ctx.db, logger: ctx.logger, handle: ctx.handle, now: ctx.now }));
  },
  sender(config, ctx) {
    if (!config.zaloOa || !ctx) return undefined;
    const tokens = createZaloTokenStore({ config: config.zaloOa, db: ctx.db, protector: ctx.protector, logger: ctx.logger });
    const { db } = ctx;
    return createZaloOaSender(createZaloOaClient({ config: config.zaloOa, tokens }), { trackZns: (trackingId, key) => recordZnsTracking(db, trackingId, key) });
  },
};
