/**
 * Issue 19: every webhook parser (SMS gateway, Zalo OA, Zalo Bot; Telegram has its own file)
 * fed arbitrary but correctly signed bodies answers below 500: a body it cannot read is
 * acknowledged or refused, never a crash that makes the platform resend it forever.
 */
import fc from "fast-check";
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { signZalo } from "../helpers/fake-zalo";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

const SMS_KEY = "smsgate-signing-key";
const BOT_SECRET = "zalo-bot-secret";
const APP_ID = "1234567890123456789";
const OA_SECRET = "oa-secret-key-1";
let app: App;

beforeAll(async () => {
  const config = parseConfig({ ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_BOT_TOKEN: "1:zb", ZALO_BOT_WEBHOOK_SECRET: BOT_SECRET, ZALO_BOT_API_ROOT: "http://zalo.invalid", SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: "http://sms.invalid", SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: SMS_KEY, QUIET_HOURS: "off" });
  app = createApp({ config, db: createTestDb(), logger: silentLogger, t: createTestTranslator(), protector: await createTestProtector() });
});

const now = () => new Date();
const sms = (body: string) => {
  const ts = String(Math.floor(now().getTime() / 1000));
  return app.request("/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": createHmac("sha256", SMS_KEY).update(body + ts).digest("hex"), "x-timestamp": ts }, body });
};
const zaloOa = (body: string) => {
  const ts = String(now().getTime());
  return app.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signZalo(APP_ID, body, ts, OA_SECRET) }, body });
};
const zaloBot = (body: string) => app.request("/webhooks/zalo-bot", { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": BOT_SECRET }, body });

const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("HUY", "/start", "GD438 9900000009", "18/02/1999", "Xuân Thành GD 5", "", "\u0000\u001b[2J"));
const smsShaped = fc.record({ deviceId: fc.string(), event: fc.constantFrom("sms:received", "sms:delivered", "sms:failed", "other"), id: fc.string(), payload: fc.option(fc.record({ messageId: fc.string(), message: text, phoneNumber: fc.oneof(fc.string(), fc.constantFrom("+84912345678", "0912345678")), receivedAt: fc.oneof(fc.string(), fc.constant(new Date().toISOString())) }, { requiredKeys: [] })) }, { requiredKeys: [] });
const oaShaped = fc.record({ app_id: fc.constantFrom(APP_ID, "1"), event_name: fc.constantFrom("user_send_text", "follow", "unfollow", "user_received_message", "x"), timestamp: fc.oneof(fc.string(), fc.integer().map(String), fc.constant(String(Date.now()))), sender: fc.option(fc.record({ id: fc.oneof(fc.string(), fc.integer()) })), message: fc.option(fc.record({ msg_id: fc.string(), text }, { requiredKeys: [] })) }, { requiredKeys: [] });
const botShaped = fc.record({ ok: fc.boolean(), result: fc.option(fc.record({ event_name: fc.constantFrom("message.text.received", "message.image.received", "x"), message: fc.option(fc.record({ message_id: fc.string(), from: fc.option(fc.record({ id: fc.string(), display_name: fc.string(), is_bot: fc.boolean() })), chat: fc.option(fc.record({ id: fc.string(), chat_type: fc.string() })), date: fc.integer(), text }, { requiredKeys: [] })) }, { requiredKeys: [] })) }, { requiredKeys: [] });

const bodies = <T>(shaped: fc.Arbitrary<T>) => fc.oneof(fc.string(), fc.json(), shaped.map((v) => JSON.stringify(v)));

describe("signed webhook bodies that are not what the platform sends", () => {
  it.each([
    ["SMS (SMSGate)", sms, bodies(smsShaped)],
    ["Zalo OA", zaloOa, bodies(oaShaped)],
    ["Zalo Bot", zaloBot, bodies(botShaped)],
  ] as const)("%s never answers 5xx", async (_name, send, body) => {
    await fc.assert(
      fc.asyncProperty(body as fc.Arbitrary<string>, async (b) => {
        const res = await send(b);
        expect(res.status, b.slice(0, 200)).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 20261205 },
    );
  }, 120_000);
});
