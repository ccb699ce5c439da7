import { applyD1Migrations, createExecutionContext, createMessageBatch, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminUnits, cards, households, outboxMessages, people } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";
import { createD1National } from "../../src/entry/d1-national";
import { createProtector } from "../../src/core/privacy/protector";
import { enqueueSteps } from "../../src/core/outbox/enqueue";
import { planReminders } from "../../src/core/reminders/plan-reminders";
import { subscribeReminders } from "../../src/core/residents/reminder-consent";
import { localDate } from "../../src/core/time/local-date";
import { addDays } from "../../src/core/time/day-math";
import { hmacSha256Hex } from "../../src/channels/sms/webhook-crypto";
import worker from "../../src/entry/worker";
import type { Env } from "../../src/entry/worker-env";
import { DISPATCH_QUEUE_NAME, type DispatchJob } from "../../src/entry/queue-dispatch";

const base64 = (fill: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(fill)));
const TELEGRAM_ROOT = "https://telegram.test";
const SECRET = "shard-webhook-secret";
const p12 = createD1Db(env.DB_P12!);
const p38 = createD1Db(env.DB_P38!);
const p52 = createD1Db(env.DB_P52!);
const national = createD1National(env.NATIONAL_DB!);

/**
 * Three provinces (Lai Châu 12, Thanh Hóa 38 the default, Gia Lai 52), each its own D1
 * database, plus the national one; an SMS gateway (SMSGate) and a Zalo Bot for residents.
 */
const SMS_KEY = "shard-sms-signing-key";
const ZALO_BOT_SECRET = "shard-zalo-bot-secret";
const residentEnv: Env = {
  ...env,
  SHARDING: "province",
  DEFAULT_SHARD: "38",
  DATA_ENCRYPTION_KEY: base64(3),
  BLIND_INDEX_KEY: base64(4),
  DATA_KEY_ID: "shard",
  TELEGRAM_BOT_TOKEN: "123456:shard-test",
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: TELEGRAM_ROOT,
  QUIET_HOURS: "off",
  LOG_LEVEL: "error",
  DISPATCH_QUEUE: undefined,
  SMS_PROVIDER: "smsgate",
  SMS_API_BASE_URL: "https://sms.test",
  SMS_USERNAME: "u",
  SMS_PASSWORD: "p",
  SMS_WEBHOOK_SECRET: SMS_KEY,
  ZALO_BOT_TOKEN: "1:shard",
  ZALO_BOT_WEBHOOK_SECRET: ZALO_BOT_SECRET,
  ZALO_BOT_API_ROOT: "https://zalo-bot.test",
};
const TZ = "Asia/Ho_Chi_Minh";
const PHONE_52 = "84100000052";

const count = async (db: typeof p12, query: ReturnType<typeof sql>) => Number((await db.orm.all<{ n: number }>(query))[0]?.n ?? 0);
const provinceOf = async (key: number) =>
  (await national.orm.all<{ p: string }>(sql`select shard_key as p from national_identities where channel = 'telegram' and external_key = ${String(key)}`))[0]?.p;

async function through(request: Request, envOf: Env = residentEnv): Promise<Response> {
  const incoming = request as Parameters<typeof worker.fetch>[0];
  const ctx = createExecutionContext();
  const response = await worker.fetch(incoming, envOf, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

let updateId = 1;
/** One Telegram text message from `from`, now. */
function send(from: number, text: string): Promise<Response> {
  const update = { update_id: updateId++, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: from, type: "private" }, from: { id: from, is_bot: false, first_name: "Dân", language_code: "vi" }, text } };
  return through(new Request("https://bhyt.test/webhooks/telegram", { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) }));
}

beforeAll(async () => {
  for (const binding of [env.DB_P12!, env.DB_P38!, env.DB_P52!]) await applyD1Migrations(binding, env.TEST_MIGRATIONS);
  await applyD1Migrations(env.NATIONAL_DB!, env.TEST_NATIONAL_MIGRATIONS);
  // Bot API and Zalo Bot API calls answer as the platforms do; nothing else may be fetched.
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${TELEGRAM_ROOT}/bot`) && !request.url.startsWith("https://zalo-bot.test")) throw new Error(`unexpected fetch ${request.url}`);
    return Response.json({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "" } });
  });
});

afterAll(() => vi.unstubAllGlobals());

let smsId = 0;
/** One signed SMSGate webhook carrying an SMS from `from`, sent now. */
async function sms(text: string, from: string, envOf: Env = residentEnv): Promise<Response> {
  const now = new Date();
  const body = JSON.stringify({ deviceId: "d1", event: "sms:received", id: `shard-sms-${++smsId}`, webhookId: "w1", payload: { messageId: "m", message: text, phoneNumber: from, receivedAt: now.toISOString() } });
  const ts = String(Math.floor(now.getTime() / 1000));
  const signature = await hmacSha256Hex(SMS_KEY, body + ts);
  return through(new Request("https://bhyt.test/webhooks/sms/smsgate", { method: "POST", headers: { "content-type": "application/json", "x-signature": signature, "x-timestamp": ts }, body }), envOf);
}

async function zaloBot(text: string, from: string): Promise<Response> {
  const body = { ok: true, result: { event_name: "message.text.received", message: { message_id: `zb-${++smsId}`, from: { id: from, display_name: "Dân", is_bot: false }, chat: { id: from, chat_type: "PRIVATE" }, date: Date.now(), text } } };
  return through(new Request("https://bhyt.test/webhooks/zalo-bot", { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": ZALO_BOT_SECRET }, body: JSON.stringify(body) }));
}

const pendingReminders = (db: typeof p12) => count(db, sql`select count(*) as n from outbox_messages where purpose = 'expiry_reminder' and status = 'pending'`);
const identityShard = async (channel: string, key: string) =>
  (await national.orm.all<{ p: string }>(sql`select shard_key as p from national_identities where channel = ${channel} and external_key = ${key}`))[0]?.p;

describe("province shards on workerd: residents of a province that is not the default one", () => {
  const protectorOf = () => createProtector({ dataKey: new Uint8Array(32).fill(3), indexKey: new Uint8Array(32).fill(4), keyId: "shard" });
  const today = localDate(new Date(), TZ);
  let personId52 = 0;
  let householdId52 = 0;

  beforeAll(async () => {
    const protector = await protectorOf();
    // Gia Lai: one village, one household with a roster phone and a card ending in 7 days.
    const [province] = await p52.orm.insert(adminUnits).values({ code: "52", name: "Gia Lai", level: "province", searchKey: "gia lai", provinceCode: "52" }).returning();
    const [commune] = await p52.orm.insert(adminUnits).values({ code: "52-01-01", name: "Xã Mẫu", kind: "xã", level: "commune", parentId: province!.id, searchKey: "xa mau", provinceCode: "52" }).returning();
    const [village] = await p52.orm.insert(adminUnits).values({ code: "52-01-01-01", name: "Làng Mẫu", kind: "làng", level: "village", parentId: commune!.id, searchKey: "lang mau", provinceCode: "52" }).returning();
    const [household] = await p52.orm.insert(households).values({ unitId: village!.id, code: "GL-1" }).returning();
    const [person] = await p52.orm
      .insert(people)
      .values({ unitId: village!.id, householdId: household!.id, fullNameEnc: await protector.seal("Rơ Châm Mẫu"), phoneEnc: await protector.seal(PHONE_52), phoneIdx: await protector.blindIndex("phone", PHONE_52) })
      .returning();
    personId52 = person!.id;
    householdId52 = household!.id;
    await p52.orm.insert(cards).values({ personId: person!.id, groupCode: "GD", cardCodeEnc: await protector.seal("GD4520123456789"), cardCodeIdx: await protector.blindIndex("card", "GD4520123456789"), validTo: addDays(today, 7) });
    await planReminders({ db: p52, timezone: TZ, defaultLocale: "vi", smsEnabled: true }, { today, now: new Date() });
    expect(await pendingReminders(p52)).toBe(1);
  });

  it("records an SMS HUY from a Gia Lai roster phone in Gia Lai: nothing left pending or planned there", async () => {
    expect((await sms("HUY", PHONE_52)).status).toBe(200);
    expect(await pendingReminders(p52)).toBe(0);
    expect(await count(p52, sql`select count(*) as n from contacts where opted_out_at is not null`)).toBe(1);
    // Not recorded in the default province (38), which holds nothing of this household.
    const phoneIdx = await (await protectorOf()).blindIndex("phone", PHONE_52);
    expect(await count(p38, sql`select count(*) as n from channel_identities where external_key = ${phoneIdx}`)).toBe(0);
    expect(await identityShard("sms", phoneIdx)).toBe("52");
    await planReminders({ db: p52, timezone: TZ, defaultLocale: "vi", smsEnabled: true }, { today: addDays(today, 6), now: new Date() });
    expect(await pendingReminders(p52)).toBe(0);
  });

  it("takes a card code of Gia Lai straight to Gia Lai, and its Zalo Bot opt-out too", async () => {
    // Telegram: a stranger types the card code; the date-of-birth question is asked from Gia Lai.
    expect((await send(5201, "GD4520123456789")).status).toBe(200);
    expect(await count(p52, sql`select count(*) as n from conversation_states where external_key = '5201'`)).toBe(1);
    expect(await count(p38, sql`select count(*) as n from conversation_states where external_key = '5201'`)).toBe(0);
    expect(await provinceOf(5201)).toBe("52");
    // Zalo Bot: a resident subscribed in Gia Lai writes "hủy nhắc".
    const protector = await protectorOf();
    await subscribeReminders(p52, protector, { channel: "zalo_bot", externalKey: "zb-52", personId: personId52, householdId: householdId52, locale: "vi", wording: "đồng ý", now: new Date() });
    expect((await zaloBot("hủy nhắc", "zb-52")).status).toBe(200);
    expect(await count(p52, sql`select count(*) as n from consents where channel = 'zalo_bot' and withdrawn_at is null`)).toBe(0);
    expect(await identityShard("zalo_bot", "zb-52")).toBe("52");
  });

  it("kicks the dispatch queue once after a webhook, naming the province that answered", async () => {
    const sent: DispatchJob[] = [];
    const queue = { send: async (body: DispatchJob) => void sent.push(body), sendBatch: async () => undefined } as unknown as Queue<DispatchJob>;
    expect((await sms("xin chào", PHONE_52, { ...residentEnv, DISPATCH_QUEUE: queue })).status).toBe(200);
    expect(sent.map((k) => [k.reason, k.shard])).toEqual([["webhook", "52"]]);
  });

  it("wakes the two of three shards that have work for one broadcast kick", async () => {
    const sent: DispatchJob[] = [];
    const queue = { send: async (body: DispatchJob) => void sent.push(body), sendBatch: async (messages: Iterable<MessageSendRequest<DispatchJob>>) => void sent.push(...[...messages].map((m) => m.body)) } as unknown as Queue<DispatchJob>;
    for (const db of [p12, p38, p52]) await db.orm.update(outboxMessages).set({ status: "cancelled" }).where(inArray(outboxMessages.status, ["pending", "sending"]));
    for (const [db, key] of [[p12, "12"], [p52, "52"]] as const) await db.atomic(enqueueSteps([{ idempotencyKey: `wake-${key}`, channel: "telegram", purpose: "officer-reply", templateKey: "x", payload: { chatId: "1201", text: "Thử" } }], new Date()));
    const batch = createMessageBatch<DispatchJob>(DISPATCH_QUEUE_NAME, [{ id: "w", timestamp: new Date(), attempts: 1, body: { kind: "dispatch", reason: "webhook", at: new Date().toISOString() } }]);
    await worker.queue(batch, { ...residentEnv, DISPATCH_QUEUE: queue });
    expect(sent.map((k) => k.shard).sort()).toEqual(["12", "52"]);
  });
});

