import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { planReminders } from "../../../src/core/reminders/plan-reminders";
import { dueOffset } from "../../../src/core/reminders/reminder-windows";
import { subscribeReminders, withdrawConsents } from "../../../src/core/residents/reminder-consent";
import { addDays } from "../../../src/core/time/day-math";
import type { Protector } from "../../../src/core/privacy/protector";
import { campaigns, cards, outboxMessages } from "../../../src/db/schema";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestTranslator } from "../../helpers/test-db";
import { resolveMessage } from "../../../src/core/outbox/resolve-message";

const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T01:00:00Z"); // 08:00 in Hà Nội
let db: SqliteDb;
let protector: Protector;
let card: Awaited<ReturnType<typeof createRosterFixture>>["card"];

beforeEach(async () => {
  ({ db, protector, card } = await freshRoster(TODAY));
});

const deps = (smsEnabled = true) => ({ db, protector, timezone: "Asia/Ho_Chi_Minh", defaultLocale: "vi" as const, smsEnabled });
const plan = (options: { dryRun?: boolean; smsEnabled?: boolean; today?: string } = {}) =>
  planReminders(deps(options.smsEnabled ?? true), { today: options.today ?? TODAY, now: NOW, dryRun: options.dryRun });

describe("dueOffset windows", () => {
  it.each([
    [31, undefined],
    [30, 30],
    [8, 30], // the 30-day reminder is caught up until the 7-day one is due
    [7, 7],
    [2, 7],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-3, -3],
    [-9, -3],
    [-10, undefined],
  ])("%i days left → offset %s", (daysLeft, offset) => {
    expect(dueOffset(addDays(TODAY, daysLeft), TODAY, [30, 7, 1, -3])?.offset).toBe(offset);
  });
});

describe("planReminders", () => {
  it("counts one reminder per household and offset, skips auto-renewed groups, and plans nothing twice", async () => {
    await card("GD", 30, { household: "H1", phone: "84100000001" });
    await card("GD", 30, { household: "H1" }); // same household, same offset: one message
    await card("HS", 7, { household: "H2", phone: "84100000002" });
    await card("CN", -3, { phone: "84100000003" });
    await card("GD", 1); // no phone, no subscription: undeliverable
    await card("TE", 7, { household: "H3", phone: "84100000004" }); // ends at 6: the family enrols the child next, so reminded
    await card("HT", 1); // pension: BHXH renews
    await card("GD", 45, { phone: "84100000005" }); // not due
    const first = await plan();
    expect(first).toEqual({ byOffset: { "30": 1, "7": 2, "1": 1, "-3": 1 }, skipped: { autoRenew: 1, optedOut: 0 }, undeliverable: 1 });
    const queued = await db.orm.select().from(outboxMessages);
    expect(queued).toHaveLength(4);
    expect(queued.every((m) => m.channel === "sms" && m.purpose === "expiry_reminder")).toBe(true);
    expect(JSON.stringify(queued)).not.toContain("Nguyễn Mẫu Số");
    const h1 = queued.find((m) => (m.payload.vars as { count: number }).count === 2)!;
    expect(h1.templateKey).toBe("reminder-expiring");
    expect(h1.expiresAt!.toISOString()).toBe("2026-04-01T17:00:00.000Z"); // 2/4, the 7-day reminder's day, 00:00 in Hà Nội
    expect(await plan()).toEqual({ byOffset: { "30": 0, "7": 0, "1": 0, "-3": 0 }, skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 });
    expect(await db.orm.select().from(outboxMessages)).toHaveLength(4);
  });

  it("takes its offsets from the active expiry campaign (data), defaulting to 30, 7, 1 and -3", async () => {
    await card("GD", 14, { phone: "84100000021" });
    expect((await plan({ dryRun: true })).byOffset).toEqual({ "30": 1, "7": 0, "1": 0, "-3": 0 });
    await db.orm.update(campaigns).set({ offsets: [14, 2] }).where(eq(campaigns.kind, "expiry"));
    expect((await plan({ dryRun: true })).byOffset).toEqual({ "14": 1, "2": 0 });
  });

  it("writes nothing on a dry run", async () => {
    await card("GD", 7, { phone: "84100000001" });
    expect((await plan({ dryRun: true })).byOffset["7"]).toBe(1);
    expect(await db.orm.select().from(outboxMessages)).toHaveLength(0);
    expect((await plan()).byOffset["7"]).toBe(1);
  });

  it("uses the chat a resident subscribed on, and SMS only when configured", async () => {
    const subscribed = await card("GD", 7, { household: "H1" });
    await subscribeReminders(db, protector, { channel: "telegram", externalKey: "555", personId: subscribed.personId, householdId: subscribed.householdId, locale: "en", wording: "I agree", now: NOW });
    await card("GD", 7, { household: "H2", phone: "84100000009" });
    expect(await plan({ smsEnabled: false })).toMatchObject({ byOffset: { "7": 2 }, undeliverable: 1 });
    const [telegram] = await db.orm.select().from(outboxMessages);
    expect(telegram).toMatchObject({ channel: "telegram", contactId: expect.any(Number), identityId: expect.any(Number) });
  });

  it("skips people who opted out, in chat or by answering HUY from the roster phone", async () => {
    const a = await card("GD", 7, { household: "H1" });
    await subscribeReminders(db, protector, { channel: "telegram", externalKey: "556", personId: a.personId, householdId: a.householdId, locale: "vi", wording: "Tôi đồng ý", now: NOW });
    await withdrawConsents(db, { channel: "telegram", externalKey: "556", via: "STOP", now: NOW });
    await card("GD", 7, { household: "H2", phone: "84100000010" });
    await withdrawConsents(db, { channel: "sms", externalKey: await protector.blindIndex("phone", "84100000010"), via: "HUY", now: NOW });
    expect(await plan()).toMatchObject({ byOffset: { "7": 0 }, skipped: { optedOut: 2 } });
  });

  it("stops a planned roster-phone reminder when its number answers HUY before it is sent", async () => {
    await card("GD", 7, { phone: "84100000012" });
    await plan();
    const [row] = await db.orm.select().from(outboxMessages);
    const resolveDeps = { db, protector, t: createTestTranslator(), defaultLocale: "vi" as const };
    const before = await resolveMessage(resolveDeps, row as never);
    expect(before).toMatchObject({ ok: true, message: { to: "84100000012" } });
    expect(before.ok && before.message.text).toContain("hết hạn ngày");
    await withdrawConsents(db, { channel: "sms", externalKey: await protector.blindIndex("phone", "84100000012"), via: "HUY", now: NOW });
    expect(await resolveMessage(resolveDeps, row as never)).toEqual({ ok: false, status: "cancelled", code: "opted_out" });
  });

  it("plans the new validity after a renewal moves valid_to", async () => {
    const c = await card("GD", 7, { phone: "84100000011" });
    expect((await plan()).byOffset["7"]).toBe(1);
    await db.orm.update(cards).set({ validTo: addDays(TODAY, 372) }).where(eq(cards.id, c.cardId));
    expect((await plan({ today: addDays(TODAY, 342) })).byOffset["30"]).toBe(1);
  });
});
