import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { channelIdentities, deliveryAttempts, outboxMessages } from "../../../src/db/schema";
import { silentLogger } from "../../../src/logger";
import { parseConfig } from "../../../src/config";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { createDispatcher } from "../../../src/core/outbox/dispatcher";
import { parseRouteOrder, type RouteChannel } from "../../../src/core/outbox/routes";
import { createZaloOaGate } from "../../../src/core/outbox/zalo-oa-gate";
import type { ChannelSender, OutboundMessage, OutboxDraft } from "../../../src/core/outbox/types";
import { applyZnsDelivery, recordZnsTracking } from "../../../src/core/zns/zns-tracking";
import { createZaloOaClient } from "../../../src/channels/zalo/oa-client";
import { createZaloOaSender, znsTrackingId } from "../../../src/channels/zalo/oa-sender";
import { createZaloTokenStore } from "../../../src/channels/zalo/token-store";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { startFakeZalo } from "../../helpers/fake-zalo";
import { addContact } from "./outbox-fixture";

let fake: Awaited<ReturnType<typeof startFakeZalo>>;
/** Per-test scripted Zalo answers: `cs` for CS messages, `zns` for templates. */
let answers: { cs?: number; zns?: number } = {};
let db: SqliteDb;
let protector: Protector;
let now: Date;
let sms: OutboundMessage[];

beforeAll(async () => {
  fake = await startFakeZalo({
    validTokens: new Set(["gate-token"]),
    sendAnswer: (r) => {
      const code = r.path === "/message/template" ? answers.zns : answers.cs;
      return code ? { body: { error: code, message: "scripted" } } : undefined;
    },
  });
});
afterAll(() => fake.close());
beforeEach(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  now = new Date("2026-03-10T03:00:00Z"); // 10:00 in Hà Nội
  answers = {};
  sms = [];
  fake.requests.length = 0;
});

const config = () => parseConfig({ ZALO_APP_ID: "1", ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: "oa-secret", ZALO_OA_ACCESS_TOKEN: "gate-token", ZALO_API_ROOT: fake.baseUrl, ZALO_BUSINESS_API_ROOT: fake.baseUrl }).zaloOa!;

function dispatcher(options: { configured?: RouteChannel[]; quota?: number; concurrency?: number } = {}) {
  const oa = config();
  const tokens = createZaloTokenStore({ config: oa, db, protector, logger: silentLogger });
  const zalo = createZaloOaSender(createZaloOaClient({ config: oa, tokens, now: () => now }), { trackZns: (id, key) => recordZnsTracking(db, id, key, now) });
  const smsSender: ChannelSender = { channel: "sms", limits: { perSecond: 100 }, send: async (m) => (sms.push(m), { ok: true, providerMessageId: `sms-${sms.length}` }) };
  const reach = { order: parseRouteOrder("telegram,zalo_oa,zalo_bot,zalo_zns,sms"), configured: new Set<RouteChannel>(options.configured ?? ["zalo_oa", "zalo_zns", "sms"]) };
  return createDispatcher({
    db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh", logger: silentLogger,
    senders: [zalo, smsSender], now: () => now, sleep: async () => undefined, concurrency: options.concurrency,
    gate: createZaloOaGate({ db, reach, timezone: "Asia/Ho_Chi_Minh", proactiveDailyQuota: options.quota ?? 0 }),
  });
}

/** A resident on the OA who last wrote `hoursAgo` hours ago, with a reminder whose fallback is the roster phone. */
async function oaReminder(key: string, hoursAgo: number | null, over: { zns?: boolean; fallback?: boolean; purpose?: string } = {}): Promise<number> {
  const { contactId, identityId } = await addContact(db, protector, { channel: "zalo_oa", address: `86${key.length}000000000000000${key.charCodeAt(key.length - 1)}` });
  if (hoursAgo !== null) await db.orm.update(channelIdentities).set({ lastInboundAt: new Date(now.getTime() - hoursAgo * 3_600_000) }).where(eq(channelIdentities.id, identityId));
  const fallback = over.fallback === false ? undefined : { toEnc: await protector.seal("0912345678"), phoneIdx: await protector.blindIndex("phone", "84912345678"), ...(over.zns === false ? {} : { zns: { id: "100001", data: { customer_name: "N*** Mẫu" } } }) };
  const d: OutboxDraft = { idempotencyKey: key, channel: "zalo_oa", purpose: over.purpose ?? "expiry_reminder", templateKey: "reminder-expiring", payload: { vars: { names: "N*** Mẫu", date: "17/03/2026", days: 7, count: 1 }, ...(fallback ? { fallback } : {}) }, contactId, identityId, notBefore: now };
  return (await enqueue(db, [d], now)).inserted[0]!;
}
const row = async (id: number) => (await db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;
const paths = () => fake.requests.map((r) => r.path);

describe("Zalo OA rules in the outbox", () => {
  it("sends CS text inside the 48-hour window", async () => {
    const id = await oaReminder("in-window", 47);
    await dispatcher().dispatchOnce();
    expect(paths()).toEqual(["/v3.0/oa/message/cs"]);
    expect(await row(id)).toMatchObject({ status: "sent", channel: "zalo_oa" });
  });

  it("outside the window, re-routes the same row to a ZNS template at the roster phone instead of sending to fail", async () => {
    const id = await oaReminder("reminder:h1:7:2026-03-10", 49);
    await dispatcher().dispatchOnce();
    expect(paths()).toEqual(["/message/template"]);
    const body = JSON.parse(fake.requests[0]!.body);
    expect(body).toMatchObject({ phone: "84912345678", template_id: "100001", tracking_id: await znsTrackingId("reminder:h1:7:2026-03-10") });
    const after = await row(id);
    expect(after).toMatchObject({ status: "sent", channel: "zalo_oa", identityId: null, idempotencyKey: "reminder:h1:7:2026-03-10", attempts: 1 });
    expect(after.payload.rerouted).toEqual(["zalo_oa:window_closed"]);
    // The delivery event matches on tracking_id.
    expect(await applyZnsDelivery(db, { trackingId: body.tracking_id, at: now })).toBe(true);
    expect(await row(id)).toMatchObject({ status: "delivered", deliveredAt: now });
    expect(await db.orm.select().from(outboxMessages)).toHaveLength(1);
  });

  it("falls back to SMS when no template serves the message (or ZNS is not configured)", async () => {
    const a = await oaReminder("no-template", null, { zns: false });
    const b = await oaReminder("zns-off", 100);
    const d = dispatcher({ configured: ["zalo_oa", "sms"] });
    await d.dispatchOnce();
    // Re-routed rows are pending on the SMS channel: the next run (the loop's next tick) sends them.
    await d.dispatchOnce();
    expect(fake.requests).toHaveLength(0);
    expect(sms.map((m) => m.idempotencyKey).sort()).toEqual(["no-template", "zns-off"]);
    expect(sms[0]!.to).toBe("0912345678");
    for (const id of [a, b]) expect(await row(id)).toMatchObject({ status: "sent", channel: "sms" });
  });

  it("on -230/-232 from Zalo re-routes the same message once, with no duplicate", async () => {
    answers.cs = -232;
    const id = await oaReminder("expired-interaction", 1, { zns: false });
    const d = dispatcher();
    await d.dispatchOnce();
    await d.dispatchOnce();
    expect(paths()).toEqual(["/v3.0/oa/message/cs"]);
    expect(sms.map((m) => m.idempotencyKey)).toEqual(["expired-interaction"]);
    expect(await row(id)).toMatchObject({ status: "sent", channel: "sms", attempts: 1 });
    expect((await db.orm.select().from(deliveryAttempts)).map((a) => a.errorCode)).toEqual(["window_closed", null]);
  });

  it("with nowhere to fall back, spends the proactive daily quota, then fails with a clear reason", async () => {
    const first = await oaReminder("proactive-1", null, { fallback: false });
    const second = await oaReminder("proactive-2", 72, { fallback: false });
    await dispatcher({ quota: 1 }).dispatchOnce();
    expect(paths()).toEqual(["/v3.0/oa/message/cs"]);
    const rows = [await row(first), await row(second)];
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "sent"]);
    expect(rows.find((r) => r.status === "failed")!.lastErrorCode).toBe("window_closed");
  });

  it("holds ZNS messages until the next day when the daily quota is spent (-144), calling Zalo once", async () => {
    answers.zns = -144;
    const a = await oaReminder("quota-1", null);
    const b = await oaReminder("quota-2", null);
    // One message in flight at a time: once Zalo says the quota is spent, the rest wait without a call.
    const report = await dispatcher({ concurrency: 1 }).dispatchOnce();
    expect(paths()).toEqual(["/message/template"]);
    expect(report.failed).toBe(0);
    for (const id of [a, b]) {
      // 10:00 today → 08:00 tomorrow in Hà Nội; not failed, no attempt used up.
      expect(await row(id)).toMatchObject({ status: "pending", lastErrorCode: "quota_exceeded", notBefore: new Date("2026-03-11T01:00:00Z"), attempts: 0 });
    }
  });

  it("keeps ZNS out of 22:00–06:00 and promotional OA content out of 22:00–08:00", async () => {
    now = new Date("2026-03-10T16:30:00Z"); // 23:30
    const zns = await oaReminder("night-zns", null);
    now = new Date("2026-03-10T00:30:00Z"); // 07:30
    // A template registered as promotional waits for 08:00 too, whatever the purpose.
    const promoZns = await oaReminder("early-promo-zns", null);
    const [promoRow] = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.id, promoZns));
    const fb = (promoRow!.payload as { fallback: { zns: object } }).fallback;
    await db.orm.update(outboxMessages).set({ payload: { ...promoRow!.payload, fallback: { ...fb, zns: { ...fb.zns, promotional: true } } } }).where(eq(outboxMessages.id, promoZns));
    const promo = await oaReminder("early-campaign", 1, { purpose: "campaign" });
    const care = await oaReminder("early-care", 1);
    await dispatcher().dispatchOnce();
    expect(paths()).toEqual(["/v3.0/oa/message/cs"]); // only the care message, inside the window
    expect(await row(promo)).toMatchObject({ status: "pending", lastErrorCode: "night_ban", notBefore: new Date("2026-03-10T01:00:00Z") });
    expect(await row(care)).toMatchObject({ status: "sent" });
    // Re-routed to ZNS (never wrote to the OA), then held by the promotional hours.
    expect(await row(promoZns)).toMatchObject({ status: "pending", identityId: null, lastErrorCode: "night_ban", notBefore: new Date("2026-03-10T01:00:00Z") });
    now = new Date("2026-03-10T16:30:00Z");
    fake.requests.length = 0;
    await dispatcher().dispatchOnce();
    expect(await row(zns)).toMatchObject({ status: "pending", channel: "zalo_oa", lastErrorCode: "night_ban", notBefore: new Date("2026-03-10T23:00:00Z") });
    expect(fake.requests).toHaveLength(0);
  });
});
