import type { ChannelEntry } from "../types";
import { createSmsProvider, smsWebhookPath } from "./create-sms-provider";
import { createSmsInbound } from "./inbound";
import { createSmsSender } from "./sms-sender";

/**
 * SMS through the configured gateway: `GET|POST /webhooks/sms/<provider>` (SMSGate and Twilio
 * POST, eSMS delivery callbacks are GETs); replies and reminders through its send API.
 */
export const smsEntry: ChannelEntry = {
  channel: "sms",
  webhookPath: (config) => config.sms && smsWebhookPath(config.sms.provider),
  webhook(ctx) {
    const { config } = ctx;
    if (!config.sms) return undefined;
    const provider = createSmsProvider(config.sms, { publicUrl: config.publicUrl });
    const inbound = createSmsInbound({ provider, db: ctx.db, protector: ctx.protector, logger: ctx.logger, handle: ctx.handle, denySenders: config.smsDenyNumbers, now: ctx.now });
    return {
      channel: "sms",
      methods: ["GET", "POST"],
      path: smsWebhookPath(provider.name),
      async handle(request) {
        const url = new URL(request.url);
        // Behind a proxy the URL we see is not the one the provider signed (Twilio): rebuild it on PUBLIC_URL.
        const signedUrl = config.publicUrl ? config.publicUrl.replace(/\/+$/, "") + url.pathname + url.search : url.toString();
        const outcome = await inbound({ method: request.method, url: signedUrl, headers: request.headers, body: request.method === "POST" ? await request.text() : "" });
        if (outcome.status !== 200) return { status: outcome.status };
        return { status: 200, body: provider.ack.body, contentType: provider.ack.contentType };
      },
    };
  },
  sender: (config) => config.sms && createSmsSender(createSmsProvider(config.sms, { publicUrl: config.publicUrl }), { ratePerSecond: config.sms.ratePerSecond }),
};
