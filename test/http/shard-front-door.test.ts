import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { channelIdentities, consents, contacts, outboxMessages } from "../../src/db/schema";
import { createShardRouter, type ShardRouter } from "../../src/core/shards/shard-router";
import { shardOfIdentity } from "../../src/core/shards/national-directory";
import { subscribeReminders } from "../../src/core/residents/reminder-consent";
import { planReminders } from "../../src/core/reminders/plan-reminders";
import { localDate } from "../../src/core/time/local-date";
import { addDays } from "../../src/core/time/day-math";
import type { Protector } from "../../src/core/privacy/protector";
import { createShardFrontDoor } from "../../src/http/shard-front-door";
import { openSqliteNational } from "../../src/entry/national-db";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createRosterFixture } from "../helpers/roster-fixture";
import { signZalo } from "../helpers/fake-zalo";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

const KEY = "smsgate-signing-key";
const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date();
const TODAY = localDate(NOW, TZ);
const PHONE = "84100000001";
const BOT_SECRET = "zalo-bot-secret";
const APP_ID = "1234567890123456789";
const OA_SECRET = "oa-secret-key-1";
const config = parseConfig({ ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_BOT_TOKEN: "1:zb", ZALO_BOT_WEBHOOK_SECRET: BOT_SECRET, ZALO_BOT_API_ROOT: "http://zalo.invalid", SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: "http://sms.invalid", SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: KEY, QUIET_HOURS: "off" });

let protector: Protector;
let shards: Record<"12" | "38", SqliteDb>;
let router: ShardRouter;
let door: ReturnType<typeof createShardFrontDoor>;
let eventId = 0;

beforeEach(async () => {
  protector = await createTestProtector();
  shards = { "12": createTestDb(), "38": createTestDb() };
  // Lai Châu (12) is the default shard; the household below lives in Thanh Hóa (38).
  router = createShardRouter({ shards: new Map(Object.entries(shards)), national: openSqliteNational(new Database(":memory:")), defaultShard: "12" });
  const apps = new Map<string, App>(Object.entries(shards).map(([key, db]) => [key, createApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now: () => NOW })]));
  door = createShardFrontDoor({ router, protector, logger: silentLogger, appFor: (shard) => apps.get(shard)!, config, now: () => NOW });
});

/** One signed SMSGate webhook call carrying an SMS from `from`. */
async function sms(text: string, from = PHONE): Promise<Response> {
  const body = JSON.stringify({ deviceId: "d1", event: "sms:received", id: `ev-${++eventId}`, webhookId: "w1", payload: { messageId: "m", message: text, phoneNumber: from, receivedAt: NOW.toISOString() } });
  const ts = String(Math.floor(NOW.getTime() / 1000));
  const signature = createHmac("sha256", KEY).update(body + ts).digest("hex");
  return door.fetch(new Request("http://bhyt.test/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": signature, "x-timestamp": ts }, body }));
}

/** One Zalo Bot text from user `from`. */
async function zaloBot(text: string, from: string): Promise<Response> {
  const body = { ok: true, result: { event_name: "message.text.received", message: { message_id: `zb-${++eventId}`, from: { id: from, display_name: "Dân", is_bot: false }, chat: { id: from, chat_type: "PRIVATE" }, date: NOW.getTime(), text } } };
  return door.fetch(new Request("http://bhyt.test/webhooks/zalo-bot", { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": BOT_SECRET }, body: JSON.stringify(body) }));
}

/** One signed Zalo OA text from user `from` (a bare number, as Zalo sometimes sends ids). */
async function zaloOa(text: string, from: string): Promise<Response> {
  const ts = String(NOW.getTime());
  const body = `{"app_id":"${APP_ID}","user_id_by_app":"55","event_name":"user_send_text","timestamp":"${ts}","sender":{"id":${from}},"recipient":{"id":"579745863508352884"},"message":{"msg_id":"oa-${++eventId}","text":${JSON.stringify(text)}}}`;
  return door.fetch(new Request("http://bhyt.test/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signZalo(APP_ID, body, ts, OA_SECRET) }, body }));
}

const plan = (db: SqliteDb, today = TODAY) => planReminders({ db, timezone: TZ, defaultLocale: "vi", smsEnabled: true }, { today, now: NOW });
const pendingReminders = (db: SqliteDb) => db.orm.select().from(outboxMessages).where(and(eq(outboxMessages.purpose, "expiry_reminder"), eq(outboxMessages.status, "pending")));
const replies = (db: SqliteDb) => db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "officer-reply"));
const optedOut = async (db: SqliteDb) =>
  (await db.orm.select({ id: contacts.id }).from(contacts).innerJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id)).where(and(eq(channelIdentities.channel, "sms"), isNotNull(contacts.optedOutAt)))).length;

describe("shard front door: SMS routed by the sender's phone, opt-outs recorded where reminders are planned", () => {
  it("records HUY from a roster phone in the non-default province that plans its reminders, and answers from there", async () => {
    const roster = await createRosterFixture(shards["38"], protector, TODAY);
    await roster.card("GD", 7, { household: "H1", phone: PHONE });
    await plan(shards["38"]);
    expect(await pendingReminders(shards["38"])).toHaveLength(1);

    const answered = await sms("HUY");
    expect(answered.status).toBe(200);
    // The Worker's kick after this webhook names the shard whose outbox holds the reply.
    expect(door.shardOf(answered)).toBe("38");
    expect(await optedOut(shards["38"])).toBe(1);
    expect(await pendingReminders(shards["38"])).toHaveLength(0);
    // The confirmation is answered by the province that holds the phone, not the default one.
    expect(await replies(shards["38"])).toHaveLength(1);
    expect(await replies(shards["12"])).toHaveLength(0);
    expect(await optedOut(shards["12"])).toBe(0);
    // The next reminder day plans nothing for that household.
    await plan(shards["38"], addDays(TODAY, 6));
    expect(await pendingReminders(shards["38"])).toHaveLength(0);
    expect(await shardOfIdentity(router.national, "sms", await protector.blindIndex("phone", PHONE))).toBe("38");
  });

  it("records one STOP in every province whose roster holds the phone", async () => {
    for (const key of ["12", "38"] as const) {
      const roster = await createRosterFixture(shards[key], protector, TODAY);
      await roster.card("GD", 7, { household: `H${key}`, phone: PHONE });
      await plan(shards[key]);
      expect(await pendingReminders(shards[key])).toHaveLength(1);
    }
    expect((await sms("Tu chối")).status).toBe(200);
    for (const key of ["12", "38"] as const) {
      expect(await optedOut(shards[key])).toBe(1);
      expect(await pendingReminders(shards[key])).toHaveLength(0);
      await plan(shards[key], addDays(TODAY, 6));
      expect(await pendingReminders(shards[key])).toHaveLength(0);
    }
    // One confirmation, not one per province.
    expect((await replies(shards["12"])).length + (await replies(shards["38"])).length).toBe(1);
  });

  it("sends a stranger's SMS to the default shard and refuses a forged one without reading any shard", async () => {
    const stranger = await sms("xin chào", "84100000009");
    expect(stranger.status).toBe(200);
    expect(door.shardOf(stranger)).toBe("12");
    expect(await replies(shards["12"])).toHaveLength(1);
    const forged = await door.fetch(new Request("http://bhyt.test/webhooks/sms/smsgate", { method: "POST", headers: { "x-signature": "00", "x-timestamp": "1" }, body: "{}" }));
    expect(forged.status).toBe(401);
    // Not routed by sender: the kick names no shard and the consumer asks every shard with work.
    expect(door.shardOf(forged)).toBeUndefined();
    expect(await replies(shards["38"])).toHaveLength(0);
  });

  it("routes a Zalo Bot opt-out to the province that holds the user and withdraws their consent there", async () => {
    const roster = await createRosterFixture(shards["38"], protector, TODAY);
    const { personId, householdId } = await roster.card("GD", 7, { household: "H1" });
    await subscribeReminders(shards["38"], protector, { channel: "zalo_bot", externalKey: "zb-user-1", personId, householdId, locale: "vi", wording: "đồng ý", now: NOW });
    await plan(shards["38"]);
    expect(await pendingReminders(shards["38"])).toHaveLength(1);
    expect((await zaloBot("hủy nhắc", "zb-user-1")).status).toBe(200);
    const [consent] = await shards["38"].orm.select().from(consents);
    expect(consent!.withdrawnAt).not.toBeNull();
    expect(await pendingReminders(shards["38"])).toHaveLength(0);
    expect(await shards["12"].orm.select().from(contacts)).toHaveLength(0);
    expect(await shardOfIdentity(router.national, "zalo_bot", "zb-user-1")).toBe("38");
  });

  it("routes a Zalo OA opt-out, sender id a bare number, to the province that holds the user", async () => {
    const roster = await createRosterFixture(shards["38"], protector, TODAY);
    const { personId, householdId } = await roster.card("GD", 7, { household: "H1" });
    await subscribeReminders(shards["38"], protector, { channel: "zalo_oa", externalKey: "4455", personId, householdId, locale: "vi", wording: "đồng ý", now: NOW });
    expect((await zaloOa("STOP", "4455")).status).toBe(200);
    const [consent] = await shards["38"].orm.select().from(consents);
    expect(consent!.withdrawnAt).not.toBeNull();
    expect(await shards["12"].orm.select().from(contacts)).toHaveLength(0);
    expect(await shardOfIdentity(router.national, "zalo_oa", "4455")).toBe("38");
  });
});
