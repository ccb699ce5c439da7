import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { inboundUpdates, outboxMessages, tallyEntries } from "../../src/db/schema";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createDispatcher } from "../../src/core/outbox/dispatcher";
import { fitSms } from "../../src/core/sms/fit-sms";
import type { Protector } from "../../src/core/privacy/protector";
import { createSenders } from "../../src/channels/senders";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";
import { startFakeHttp } from "../helpers/fake-http";

const KEY = "smsgate-signing-key";
const NOW = new Date("2025-11-15T03:00:00Z");
const PHONE = "0912345678";
let fake: Awaited<ReturnType<typeof startFakeHttp>>;
let app: App;
let db: SqliteDb;
let protector: Protector;
let config: ReturnType<typeof parseConfig>;
let collectorCode = "";
let eventId = 0;

function received(text: string, id = `ev-${++eventId}`, from = PHONE) {
  return JSON.stringify({ deviceId: "d1", event: "sms:received", id, webhookId: "w1", payload: { messageId: "m", message: text, phoneNumber: from, receivedAt: "2025-11-15T10:00:00.000+07:00" } });
}
async function post(body: string, options: { key?: string; ts?: number; provider?: string } = {}) {
  const ts = String(options.ts ?? NOW.getTime() / 1000);
  const signature = createHmac("sha256", options.key ?? KEY).update(body + ts).digest("hex");
  return app.request(`/webhooks/sms/${options.provider ?? "smsgate"}`, { method: "POST", headers: { "content-type": "application/json", "x-signature": signature, "x-timestamp": ts }, body });
}
const outbox = () => db.orm.select().from(outboxMessages).orderBy(outboxMessages.id);

beforeAll(async () => {
  fake = await startFakeHttp((_req, n) => ({ status: 202, body: { id: `gw-${n}`, state: "Pending" } }));
  db = createTestDb();
  protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const village = await resolveUnit(db, "Xuân Thành");
  collectorCode = (await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector" })).code;
  config = parseConfig({ SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: fake.baseUrl, SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: KEY, SMS_RATE_PER_SECOND: "50" });
  app = createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW });
});
afterAll(() => fake.close());

describe("POST /webhooks/sms/smsgate", () => {
  it("refuses a bad, stale or missing signature with 401 and processes nothing", async () => {
    expect((await post(received("Xuân Thành GD 1"), { key: "not-the-signing-key" })).status).toBe(401);
    expect((await post(received("Xuân Thành GD 1"), { ts: NOW.getTime() / 1000 - 600 })).status).toBe(401);
    const unsigned = await app.request("/webhooks/sms/smsgate", { method: "POST", body: received("Xuân Thành GD 1") });
    expect(unsigned.status).toBe(401);
    expect(await outbox()).toHaveLength(0);
    expect(await db.orm.select().from(inboundUpdates)).toHaveLength(0);
  });

  it("answers 404 on another provider's path", async () => {
    expect((await post(received("x"), { provider: "twilio" })).status).toBe(404);
  });

  it("passes a stranger's SMS to the core and queues the reply with the number sealed", async () => {
    const res = await post(received("Xuân Thành GD 1", "stranger-1"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const [reply] = await outbox();
    expect(reply).toMatchObject({ channel: "sms", purpose: "officer-reply", status: "pending", idempotencyKey: "sms-reply:smsgate:stranger-1:0" });
    expect(String(reply!.payload.text)).toContain("mã mời");
    expect(String(reply!.payload.toEnc)).toMatch(/^v1\./);
    expect(await protector.open(String(reply!.payload.toEnc))).toBe("84912345678");
    expect(JSON.stringify(reply)).not.toMatch(/912345678/);
    expect(reply!.expiresAt!.getTime() - NOW.getTime()).toBe(60 * 60_000);
  });

  it("processes a redelivered event once", async () => {
    const before = (await outbox()).length;
    expect((await post(received("Xuân Thành GD 1", "stranger-1"))).status).toBe(200);
    expect(await outbox()).toHaveLength(before);
  });

  it("lets an officer register by SMS and report a tally", async () => {
    const before = (await outbox()).length;
    expect((await post(received(collectorCode))).status).toBe(200);
    const tallies = async () => (await db.orm.select().from(tallyEntries).where(eq(tallyEntries.status, "active"))).length;
    const talliesBefore = await tallies();
    expect((await post(received("Xuân Thành GD 2"))).status).toBe(200);
    expect(await tallies()).toBe(talliesBefore + 1);
    const replies = (await outbox()).slice(before);
    expect(replies).toHaveLength(2);
    expect(String(replies[1]!.payload.text)).toContain("Xuân Thành");
  });

  it("sends the queued replies through SMSGate and applies its delivery report", async () => {
    const dispatcher = createDispatcher({
      db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger,
      senders: createSenders(config), now: () => NOW,
    });
    const report = await dispatcher.dispatchOnce();
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    const sent = fake.requests.map((r) => JSON.parse(r.body));
    expect(sent.every((b) => b.phoneNumbers[0] === "+84912345678")).toBe(true);
    const first = (await outbox())[0]!;
    // The stranger's welcome is too long for a reply's four UCS-2 parts: it goes unaccented (GSM-7).
    // Replies go out concurrently, so the order of requests need not follow the outbox ids.
    const welcome = sent.map((b) => b.textMessage.text as string).find((text) => text.startsWith("Xin chao!"));
    expect(welcome).toBe(fitSms(String(first.payload.text), 4).text);
    expect(first).toMatchObject({ status: "sent" });
    const delivered = JSON.stringify({ event: "sms:delivered", id: "dr-1", payload: { messageId: first.providerMessageId, phoneNumber: "+84912345678" } });
    expect((await post(delivered)).status).toBe(200);
    expect((await outbox())[0]).toMatchObject({ status: "delivered", deliveredAt: NOW });
  });
});

describe("other providers' webhooks", () => {
  it("eSMS: a GET delivery callback needs the token", async () => {
    const esms = parseConfig({ SMS_PROVIDER: "esms", SMS_API_KEY: "k", SMS_API_SECRET: "s", SMS_BRANDNAME: "UBND", SMS_WEBHOOK_SECRET: "esms-callback-token", PUBLIC_URL: "https://bhyt.example" });
    const esmsApp = createApp({ config: esms, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW });
    const [row] = await outbox();
    await db.orm.update(outboxMessages).set({ status: "sent", providerMessageId: "esms-1" }).where(eq(outboxMessages.id, row!.id));
    const query = "SMSID=esms-1&SendFailed=0&SendStatus=5&SendSuccess=1";
    expect((await esmsApp.request(`/webhooks/sms/esms?token=wrong-token-xxxxx&${query}`)).status).toBe(401);
    expect((await outbox())[0]!.status).toBe("sent");
    expect((await esmsApp.request(`/webhooks/sms/esms?token=esms-callback-token&${query}`)).status).toBe(200);
    expect((await outbox())[0]!.status).toBe("delivered");
  });

  it("Twilio: the signature covers the public URL; inbound gets an empty TwiML answer", async () => {
    const twilio = parseConfig({ SMS_PROVIDER: "twilio", SMS_USERNAME: "AC1", SMS_PASSWORD: "twilio-auth-token", SMS_FROM: "+15550001", PUBLIC_URL: "https://bhyt.example/" });
    const twilioApp = createApp({ config: twilio, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW });
    const form = new URLSearchParams({ MessageSid: "SM77", SmsStatus: "received", From: "+84987000111", To: "+15550001", Body: "xin chào" });
    const data = "https://bhyt.example/webhooks/sms/twilio" + [...form.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => k + v).join("");
    const signature = createHmac("sha1", "twilio-auth-token").update(data).digest("base64");
    const send = (sig: string) => twilioApp.request("/webhooks/sms/twilio", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sig }, body: form.toString() });
    expect((await send("AAAA" + signature.slice(4))).status).toBe(401);
    const res = await send(signature);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    expect(await res.text()).toContain("<Response></Response>");
    const [seen] = await db.orm.select().from(inboundUpdates).where(eq(inboundUpdates.externalId, "twilio:SM77"));
    expect(seen).toBeDefined();
  });
});
