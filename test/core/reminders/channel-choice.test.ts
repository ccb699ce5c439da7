import { beforeEach, describe, expect, it } from "vitest";
import { planReminders } from "../../../src/core/reminders/plan-reminders";
import { subscribeReminders } from "../../../src/core/residents/reminder-consent";
import { parseRouteOrder, reachOf, type Reach, type RouteChannel } from "../../../src/core/outbox/routes";
import { resolveMessage } from "../../../src/core/outbox/resolve-message";
import { parseConfig } from "../../../src/config";
import type { Protector } from "../../../src/core/privacy/protector";
import { outboxMessages, zaloTemplates } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import { createTestTranslator } from "../../helpers/test-db";

const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T01:00:00Z");
let db: SqliteDb;
let protector: Protector;
let card: Awaited<ReturnType<typeof createRosterFixture>>["card"];

beforeEach(async () => {
  ({ db, protector, card } = await freshRoster(TODAY));
});

const reach = (configured: RouteChannel[], order = "telegram,zalo_oa,zalo_bot,zalo_zns,sms"): Reach => ({ order: parseRouteOrder(order), configured: new Set(configured) });
const plan = (r: Reach) => planReminders({ db, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi", smsEnabled: r.configured.has("sms"), reach: r }, { today: TODAY, now: NOW });
const subscribe = (channel: "telegram" | "zalo_oa" | "zalo_bot", key: string, who: { personId: number; householdId: number | null }, at: Date) =>
  subscribeReminders(db, protector, { channel, externalKey: key, personId: who.personId, householdId: who.householdId, locale: "vi", wording: "Tôi đồng ý", now: at });

describe("reminder channel choice (REMINDER_CHANNEL_ORDER)", () => {
  it("sends a resident who never wrote to the OA a ZNS template at the roster phone, when ZNS is configured", async () => {
    await card("GD", 7, { phone: "0912345678" });
    expect(await plan(reach(["zalo_oa", "zalo_zns", "sms"]))).toMatchObject({ byOffset: { "7": 1 }, undeliverable: 0 });
    const [row] = await db.orm.select().from(outboxMessages);
    // The demo template row (migration 0006) serves reminder-expiring with names, date, days.
    expect(row).toMatchObject({ channel: "zalo_oa", identityId: null, templateKey: "reminder-expiring" });
    // The outbox row holds no name: the template's name parameter is filled when it is sent.
    expect(row!.payload.zns).toEqual({ id: "100001", data: { expiry_date: "17/03/2026", days_left: "7" }, late: [{ name: "customer_name", variable: "names", maxLength: expect.any(Number) }] });
    expect(JSON.stringify(row!.payload)).not.toContain("Số1");
    const resolved = await resolveMessage({ db, protector, t: createTestTranslator(), defaultLocale: "vi" }, row as never);
    expect(resolved).toMatchObject({ ok: true, message: { to: "0912345678", template: { id: "100001", data: { customer_name: "N*** M*** Số1", expiry_date: "17/03/2026", days_left: "7" } } } });
    expect((resolved as { message: { template: object } }).message.template).not.toHaveProperty("late");
  });

  it("falls to SMS when no current template serves the message, and counts undeliverable without a phone route", async () => {
    await card("GD", -3, { phone: "0912345678" }); // reminder-expired: the demo template does not serve it
    await card("GD", 7, { household: "H9", phone: "0912345679" });
    await db.orm.update(zaloTemplates).set({ effectiveTo: "2026-03-01" });
    expect(await plan(reach(["zalo_zns", "sms"]))).toMatchObject({ undeliverable: 0 });
    expect((await db.orm.select().from(outboxMessages)).map((r) => r.channel)).toEqual(["sms", "sms"]);
    await card("GD", 1, { phone: "0912345670" });
    expect(await plan(reach(["zalo_zns"]))).toMatchObject({ byOffset: { "1": 1 }, undeliverable: 1 });
  });

  it("uses the chat channel subscribed on first, skips channels not configured or left out of the order", async () => {
    const a = await card("GD", 7, { household: "H1", phone: "0912345601" });
    await subscribe("zalo_bot", "zb-1", a, new Date("2026-01-01T00:00:00Z"));
    await subscribe("telegram", "tg-1", a, new Date("2026-02-01T00:00:00Z"));
    const b = await card("GD", 7, { household: "H2", phone: "0912345602" });
    await subscribe("telegram", "tg-2", b, NOW); // telegram is not configured here: SMS instead
    await plan(reach(["zalo_bot", "sms"]));
    const rows = await db.orm.select().from(outboxMessages);
    expect(rows.map((r) => r.channel).sort()).toEqual(["sms", "zalo_bot"]);
    // The chat row carries the roster phone to fall back on.
    expect(rows.find((r) => r.channel === "zalo_bot")!.payload.fallback).toMatchObject({ toEnc: expect.any(String), phoneIdx: expect.any(String) });
  });

  it("an order without chat channels sends by phone even to subscribers; an empty reach makes it undeliverable", async () => {
    const a = await card("GD", 7, { phone: "0912345601" });
    await subscribe("telegram", "tg-1", a, NOW);
    await plan(reach(["telegram", "sms"], "sms"));
    expect((await db.orm.select().from(outboxMessages)).map((r) => r.channel)).toEqual(["sms"]);
    await card("GD", 1, { phone: "0912345602" });
    expect(await plan(reach([]))).toMatchObject({ byOffset: { "1": 1 }, undeliverable: 1 });
  });

  it("derives the reach from the configuration", () => {
    const config = parseConfig({ ZALO_APP_ID: "1", ZALO_APP_SECRET: "app-secret", ZALO_OA_SECRET_KEY: "oa-secret", ZALO_ZNS: "1", REMINDER_CHANNEL_ORDER: "zalo_zns,zalo_oa" });
    expect(reachOf(config)).toEqual({ order: ["zalo_zns", "zalo_oa"], configured: new Set(["zalo_oa", "zalo_zns"]) });
    expect([...reachOf(parseConfig({})).configured]).toEqual([]);
  });
});

