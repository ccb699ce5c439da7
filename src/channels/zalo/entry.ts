import type { ChannelEntry } from "../types";
import { recordZnsTracking } from "../../core/zns/zns-tracking";
import { createZaloOaInbound } from "./oa-inbound";
import { createZaloOaClient } from "./oa-client";
import { createZaloOaSender } from "./oa-sender";
import { createZaloTokenStore } from "./token-store";

export const ZALO_OA_WEBHOOK_PATH = "/webhooks/zalo";

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
    const inbound = createZaloOaInbound({ config, db: ctx.db, logger: ctx.logger, handle: ctx.handle, now: ctx.now });
    return {
      channel: "zalo_oa",
      methods: ["POST"],
      path: ZALO_OA_WEBHOOK_PATH,
      async handle(request) {
        const outcome = await inbound({ headers: request.headers, body: await request.text() });
        return outcome.status === 200 ? { status: 200, body: '{"ok":true}', contentType: "application/json" } : { status: outcome.status };
      },
    };
  },
  sender(config, ctx) {
    if (!config.zaloOa || !ctx) return undefined;
    const tokens = createZaloTokenStore({ config: config.zaloOa, db: ctx.db, protector: ctx.protector, logger: ctx.logger });
    const { db } = ctx;
    return createZaloOaSender(createZaloOaClient({ config: config.zaloOa, tokens }), { trackZns: (trackingId, key) => recordZnsTracking(db, trackingId, key) });
  },
};
