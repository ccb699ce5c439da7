import { afterAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { createApp, type App } from "../../src/app";
import { parseConfig, type Config } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { outboxMessages, tallyEntries } from "../../src/db/schema";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createDispatcher } from "../../src/core/outbox/dispatcher";
import type { ChannelSender } from "../../src/core/outbox/types";
import { localDate } from "../../src/core/time/local-date";
import { createSmsGateProvider } from "../../src/channels/sms/providers/smsgate";
import { createSmsSender } from "../../src/channels/sms/sms-sender";
import { createZaloOaClient } from "../../src/channels/zalo/oa-client";
import { createZaloOaSender } from "../../src/channels/zalo/oa-sender";
import { createZaloTokenStore } from "../../src/channels/zalo/token-store";
import { createZaloBotSender } from "../../src/channels/zalo-bot/bot-sender";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import type { Protector } from "../../src/core/privacy/protector";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";
import { startFakeHttp, type FakeAnswer, type FakeRequest } from "../helpers/fake-http";
import { signZalo } from "../helpers/fake-zalo";

// The officer and resident stories of every webhook channel but Telegram (its own story is in
// telegram/reply-delivery.test.ts), played on today's date while the provider fails each
// message's first try in turn: rate-limited, a server error, silence past the sender's
// deadline. Story: every report saved once, every officer told so exactly once, the resident
// gets the card and the subscription once, nobody is told "please try again".

const NOW = new Date();
const TODAY = localDate(NOW, "Asia/Ho_Chi_Minh");
const VILLAGES = ["Quyết Tiến", "Xuân Thành", "Xuân Lập", "Xuân Thắng", "Hoà Lâm", "Hưng Long"];
const APP_ID = "1234567890123456789";
const OA_SECRET = "oa-secret-key-1";
const BOT_SECRET = "bot-secret-123";
const BOT_TOKEN = "9988:bot-token";
const SMS_KEY = "smsgate-signing-key";
const t = createTestTranslator();

/** What a flaky provider delivered: recipient and text, counted only when the caller got the answer. */
interface Delivered { to: string; text: string }

/**
 * A provider that fails the first try of each (recipient, text) in turn with `failures`
 * (rate limit, server error, a hang past the sender's 1 s deadline) and accepts the retry.
 */
async function startFlakyProvider(read: (request: FakeRequest) => Delivered | undefined, failures: FakeAnswer[], ok: (n: number) => FakeAnswer) {
  const delivered: Delivered[] = [];
  const tries = new Map<string, number>();
  let failed = 0;
  let sent = 0;
  const fake = await startFakeHttp((request) => {
    const message = read(request);
    if (!message) return { status: 404, body: {} };
    const key = `${message.to}\n${message.text}`;
    const n = tries.get(key) ?? 0;
    tries.set(key, n + 1);
    if (n === 0) return failures[failed++ % failures.length]!;
    delivered.push(message);
    return ok(++sent);
  });
  return { baseUrl: fake.baseUrl, delivered, failedFirstTries: () => failed, close: () => fake.close() };
}

type Provider = Awaited<ReturnType<typeof startFlakyProvider>>;

interface ChannelUnderTest {
  name: string;
  env: (provider: Provider) => Record<string, string>;
  start(): Promise<Provider>;
  senders(config: Config, db: SqliteDb, protector: Protector): ChannelSender[];
  /** Sends one inbound message from `from` (an id, or a phone on SMS); `eventId` repeats for a redelivery. */
  post(app: App, from: string, text: string, eventId: string): Promise<Response> | Response;
  /** The recipient a provider sees for `from`. */
  to(from: string): string;
  users: (i: number) => string;
}

const HANG: FakeAnswer = { status: 502, body: { ok: false }, delayMs: 3_000 };

const channels: ChannelUnderTest[] = [
  {
    name: "Zalo OA",
    // Zalo answers errors as HTTP 200 with a non-zero `error`: -32 is its rate limit.
    start: () =>
      startFlakyProvider(
        (r) => (r.path === "/v3.0/oa/message/cs" ? { to: JSON.parse(r.body).recipient.user_id, text: JSON.parse(r.body).message.text } : undefined),
        [{ body: { error: -32, message: "rate limit" } }, { status: 502, body: {} }, HANG],
        (n) => ({ body: `{"error":0,"message":"Success","data":{"message_id":"71000000000000${n}","user_id":"1"}}` }),
      ),
    env: (p) => ({ ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: "app-secret-1", ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_OA_ACCESS_TOKEN: "oa-access-token", ZALO_OA_REFRESH_TOKEN: "oa-refresh-token", ZALO_API_ROOT: p.baseUrl, ZALO_OAUTH_ROOT: p.baseUrl }),
    senders: (config, db, protector) => {
      const tokens = createZaloTokenStore({ config: config.zaloOa!, db, protector, logger: silentLogger });
      return [createZaloOaSender(createZaloOaClient({ config: config.zaloOa!, tokens, timeoutMs: 1_000 }), { trackZns: async () => undefined })];
    },
    post: (app, from, text, eventId) => {
      const body = `{"app_id":"${APP_ID}","user_id_by_app":"55","event_name":"user_send_text","timestamp":"${NOW.getTime()}","sender":{"id":"${from}"},"recipient":{"id":"579745863508352884"},"message":{"msg_id":"${eventId}","text":${JSON.stringify(text)}}}`;
      return app.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signZalo(APP_ID, body, String(NOW.getTime()), OA_SECRET) }, body });
    },
    to: (from) => from,
    users: (i) => `86123456789012${String(i).padStart(5, "0")}`,
  },
  {
    name: "Zalo Bot",
    start: () =>
      startFlakyProvider(
        (r) => (r.path === `/bot${BOT_TOKEN}/sendMessage` ? { to: JSON.parse(r.body).chat_id, text: JSON.parse(r.body).text } : undefined),
        [{ status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests" } }, { status: 500, body: { ok: false, error_code: 500 } }, HANG],
        (n) => ({ body: { ok: true, result: { message_id: `zb-${n}`, date: NOW.getTime() } } }),
      ),
    env: (p) => ({ ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_WEBHOOK_SECRET: BOT_SECRET, ZALO_BOT_API_ROOT: p.baseUrl }),
    senders: (config) => [createZaloBotSender(config.zaloBot!, { timeoutMs: 1_000 })],
    post: (app, from, text, eventId) => {
      const body = { ok: true, result: { event_name: "message.text.received", message: { message_id: eventId, from: { id: from, display_name: "Cán bộ", is_bot: false }, chat: { id: from, chat_type: "PRIVATE" }, date: NOW.getTime(), text } } };
      return app.request("/webhooks/zalo-bot", { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": BOT_SECRET }, body: JSON.stringify(body) });
    },
    to: (from) => from,
    users: (i) => `zb-user-${i}`,
  },
  {
    name: "SMS (SMSGate)",
    start: () =>
      startFlakyProvider(
        (r) => (r.path === "/3rdparty/v1/messages" ? { to: JSON.parse(r.body).phoneNumbers[0], text: JSON.parse(r.body).textMessage.text } : undefined),
        [{ status: 429, headers: { "retry-after": "1" }, body: {} }, { status: 500, body: {} }, HANG],
        (n) => ({ status: 202, body: { id: `gw-${n}`, state: "Pending" } }),
      ),
    env: (p) => ({ SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: p.baseUrl, SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: SMS_KEY, SMS_RATE_PER_SECOND: "50" }),
    senders: (config) => [createSmsSender(createSmsGateProvider(config.sms as never, { timeoutMs: 1_000 }), { ratePerSecond: 50 })],
    post: (app, from, text, eventId) => {
      const body = JSON.stringify({ deviceId: "d1", event: "sms:received", id: eventId, webhookId: "w1", payload: { messageId: eventId, message: text, phoneNumber: from, receivedAt: NOW.toISOString() } });
      const ts = String(Math.floor(Date.now() / 1000));
      return app.request("/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": createHmac("sha256", SMS_KEY).update(body + ts).digest("hex"), "x-timestamp": ts }, body });
    },
    to: (from) => `+84${from.slice(1)}`,
    users: (i) => `09120100${String(i).padStart(2, "0")}`,
  },
];

const providers: Provider[] = [];
afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
});

describe.each(channels)("$name with a provider that fails every first try", (channel) => {
  it("loses no report and no confirmation, duplicates nothing, and the resident's look-up and subscription arrive once", async () => {
    const provider = await channel.start();
    providers.push(provider);
    const config = parseConfig(channel.env(provider));
    const db = createTestDb();
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today: TODAY });
    const commune = await resolveUnit(db, "Ngọc Phụng");
    // The clock moves on in the story (retry waits up to Zalo's 60 s pass instantly), replies stay inside their hour.
    let skipped = 0;
    const now = () => new Date(Date.now() + skipped);
    const app = createApp({ config, db, logger: silentLogger, t, protector, now });
    const officers = VILLAGES.map((_, i) => channel.users(i));
    const resident = channel.users(50);
    let event = 0;
    const say = async (from: string, text: string, eventId = `ev-${++event}`) => {
      const res = await channel.post(app, from, text, eventId);
      expect(res.status, `${channel.name} ${text}`).toBe(200);
      return eventId;
    };

    for (const from of officers) await say(from, (await createInvite(db, protector, { communeId: commune.id, role: "commune" })).code);
    const reports = await Promise.all(officers.map((from, i) => say(from, `${VILLAGES[i]} GD 1`)));
    // The platform redelivers every report once (no answer seen in time).
    await Promise.all(officers.map((from, i) => say(from, `${VILLAGES[i]} GD 1`, reports[i])));
    const person = generateDemoRoster(TODAY).find((p) => p.groupCode === "GD")!;
    await say(resident, person.cardCode);
    await say(resident, person.dateOfBirth.split("-").reverse().join("/"));
    await say(resident, "1");

    const dispatcher = createDispatcher({ db, protector, t, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders: channel.senders(config, db, protector), now, retry: { baseMs: 50, maxMs: 200, maxAttempts: 8 } });
    const open = async () => (await db.orm.select().from(outboxMessages)).filter((r) => r.status === "pending" || r.status === "sending").length;
    for (let round = 0; round < 20 && (await open()) > 0; round++) {
      await dispatcher.dispatchOnce();
      skipped += 65_000;
    }
    expect(await open()).toBe(0);
    expect(provider.failedFirstTries(), "the provider failed first tries").toBeGreaterThan(3);

    const saved = await db.orm.select().from(tallyEntries).where(eq(tallyEntries.status, "active"));
    expect(saved.reduce((n, e) => n + e.count, 0)).toBe(officers.length);
    const apology = t("vi", "conv-internal-error");
    for (const from of officers) {
      const got = provider.delivered.filter((d) => d.to === channel.to(from)).map((d) => d.text);
      expect(got.filter((text) => /Đã ghi nhận|Da ghi nhan/.test(text)), `${channel.name} ${from}: ${got.join(" | ")}`).toHaveLength(1);
      expect(got.join("\n")).not.toContain(apology);
    }
    const residentGot = provider.delivered.filter((d) => d.to === channel.to(resident)).map((d) => d.text);
    expect(residentGot.filter((text) => text.includes(person.validTo.split("-").reverse().join("/"))), residentGot.join(" | ")).toHaveLength(1);
    expect(residentGot.length, residentGot.join(" | ")).toBeGreaterThanOrEqual(3);
    expect(new Set(residentGot).size, "no reply delivered twice").toBe(residentGot.length);
  }, 90_000);
});
