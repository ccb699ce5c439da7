import { beforeEach, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { createApp } from "../../../src/app";
import { parseConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createDispatcher } from "../../../src/core/outbox/dispatcher";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { LOOP_MAX_IDENTICAL, LOOP_WINDOW_MS } from "../../../src/core/outbox/loop-guard";
import type { ChannelSender, OutboundMessage } from "../../../src/core/outbox/types";
import type { Protector } from "../../../src/core/privacy/protector";
import { isDeniedSender, senderKey } from "../../../src/core/sms/deny-list";
import { inboundUpdates, outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const START = new Date("2025-11-15T03:00:00Z");
let db: SqliteDb;
let protector: Protector;
let now: Date;
let sent: OutboundMessage[];

beforeEach(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  now = START;
  sent = [];
});

const sender: ChannelSender = {
  channel: "sms",
  limits: { perSecond: 100 },
  async send(message) {
    sent.push(message);
    return { ok: true, providerMessageId: `p-${sent.length}` };
  },
};

async function queue(key: string, to: string, text: string): Promise<void> {
  await enqueue(db, [{ idempotencyKey: key, channel: "sms", purpose: "officer-reply", templateKey: "sms-reply", payload: { text, toEnc: await protector.seal(to) }, notBefore: now }], now);
}

async function dispatch() {
  const dispatcher = createDispatcher({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders: [sender], now: () => now });
  return dispatcher.dispatchOnce();
}

describe("SMS loop protection at dispatch", () => {
  it("sends at most 5 identical texts to one number per 30 minutes, drops the rest, and counts again after the window", async () => {
    for (let i = 0; i < 8; i++) await queue(`loop-${i}`, "84912345678", "Chưa hiểu tin nhắn. Gửi HD để xem hướng dẫn.");
    // A different text to the same number, and the same text to another number, are not limited.
    await queue("other-text", "84912345678", "Một tin khác");
    await queue("other-number", "84987654321", "Chưa hiểu tin nhắn. Gửi HD để xem hướng dẫn.");
    await dispatch();
    const to912 = sent.filter((m) => m.to === "84912345678" && m.text.startsWith("Chưa hiểu"));
    expect(to912).toHaveLength(LOOP_MAX_IDENTICAL);
    expect(sent.map((m) => m.idempotencyKey)).toEqual(expect.arrayContaining(["other-text", "other-number"]));
    const dropped = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.lastErrorCode, "loop_guard"));
    expect(dropped).toHaveLength(3);
    expect(dropped.every((m) => m.status === "dropped")).toBe(true);
    // The stamp is a blind index: the number never sits in the payload in plain text.
    expect(JSON.stringify(await db.orm.select().from(outboxMessages))).not.toContain("912345678");

    now = new Date(START.getTime() + LOOP_WINDOW_MS + 1000);
    await queue("after-window", "84912345678", "Chưa hiểu tin nhắn. Gửi HD để xem hướng dẫn.");
    await dispatch();
    expect(sent.at(-1)!.idempotencyKey).toBe("after-window");
  });
});

describe("SMS deny-list", () => {
  it("normalises numbers and short codes the way the config does", () => {
    const denied = ["+84 912 000 111", "9029", "viettel"].map(senderKey);
    expect(isDeniedSender("0912000111", denied)).toBe(true);
    expect(isDeniedSender("84912000111", denied)).toBe(true);
    expect(isDeniedSender("9029", denied)).toBe(true);
    expect(isDeniedSender("VIETTEL", denied)).toBe(true);
    expect(isDeniedSender("0912000112", denied)).toBe(false);
    expect(isDeniedSender("0912000111", [])).toBe(false);
  });

  it("ignores inbound SMS from SMS_DENY_NUMBERS: no reply queued, nothing recorded; other numbers still answered", async () => {
    const KEY = "smsgate-signing-key";
    const config = parseConfig({
      SMS_PROVIDER: "smsgate", SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: KEY, SMS_DENY_NUMBERS: "+84 912 000 111, 9029",
    });
    expect(config.smsDenyNumbers).toEqual(["84912000111", "9029"]);
    const app = createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => START });
    let id = 0;
    const post = (from: string) => {
      const body = JSON.stringify({ deviceId: "d", event: "sms:received", id: `e${++id}`, webhookId: "w", payload: { messageId: "m", message: "Xin chào", phoneNumber: from, receivedAt: "2025-11-15T10:00:00.000+07:00" } });
      const ts = String(START.getTime() / 1000);
      return app.request("/webhooks/sms/smsgate", { method: "POST", body, headers: { "content-type": "application/json", "x-signature": createHmac("sha256", KEY).update(body + ts).digest("hex"), "x-timestamp": ts } });
    };
    expect((await post("0912000111")).status).toBe(200);
    expect((await post("9029")).status).toBe(200);
    expect(await db.orm.select().from(outboxMessages)).toHaveLength(0);
    expect(await db.orm.select().from(inboundUpdates)).toHaveLength(0);
    expect((await post("0912000222")).status).toBe(200);
    expect(await db.orm.select().from(outboxMessages)).toHaveLength(1);
  });
});
