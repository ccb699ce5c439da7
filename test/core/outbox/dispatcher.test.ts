import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { channelIdentities, deliveryAttempts, outboxMessages } from "../../../src/db/schema";
import { silentLogger } from "../../../src/logger";
import { enqueue } from "../../../src/core/outbox/enqueue";
import { createDispatcher, type DispatcherDeps } from "../../../src/core/outbox/dispatcher";
import { CHANNEL_FLOOD_RECIPIENTS, WINDOW_GUARD_MS, createPacingPool } from "../../../src/core/outbox/channel-pacing";
import { parseQuietHours } from "../../../src/core/outbox/quiet-hours";
import type { ChannelSender } from "../../../src/core/outbox/types";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";
import { createVirtualClock, type VirtualClock } from "../../helpers/virtual-clock";
import { addContact, draft, fakeSender, perSecond } from "./outbox-fixture";

// 10:00 in Hà Nội.
const START = "2025-11-15T03:00:00.000Z";
let db: SqliteDb;
let protector: Protector;
let clock: VirtualClock;

beforeEach(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  clock = createVirtualClock(START);
});

function dispatcher(senders: ChannelSender[], over: Partial<DispatcherDeps> = {}) {
  return createDispatcher({
    db,
    protector,
    t: createTestTranslator(),
    defaultLocale: "vi",
    timezone: "Asia/Ho_Chi_Minh",
    quietHours: parseQuietHours("21:00-07:00"),
    logger: silentLogger,
    senders,
    now: clock.now,
    sleep: clock.sleep,
    ...over,
  });
}
const rows = () => db.orm.select().from(outboxMessages).orderBy(outboxMessages.id);
const row = async (key: string) => (await db.orm.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key)))[0]!;

describe("dispatchOnce", () => {
  it("opens the sealed number, renders the template in the contact's language and records the attempt", async () => {
    const vi = await addContact(db, protector, { channel: "sms", address: "84912345678" });
    const en = await addContact(db, protector, { channel: "sms", address: "84987654321", locale: "en" });
    await enqueue(db, [
      draft("vi", { ...vi, templateKey: "cli-outbox-total", payload: { vars: { counts: "3" } } }),
      draft("en", { ...en, templateKey: "cli-outbox-total", payload: { vars: { counts: "3" } } }),
    ], clock.now());
    const sms = fakeSender("sms", { perSecond: 10 }, clock);
    const report = await clock.run(dispatcher([sms.sender]).dispatchOnce());
    expect(report).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    expect(sms.calls.map((c) => [c.to, c.text]).sort()).toEqual([["84912345678", "Mọi kênh: 3"], ["84987654321", "All channels: 3"]]);
    expect(await row("vi")).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null });
    expect((await row("vi")).providerMessageId).toMatch(/^p-/);
    const attempts = await db.orm.select().from(deliveryAttempts);
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => a.outcome === "sent" && a.finishedAt !== null)).toBe(true);
  });

  it("paces SMS at SMS_RATE_PER_SECOND, evenly spaced, with several workers", async () => {
    await enqueue(db, Array.from({ length: 12 }, (_, i) => draft(`s${i}`, { payload: { text: "x", toEnc: "" } })), clock.now());
    // Recipient from payload.toEnc needs a sealed value; seal once for all.
    const sealed = await protector.seal("84912345678");
    await db.orm.update(outboxMessages).set({ payload: { text: "x", toEnc: sealed } });
    // Distinct texts: twelve identical ones to one number would trip the loop guard (at most five).
    db.sqlite.exec("update outbox_messages set payload = json_set(payload, '$.text', 'x' || id)");
    const sms = fakeSender("sms", { perSecond: 2 }, clock);
    const report = await clock.run(dispatcher([sms.sender], { concurrency: 4 }).dispatchOnce());
    expect(report.sent).toBe(12);
    expect(Math.max(...perSecond(sms.calls))).toBe(2);
    const gaps = sms.calls.slice(1).map((c, i) => c.at - sms.calls[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
    // Evenly spaced, with the window guard: 2 sends per 1000 + WINDOW_GUARD_MS ms.
    expect(sms.calls.at(-1)!.at - sms.calls[0]!.at).toBe(Math.ceil((11 * (1000 + WINDOW_GUARD_MS)) / 2));
  });

  it("keeps Telegram under 30 messages per second overall and one per second per chat", async () => {
    const chats = Array.from({ length: 45 }, (_, i) => String(1000 + i));
    await enqueue(db, chats.flatMap((chat) => [0, 1].map((n) => draft(`${chat}-${n}`, { channel: "telegram", payload: { text: `#${n}`, chatId: chat } }))), clock.now());
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock);
    const report = await clock.run(dispatcher([tg.sender], { concurrency: 8 }).dispatchOnce());
    expect(report.sent).toBe(90);
    expect(Math.max(...perSecond(tg.calls))).toBeLessThanOrEqual(30);
    for (const chat of chats) {
      const [a, b] = tg.calls.filter((c) => c.to === chat);
      expect(Math.abs(b!.at - a!.at)).toBeGreaterThanOrEqual(1000);
    }
  });

  it("keeps two shards' dispatchers together under Telegram's 30 per second when they share the process's pacing", async () => {
    // SHARDING=province runs one dispatcher per province database, but Telegram limits the bot.
    const other = createTestDb();
    const chats = Array.from({ length: 45 }, (_, i) => String(2000 + i));
    for (const [shardDb, prefix] of [[db, "a"], [other, "b"]] as const) {
      await enqueue(shardDb, chats.map((chat) => draft(`${prefix}-${chat}`, { channel: "telegram", payload: { text: `${prefix}${chat}`, chatId: `${prefix}${chat}` } })), clock.now());
    }
    const pacing = createPacingPool(clock.nowMs);
    const a = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock);
    const b = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock);
    const shardA = dispatcher([a.sender], { concurrency: 8, pacing });
    const shardB = dispatcher([b.sender], { concurrency: 8, pacing, db: other });
    const [ra, rb] = await clock.run(Promise.all([shardA.dispatchOnce(), shardB.dispatchOnce()]));
    expect(ra.sent + rb.sent).toBe(90);
    expect(Math.max(...perSecond([...a.calls, ...b.calls]))).toBeLessThanOrEqual(30);
  });

  it("sends an officer reply enqueued during a campaign backlog ahead of the residents already claimed", async () => {
    const residents = Array.from({ length: 90 }, (_, i) => draft(`r${i}`, { channel: "telegram", payload: { text: `r${i}`, chatId: `r${i}` } }));
    await enqueue(db, residents, clock.now());
    const officer = draft("reply", { channel: "telegram", purpose: "officer-reply", payload: { text: "reply", chatId: "officer" } });
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock, (_m, n) => {
      // better-sqlite3 runs the insert synchronously: the reply is in the outbox before the next claim.
      if (n === 5) void enqueue(db, [officer], clock.now());
      return { ok: true, providerMessageId: `m${n}` };
    });
    expect(await clock.run(dispatcher([tg.sender]).dispatchOnce())).toMatchObject({ sent: 91 });
    const at = tg.calls.findIndex((c) => c.idempotencyKey === "reply");
    // Claimed with the next batch (once half the first one is sent), then first in line.
    expect(at).toBeGreaterThan(5);
    expect(at).toBeLessThanOrEqual(35);
  });

  it("holds residents during quiet hours (officers still get theirs) and sends them in the morning", async () => {
    clock.set("2025-11-15T15:30:00.000Z"); // 22:30 local
    const resident = await addContact(db, protector, { channel: "sms", address: "84912345678" });
    await enqueue(db, [
      draft("resident", { ...resident }),
      draft("officer", { ...resident, purpose: "officer-daily-summary" }),
      draft("resident-expiring", { ...resident, expiresAt: new Date("2025-11-15T23:00:00.000Z") }), // 06:00 local
    ], clock.now());
    const sms = fakeSender("sms", { perSecond: 5 }, clock);
    const d = dispatcher([sms.sender]);
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ sent: 1 });
    expect(sms.calls.map((c) => c.idempotencyKey)).toEqual(["officer"]);
    expect((await row("resident")).status).toBe("pending");

    clock.set("2025-11-15T23:59:59.000Z"); // 06:59:59 local: still quiet, and past the second one's expiry
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ sent: 0, dropped: 1 });
    expect(sms.calls).toHaveLength(1);

    clock.set("2025-11-16T00:00:00.000Z"); // 07:00 local
    const morning = await clock.run(d.dispatchOnce());
    expect(morning).toMatchObject({ sent: 1, dropped: 0 });
    expect(sms.calls.map((c) => c.idempotencyKey)).toEqual(["officer", "resident"]);
    expect(await row("resident-expiring")).toMatchObject({ status: "dropped", lastErrorCode: "expired" });
  });

  it("drops what expired during an outage instead of sending it late", async () => {
    const c = await addContact(db, protector, { channel: "sms", address: "84912345678" });
    await enqueue(db, [
      draft("short", { ...c, expiresAt: new Date("2025-11-15T06:00:00.000Z") }),
      draft("long", { ...c, expiresAt: new Date("2025-11-20T00:00:00.000Z") }),
    ], clock.now());
    clock.set("2025-11-17T03:00:00.000Z"); // two days later
    const sms = fakeSender("sms", { perSecond: 5 }, clock);
    expect(await clock.run(dispatcher([sms.sender]).dispatchOnce())).toMatchObject({ sent: 1, dropped: 1 });
    expect(sms.calls.map((x) => x.idempotencyKey)).toEqual(["long"]);
    expect((await row("short")).status).toBe("dropped");
  });

  it("honours retry_after for the chat that got it: that chat waits, the others go on", async () => {
    await enqueue(db, ["a", "b"].map((k) => draft(k, { channel: "telegram", payload: { text: k, chatId: `chat-${k}` } })), clock.now());
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock, (_m, n) =>
      n === 0 ? { ok: false, retryable: true, code: "rate_limited", httpStatus: 429, retryAfterSeconds: 7 } : { ok: true, providerMessageId: `m${n}` },
    );
    const d = dispatcher([tg.sender], { concurrency: 1 });
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ retried: 1, sent: 1 });
    expect(await row("a")).toMatchObject({ status: "pending", notBefore: new Date(Date.parse(START) + 7000), lastErrorCode: "rate_limited" });
    const [attempt] = await db.orm.select().from(deliveryAttempts);
    expect(attempt).toMatchObject({ outcome: "retry", httpStatus: 429, retryAfterSeconds: 7 });

    clock.set(new Date(Date.parse(START) + 7000).toISOString());
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ sent: 1 });
    expect(tg.calls.map((c) => [c.idempotencyKey, c.at - Date.parse(START)])).toEqual([["a", 0], ["b", 34], ["a", 7000]]);
  });

  it("pauses the whole channel when several chats get a 429 at once (the overall limit)", async () => {
    const keys = ["a", "b", "c", "d"];
    await enqueue(db, keys.map((k) => draft(k, { channel: "telegram", payload: { text: k, chatId: `chat-${k}` } })), clock.now());
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock, (_m, n) =>
      n < CHANNEL_FLOOD_RECIPIENTS ? { ok: false, retryable: true, code: "rate_limited", httpStatus: 429, retryAfterSeconds: 7 } : { ok: true, providerMessageId: `m${n}` },
    );
    const d = dispatcher([tg.sender], { concurrency: 1 });
    expect(CHANNEL_FLOOD_RECIPIENTS).toBe(3);
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ retried: 3, deferred: 1, sent: 0 });
    // "d" never reached the platform: it went back to the outbox until the channel's pause ends.
    expect(tg.calls.map((c) => c.idempotencyKey)).toEqual(["a", "b", "c"]);
    expect(await row("d")).toMatchObject({ status: "pending", notBefore: new Date(Date.parse(START) + 68 + 7000), attempts: 0 });
  });

  it("backs off exponentially on 5xx and gives up after the last attempt", async () => {
    await enqueue(db, [draft("flaky", { payload: { text: "x", chatId: "1" }, channel: "telegram" })], clock.now());
    const tg = fakeSender("telegram", { perSecond: 30 }, clock, () => ({ ok: false, retryable: true, code: "http_500", httpStatus: 500 }));
    const d = dispatcher([tg.sender], { retry: { baseMs: 30_000, maxMs: 600_000, maxAttempts: 3 } });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = clock.nowMs();
      await clock.run(d.dispatchOnce());
      const r = await row("flaky");
      if (r.status === "pending") {
        delays.push(r.notBefore.getTime() - before);
        clock.set(r.notBefore.toISOString());
      }
    }
    expect(delays).toEqual([30_000, 60_000]);
    expect(await row("flaky")).toMatchObject({ status: "failed", attempts: 3, lastErrorCode: "http_500" });
    expect(tg.calls).toHaveLength(3);
  });

  it("drops a message whose next retry would come after it expires", async () => {
    await enqueue(db, [draft("soon", { channel: "telegram", payload: { text: "x", chatId: "1" }, expiresAt: new Date(Date.parse(START) + 20_000) })], clock.now());
    const tg = fakeSender("telegram", { perSecond: 30 }, clock, () => ({ ok: false, retryable: true, code: "network" }));
    expect(await clock.run(dispatcher([tg.sender]).dispatchOnce())).toMatchObject({ dropped: 1 });
    expect(await row("soon")).toMatchObject({ status: "dropped", lastErrorCode: "network" });
  });

  it("marks the identity blocked on 403 and cancels what is still queued for it", async () => {
    const blocked = await addContact(db, protector, { channel: "telegram", address: "555" });
    await enqueue(db, [draft("first", { ...blocked, channel: "telegram" }), draft("second", { ...blocked, channel: "telegram", notBefore: new Date(Date.parse(START) + 60_000) })], clock.now());
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock, () => ({ ok: false, retryable: false, code: "blocked", httpStatus: 403, blocked: true }));
    const d = dispatcher([tg.sender]);
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ failed: 1 });
    const [identity] = await db.orm.select().from(channelIdentities).where(eq(channelIdentities.id, blocked.identityId));
    expect(identity!.blockedAt).toEqual(clock.now());
    clock.advance(60_000);
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ cancelled: 1 });
    expect(await row("second")).toMatchObject({ status: "cancelled", lastErrorCode: "blocked" });
    expect(tg.calls).toHaveLength(1);
  });

  it("cancels reminders to residents who opted out, but not officer replies", async () => {
    const out = await addContact(db, protector, { channel: "sms", address: "84912345678", optedOut: new Date(START) });
    await enqueue(db, [draft("reminder", { ...out }), draft("reply", { ...out, purpose: "officer-reply" })], clock.now());
    const sms = fakeSender("sms", { perSecond: 5 }, clock);
    expect(await clock.run(dispatcher([sms.sender]).dispatchOnce())).toMatchObject({ sent: 1, cancelled: 1 });
    expect(sms.calls.map((c) => c.idempotencyKey)).toEqual(["reply"]);
  });

  it("stops claiming at maxMessages and leaves channels without a sender alone", async () => {
    await enqueue(db, [...["a", "b", "c"].map((k) => draft(k, { channel: "telegram", payload: { text: k, chatId: k } })), draft("z", { channel: "zalo_oa" })], clock.now());
    const tg = fakeSender("telegram", { perSecond: 30 }, clock);
    expect(await clock.run(dispatcher([tg.sender], { concurrency: 1 }).dispatchOnce({ maxMessages: 2 }))).toMatchObject({ claimed: 2, sent: 2 });
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "pending", "pending"]);
  });
});

describe("sendNow (a webhook's replies)", () => {
  it("sends a reply at once while the channel has a slot; with the next slot taken it leaves the reply pending, unclaimed, for the loop", async () => {
    await enqueue(db, ["now", "burst"].map((key, i) => draft(key, { channel: "telegram", purpose: "officer-reply", payload: { text: key, chatId: String(500 + i) } })), clock.now());
    const tg = fakeSender("telegram", { perSecond: 30, perRecipientPerSecond: 1 }, clock);
    const pacing = createPacingPool(clock.nowMs);
    const d = dispatcher([tg.sender], { pacing });
    expect(await clock.run(d.sendNow(["now"], "telegram"))).toEqual(["sent"]);
    // A burst: other updates' replies took the next slots, the first free one is 67 ms away.
    const global = pacing.of(tg.sender).global;
    global.reserve();
    global.reserve();
    const before = await row("burst");
    expect(await clock.run(d.sendNow(["burst"], "telegram"))).toEqual(["deferred"]);
    expect(await row("burst"), "no claim, no release written").toEqual(before);
    expect(await db.orm.select().from(deliveryAttempts)).toHaveLength(1);
    expect(await clock.run(d.dispatchOnce())).toMatchObject({ sent: 1 });
    expect(tg.calls.map((c) => c.text)).toEqual(["now", "burst"]);
  });
});
