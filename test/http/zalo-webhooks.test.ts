import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { App } from "../../src/app";
import { createRelayedApp } from "../helpers/relayed-app";
import { parseConfig, type Config } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { channelIdentities, consents, inboundUpdates, outboxMessages, tallyEntries } from "../../src/db/schema";
import { enqueue } from "../../src/core/outbox/enqueue";
import { recordZnsTracking } from "../../src/core/zns/zns-tracking";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createDispatcher } from "../../src/core/outbox/dispatcher";
import { ACTION_REPLACE } from "../../src/core/conversation/tally-flow";
import { renderChoices } from "../../src/channels/zalo/render-text";
import { createSenders } from "../../src/channels/senders";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import type { Protector } from "../../src/core/privacy/protector";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";
import { flowingClock } from "../helpers/virtual-clock";
import { startFakeTelegram } from "../helpers/fake-telegram";
import { startFakeHttp } from "../helpers/fake-http";
import { signZalo, startFakeZalo } from "../helpers/fake-zalo";
import { createHmac } from "node:crypto";

const NOW = new Date("2025-11-15T03:00:00Z");
const APP_ID = "1234567890123456789";
const OA_SECRET = "oa-secret-key-1";
const BOT_SECRET = "bot-secret-123";
const BOT_TOKEN = "9988:bot-token";
const OFFICER = "8612345678901234567"; // past 2^53
const RESIDENT = "8612345678901234999";
const person = generateDemoRoster("2025-11-15").find((p) => p.groupCode === "GD")!;

/** One channel under test: its own database, seeded alike, so the same script gives the same answers. */
interface Harness {
  app: App;
  db: SqliteDb;
  protector: Protector;
  codes: { collector: string };
  config: Config;
  now: () => Date;
  relaysIdle(): Promise<void>;
}

async function harness(env: Record<string, string>): Promise<Harness> {
  const db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const village = await resolveUnit(db, "Xuân Thành");
  const collector = (await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector" })).code;
  const config = parseConfig(env);
  // Replies are paced by the clock (Telegram sends through the dispatcher at once): it must move.
  const now = flowingClock(NOW);
  const { app, relaysIdle } = createRelayedApp({ config, db, logger: silentLogger, t: createTestTranslator(), protector, now });
  return { app, db, protector, codes: { collector }, config, now, relaysIdle };
}

async function dispatch(h: Harness) {
  const senders = createSenders(h.config, { db: h.db, protector: h.protector, logger: silentLogger });
  const dispatcher = createDispatcher({ db: h.db, protector: h.protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger, senders, now: h.now });
  return dispatcher.dispatchOnce();
}

let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
let zalo: Awaited<ReturnType<typeof startFakeZalo>>;
let bot: Awaited<ReturnType<typeof startFakeHttp>>;
let tg: Harness;
let oa: Harness;
let zb: Harness;
let sm: Harness;
let gateway: Awaited<ReturnType<typeof startFakeHttp>>;
const SMS_KEY = "smsgate-signing-key";
/** The phone each script user texts from on SMS. */
const PHONES: Record<string, string> = { [OFFICER]: "0912000001", [RESIDENT]: "0912000002" };
let msgId = 0;
let tgUpdate = 0;

function oaText(from: string, text: string, id = `msg-${++msgId}`): string {
  // Hand-written JSON: ids go out bare, as a careless sender might, to prove they survive.
  return `{"app_id":"${APP_ID}","user_id_by_app":"55","event_name":"user_send_text","timestamp":"${NOW.getTime()}","sender":{"id":${from}},"recipient":{"id":"579745863508352884"},"message":{"msg_id":"${id}","text":${JSON.stringify(text)}}}`;
}
function postOa(body: string, signature?: string) {
  const ts = /"timestamp":"(\d+)"/.exec(body)![1]!;
  return oa.app.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature ?? signZalo(APP_ID, body, ts, OA_SECRET) }, body });
}
function postBot(from: string, text: string, id = `bm-${++msgId}`, secret = BOT_SECRET) {
  const body = { ok: true, result: { event_name: "message.text.received", message: { message_id: id, from: { id: from, display_name: "Cán bộ", is_bot: false }, chat: { id: from, chat_type: "PRIVATE" }, date: NOW.getTime(), text } } };
  return zb.app.request("/webhooks/zalo-bot", { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": secret }, body: JSON.stringify(body) });
}

/** An SMS arriving through SMSGate (signed as the gateway signs); returns the replies the core queued, as texts. */
async function smsSay(from: string, text: string): Promise<string[]> {
  const before = (await sm.db.orm.select().from(outboxMessages)).length;
  const body = JSON.stringify({ deviceId: "d1", event: "sms:received", id: `sms-${++msgId}`, webhookId: "w1", payload: { messageId: "m", message: text, phoneNumber: from, receivedAt: "2025-11-15T10:00:00.000+07:00" } });
  const ts = String(NOW.getTime() / 1000);
  const res = await sm.app.request("/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": createHmac("sha256", SMS_KEY).update(body + ts).digest("hex"), "x-timestamp": ts }, body });
  expect(res.status).toBe(200);
  const rows = (await sm.db.orm.select().from(outboxMessages).orderBy(outboxMessages.id)).slice(before);
  const report = await dispatch(sm);
  expect(report.sent).toBe(rows.length);
  return rows.map((r) => String(r.payload.text));
}

type Step = { text: (h: Harness) => string } | { choose: string };

/** Telegram: the reply texts with their buttons rendered as Zalo renders them, plus the buttons for the next choice. */
async function tgSay(from: number, step: Step) {
  const before = telegram.calls.length;
  const now = Math.floor(NOW.getTime() / 1000);
  const user = { id: from, is_bot: false, first_name: "Cán bộ", language_code: "vi" };
  const chat = { id: from, type: "private" };
  const update = "choose" in step
    ? { update_id: ++tgUpdate, callback_query: { id: `cb${tgUpdate}`, from: user, chat_instance: "x", data: step.choose, message: { message_id: 1, date: now, chat, text: "?" } } }
    : { update_id: ++tgUpdate, message: { message_id: tgUpdate, date: now, chat, from: user, text: step.text(tg) } };
  const res = await tg.app.request("/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "telegram-secret-1" }, body: JSON.stringify(update) });
  expect(res.status).toBe(200);
  await tg.relaysIdle();
  const sent = telegram.calls.slice(before).filter((c) => c.method === "sendMessage");
  return sent.map((c) => {
    const buttons = ((c.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).map((row) => row.map((b) => ({ label: b.text, action: b.callback_data })));
    return { text: renderChoices(String(c.payload.text), buttons.length ? buttons : undefined), buttons: buttons.flat() };
  });
}

/** Runs a script on Telegram, Zalo OA, Zalo Bot and SMS; returns each channel's reply texts per step. */
async function runScript(tgUser: number, zaloUser: string, steps: Step[]) {
  const out: { tg: string[]; oa: string[]; bot: string[]; sms: string[] }[] = [];
  let buttons: { label: string; action: string }[] = [];
  for (const step of steps) {
    const tgReplies = await tgSay(tgUser, step);
    const numbered = "choose" in step ? String(buttons.findIndex((b) => b.action === step.choose) + 1) : undefined;
    buttons = tgReplies.flatMap((r) => r.buttons);
    const oaBefore = zalo.sends().length;
    expect((await postOa(oaText(zaloUser, numbered ?? (step as { text: (h: Harness) => string }).text(oa)))).status).toBe(200);
    await dispatch(oa);
    const botBefore = bot.requests.length;
    expect((await postBot(zaloUser, numbered ?? (step as { text: (h: Harness) => string }).text(zb))).status).toBe(200);
    await dispatch(zb);
    const sms = await smsSay(PHONES[zaloUser]!, numbered ?? (step as { text: (h: Harness) => string }).text(sm));
    out.push({
      sms,
      tg: tgReplies.map((r) => r.text),
      oa: zalo.sends().slice(oaBefore).map((s) => s.body.message.text),
      bot: bot.requests.slice(botBefore).map((r) => JSON.parse(r.body).text as string),
    });
  }
  return out;
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo({ validTokens: new Set(["oa-access-token"]) });
  let botMessage = 0;
  bot = await startFakeHttp((r) => (r.path === `/bot${BOT_TOKEN}/sendMessage` ? { body: { ok: true, result: { message_id: `zb-${++botMessage}`, date: NOW.getTime() } } } : { status: 404, body: { ok: false, error_code: 404 } }));
  tg = await harness({ TELEGRAM_BOT_TOKEN: "123456:TEST-token", TELEGRAM_WEBHOOK_SECRET: "telegram-secret-1", TELEGRAM_API_ROOT: telegram.apiRoot });
  oa = await harness({ ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: "app-secret-1", ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_OA_ACCESS_TOKEN: "oa-access-token", ZALO_OA_REFRESH_TOKEN: "oa-refresh-token", ZALO_API_ROOT: zalo.baseUrl, ZALO_OAUTH_ROOT: zalo.baseUrl });
  zb = await harness({ ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_WEBHOOK_SECRET: BOT_SECRET, ZALO_BOT_API_ROOT: bot.baseUrl });
  gateway = await startFakeHttp((_req, n) => ({ status: 202, body: { id: `gw-${n}`, state: "Pending" } }));
  sm = await harness({ SMS_PROVIDER: "smsgate", SMS_API_BASE_URL: gateway.baseUrl, SMS_USERNAME: "u", SMS_PASSWORD: "p", SMS_WEBHOOK_SECRET: SMS_KEY, SMS_RATE_PER_SECOND: "50" });
});
afterAll(async () => {
  await Promise.all([telegram.close(), zalo.close(), bot.close(), gateway.close()]);
});

describe("POST /webhooks/zalo: verification", () => {
  it("refuses a forged, tampered or unsigned event with 401 and processes nothing", async () => {
    const body = oaText(OFFICER, "Xuân Thành GD 1");
    expect((await postOa(body, signZalo(APP_ID, body, String(NOW.getTime()), "not-the-oa-secret"))).status).toBe(401);
    expect((await postOa(body.replace("GD 1", "GD 9"), signZalo(APP_ID, body, String(NOW.getTime()), OA_SECRET))).status).toBe(401);
    expect((await oa.app.request("/webhooks/zalo", { method: "POST", body })).status).toBe(401);
    expect(await oa.db.orm.select().from(outboxMessages)).toHaveLength(0);
    expect(await oa.db.orm.select().from(inboundUpdates)).toHaveLength(0);
  });

  it("refuses a wrong bot secret with 401", async () => {
    expect((await postBot(OFFICER, "Xuân Thành GD 1", "x1", "wrong-secret-1")).status).toBe(401);
    expect(await zb.db.orm.select().from(inboundUpdates)).toHaveLength(0);
  });
});

describe("an officer and a resident get the same answers on Telegram, Zalo OA, Zalo Bot and SMS", () => {
  it("officer: invite code, tally, add-or-replace answered by number, progress, undo", async () => {
    const steps: Step[] = [
      { text: (h) => h.codes.collector },
      { text: () => "Xuân Thành GD 12" },
      { text: () => "Xuân Thành GD 5" },
      { choose: ACTION_REPLACE },
      { text: () => "/tiendo" },
      { text: () => "/huy" },
    ];
    const result = await runScript(501, OFFICER, steps);
    for (const [i, r] of result.entries()) {
      expect(r.tg.length).toBeGreaterThan(0);
      expect(r.oa).toEqual(r.tg);
      expect(r.bot).toEqual(r.tg);
      // SMS has its own welcome (commands without "/", no /lienket); the rest reads the same.
      if (i > 0) expect(r.sms).toEqual(r.tg);
    }
    expect(result[0]!.sms[0]).toContain("TIENDO");
    expect(result[0]!.oa[0]).toContain("cán bộ thôn của xã Ngọc Phụng");
    expect(result[1]!.oa[0]).toContain("Đã ghi nhận: 15/11/2025 — Thôn Xuân Thành: GD 12");
    expect(result[2]!.oa[0]).toMatch(/đã có 12 người[\s\S]*\n1\. /);
    expect(result[3]!.oa[0]).toContain("Đã thay thế số cũ");
    expect(result[4]!.oa[0]).toContain("Xuân Thành");
    expect(result[5]!.oa[0]).toContain("GD 5");
    for (const h of [tg, oa, zb, sm]) {
      // Undoing the replacement brings back the figure it replaced.
      const gd = await h.db.orm.select().from(tallyEntries).where(and(eq(tallyEntries.groupCode, "GD"), eq(tallyEntries.status, "active")));
      expect(gd.map((e) => e.count)).toEqual([12]);
    }
    // The OA user id went out exactly as it came in, past 2^53.
    expect(zalo.sends().every((s) => s.body.recipient.user_id === OFFICER)).toBe(true);
  });

  it("resident: a card look-up asks for the date of birth, then shows the card", async () => {
    const dob = person.dateOfBirth.split("-").reverse().join("/");
    const result = await runScript(777, RESIDENT, [{ text: () => person.cardCode }, { text: () => dob }, { choose: "s:sub" }, { choose: "s:agree" }]);
    for (const r of result) {
      expect(r.oa).toEqual(r.tg);
      expect(r.bot).toEqual(r.tg);
    }
    expect(result[0]!.oa[0]).toContain("ngày sinh");
    expect(result[1]!.oa[0]).toContain("Mã quyền lợi 4: mức hưởng 80%");
    // SMS gets the same answer written for two parts (test/channels/sms/sms-conversation.test.ts reads it as an SMS).
    expect(result[0]!.sms[0]).toContain("ngày sinh");
    expect(result[1]!.sms[0]).toContain("mức hưởng 80%");
    expect(result[2]!.sms[0]).toContain("Tôi đồng ý");
    expect(result[3]!.sms[0]).toContain("Đã đăng ký nhắc gia hạn");
    expect(result[3]!.oa[0]).toContain("Đã đăng ký nhắc gia hạn");
    for (const [h, channel] of [[tg, "telegram"], [oa, "zalo_oa"], [zb, "zalo_bot"], [sm, "sms"]] as const) {
      const rows = await h.db.orm.select().from(consents).where(eq(consents.purpose, "expiry_reminders"));
      expect(rows.map((c) => c.channel)).toEqual([channel]);
    }
  });
});

describe("Zalo events beyond text", () => {
  it("processes a redelivered message once (msg_id on OA, message id on Bot)", async () => {
    const before = (await oa.db.orm.select().from(outboxMessages)).length;
    const body = oaText(OFFICER, "Xuân Thành TE 2", "dup-1");
    expect((await postOa(body)).status).toBe(200);
    expect((await postOa(body)).status).toBe(200);
    expect(await oa.db.orm.select().from(outboxMessages)).toHaveLength(before + 1);
    const botBefore = (await zb.db.orm.select().from(outboxMessages)).length;
    await postBot(OFFICER, "Xuân Thành TE 2", "dup-b");
    await postBot(OFFICER, "Xuân Thành TE 2", "dup-b");
    expect(await zb.db.orm.select().from(outboxMessages)).toHaveLength(botBefore + 1);
  });

  it("marks the sent row delivered on user_received_message", async () => {
    await dispatch(oa);
    const [row] = await oa.db.orm.select().from(outboxMessages).where(eq(outboxMessages.status, "sent")).limit(1);
    expect(row!.providerMessageId).toMatch(/^\d{19}$/);
    const body = `{"app_id":"${APP_ID}","event_name":"user_received_message","timestamp":"${NOW.getTime()}","sender":{"id":"579745863508352884"},"recipient":{"id":"${OFFICER}"},"message":{"msg_id":"${row!.providerMessageId}","delivery_time":"${NOW.getTime()}"}}`;
    expect((await postOa(body)).status).toBe(200);
    const [after] = await oa.db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, row!.id));
    expect(after).toMatchObject({ status: "delivered", deliveredAt: NOW });
  });

  it("marks a ZNS message delivered by the tracking_id on its delivery event", async () => {
    const key = "reminder:h77:7:2025-11-15";
    const [id] = (await enqueue(oa.db, [{ idempotencyKey: key, channel: "zalo_oa", purpose: "expiry_reminder", templateKey: "reminder-expiring", payload: { vars: {} } }], NOW)).inserted;
    await oa.db.orm.update(outboxMessages).set({ status: "sent", providerMessageId: "not-the-msg-id-in-the-event" }).where(eq(outboxMessages.id, id!));
    await recordZnsTracking(oa.db, "tracking-h77", key, NOW);
    const body = `{"app_id":"${APP_ID}","event_name":"user_received_message","timestamp":"${NOW.getTime()}","sender":{"id":"579745863508352884"},"recipient":{"id":"84912345678"},"message":{"msg_id":"other","tracking_id":"tracking-h77","delivery_time":"${NOW.getTime()}"}}`;
    expect((await postOa(body)).status).toBe(200);
    expect((await oa.db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, id!)))[0]).toMatchObject({ status: "delivered", deliveredAt: NOW });
  });

  it("unfollow blocks the identity (nothing more is sent), follow unblocks it, in event-time order and idempotently", async () => {
    const event = (name: string, at: number) => `{"oa_id":"579745863508352884","follower":{"id":"${OFFICER}"},"user_id_by_app":"55","event_name":"${name}","source":"oa_profile","app_id":"${APP_ID}","timestamp":"${at}"}`;
    const identity = async () => (await oa.db.orm.select().from(channelIdentities).where(and(eq(channelIdentities.channel, "zalo_oa"), eq(channelIdentities.externalKey, OFFICER))))[0]!;
    const unfollowAt = NOW.getTime() - 60_000;
    expect((await postOa(event("unfollow", unfollowAt))).status).toBe(200);
    expect((await identity()).blockedAt).toEqual(new Date(unfollowAt));
    expect((await postOa(event("follow", NOW.getTime() - 30_000))).status).toBe(200);
    expect((await identity()).blockedAt).toBeNull();
    // The unfollow redelivered after the follow (Zalo's retry ladder) is older: it changes nothing.
    expect((await postOa(event("unfollow", unfollowAt))).status).toBe(200);
    expect((await identity()).blockedAt).toBeNull();
    // A later unfollow applies, and its redelivery is a no-op.
    const later = NOW.getTime() - 10_000;
    await postOa(event("unfollow", later));
    await postOa(event("unfollow", later));
    expect((await identity()).blockedAt).toEqual(new Date(later));
    expect((await postOa(event("follow", NOW.getTime()))).status).toBe(200);
    expect((await identity()).blockedAt).toBeNull();
  });

  it("refuses events older than a day or from the future (200, so Zalo stops resending) and applies nothing", async () => {
    const years = new Date(NOW);
    years.setUTCFullYear(years.getUTCFullYear() - 5);
    const unfollow = (at: number) => `{"oa_id":"579745863508352884","follower":{"id":"${OFFICER}"},"user_id_by_app":"55","event_name":"unfollow","source":"oa_profile","app_id":"${APP_ID}","timestamp":"${at}"}`;
    const identity = async () => (await oa.db.orm.select().from(channelIdentities).where(and(eq(channelIdentities.channel, "zalo_oa"), eq(channelIdentities.externalKey, OFFICER))))[0]!;
    expect((await identity()).blockedAt).toBeNull();
    for (const at of [years.getTime(), NOW.getTime() - 25 * 3600_000, NOW.getTime() + 3600_000]) {
      const res = await postOa(unfollow(at));
      expect(res.status).toBe(200);
      expect((await identity()).blockedAt).toBeNull();
    }
    const before = (await oa.db.orm.select().from(outboxMessages)).length;
    const staleText = oaText(OFFICER, "/tiendo").replace(`"timestamp":"${NOW.getTime()}"`, `"timestamp":"${years.getTime()}"`);
    expect((await postOa(staleText)).status).toBe(200);
    expect((await oa.db.orm.select().from(outboxMessages)).length).toBe(before);
    // Within the window (Zalo's retries span hours), a late event is still processed.
    const late = oaText(OFFICER, "/tiendo").replace(`"timestamp":"${NOW.getTime()}"`, `"timestamp":"${NOW.getTime() - 12 * 3600_000}"`);
    expect((await postOa(late)).status).toBe(200);
    expect((await oa.db.orm.select().from(outboxMessages)).length).toBeGreaterThan(before);
  });

  it("acknowledges events it does not use", async () => {
    const body = `{"app_id":"${APP_ID}","event_name":"user_seen_message","timestamp":"${NOW.getTime()}","sender":{"id":"1"},"recipient":{"id":"2"},"message":{"msg_ids":["a"]}}`;
    expect((await postOa(body)).status).toBe(200);
  });
});
