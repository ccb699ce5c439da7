import { beforeEach, describe, expect, it } from "vitest";
import { createPeakCampaign } from "../../../src/core/campaigns/campaign-store";
import { estimateCampaign, isSendDay, planCampaignDay, sendDays } from "../../../src/core/campaigns/plan-campaign";
import { planCampaignDigests } from "../../../src/core/campaigns/campaign-digests";
import { withdrawConsents } from "../../../src/core/residents/reminder-consent";
import type { Protector } from "../../../src/core/privacy/protector";
import { addDays } from "../../../src/core/time/day-math";
import { outboxMessages } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { type createRosterFixture, freshRoster } from "../../helpers/roster-fixture";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const START = "2026-11-01";
const NOW = new Date("2026-11-01T01:30:00Z"); // 08:30 in Hà Nội
let db: SqliteDb;
let protector: Protector;
let fixture: Awaited<ReturnType<typeof createRosterFixture>>;
const deps = (smsEnabled = true) => ({ db, protector, t: createTestTranslator(), defaultLocale: "vi" as const, timezone: "Asia/Ho_Chi_Minh", smsEnabled });
const campaign = (maxPerWeek = 2, audience: ("expired" | "expiring")[] = ["expired", "expiring"]) =>
  createPeakCampaign(db, { name: "Tháng cao điểm 2026", startsOn: START, endsOn: "2026-11-30", communeIds: [fixture.communeId], audience, maxPerWeek, now: NOW });

beforeEach(async () => {
  ({ db, protector, ...fixture } = await freshRoster(START));
});

describe("peak outreach month", () => {
  it("writes to expired and expiring self-paid households only, once per household and day", async () => {
    const { id } = await campaign();
    await fixture.card("GD", -20, { household: "H1", phone: "84100000001" }); // expired
    await fixture.card("GD", 15, { household: "H1" }); // same household, expiring
    await fixture.card("HS", 25, { phone: "84100000002" }); // expiring in the window
    await fixture.card("GD", 60, { phone: "84100000003" }); // after the window
    await fixture.card("TE", -5, { phone: "84100000004" }); // the state renews
    await fixture.card("GD", -400, { phone: "84100000005" }); // expired too long ago
    await fixture.card("CN", 3); // no phone: undeliverable
    const [day1] = await planCampaignDay(deps(), { today: START, now: NOW });
    expect(day1).toEqual({ campaignId: id, households: 3, queued: 2, optedOut: 0, undeliverable: 1 });
    const rows = await db.orm.select().from(outboxMessages);
    expect(rows.map((r) => r.templateKey).sort()).toEqual(["campaign-expired", "campaign-expiring"]);
    expect(rows.every((r) => r.purpose === "campaign" && r.expiresAt!.toISOString() === "2026-11-01T17:00:00.000Z")).toBe(true);
    expect((await planCampaignDay(deps(), { today: START, now: NOW }))[0]!.queued).toBe(0);
  });

  it("never exceeds the weekly cap: with 2 a week, households hear from it every 4th day", async () => {
    const c = await campaign(2);
    const days = Array.from({ length: 30 }, (_, i) => addDays(START, i)).filter((d) => isSendDay(c, d));
    expect(days).toEqual(["2026-11-01", "2026-11-05", "2026-11-09", "2026-11-13", "2026-11-17", "2026-11-21", "2026-11-25", "2026-11-29"]);
    for (let i = 0; i + 7 <= 30; i++) expect(days.filter((d) => d >= addDays(START, i) && d < addDays(START, i + 7)).length).toBeLessThanOrEqual(2);
    await fixture.card("GD", -3, { phone: "84100000001" });
    expect((await planCampaignDay(deps(), { today: "2026-11-02", now: NOW }))[0]!.queued).toBe(0);
  });

  it("counts only the send days still ahead of a given day", async () => {
    const c = await campaign(2);
    const ahead = (from: string) => Array.from({ length: 30 }, (_, i) => addDays(START, i)).filter((d) => d >= from && isSendDay(c, d)).length;
    for (const from of ["2026-10-20", START, "2026-11-02", "2026-11-05", "2026-11-29", "2026-11-30", "2026-12-01"]) expect(sendDays(c, from)).toBe(ahead(from));
    expect(sendDays(c)).toBe(8);
  });

  it("skips households that answered HUY", async () => {
    await campaign();
    await fixture.card("GD", -3, { phone: "84100000009" });
    await withdrawConsents(db, { channel: "sms", externalKey: await protector.blindIndex("phone", "84100000009"), via: "HUY", now: NOW });
    expect((await planCampaignDay(deps(), { today: START, now: NOW }))[0]).toMatchObject({ queued: 0, optedOut: 1 });
  });

  it("estimates messages and SMS parts before it starts", async () => {
    await fixture.card("GD", -3, { phone: "84100000001" });
    await fixture.card("HS", 10, { phone: "84100000002" });
    await fixture.card("GD", 10);
    const c = { id: 0, name: "Tháng cao điểm 2026", startsOn: START, endsOn: "2026-11-30", communeIds: [fixture.communeId], audience: ["expired", "expiring"] as ("expired" | "expiring")[], maxPerWeek: 1 };
    const estimate = await estimateCampaign(deps(), c, "2026-10-20");
    expect(estimate).toMatchObject({ households: 3, sendDays: 5, messages: 10, smsMessages: 10, undeliverable: 1 });
    expect(estimate.smsSegments).toBeGreaterThanOrEqual(10);
    expect(estimate.smsSegments).toBeLessThanOrEqual(20);
    expect((await estimateCampaign(deps(false), c, "2026-10-20")).messages).toBe(0);
  });

  it("plans nothing outside an active window, and digests only during one", async () => {
    await fixture.card("GD", -3, { phone: "84100000001" });
    expect(await planCampaignDay(deps(), { today: START, now: NOW })).toEqual([]);
    expect(await planCampaignDigests(deps(), { today: START, now: NOW })).toEqual({ enqueued: 0 });
  });
});

describe("peak-month digests", () => {
  it("gives commune officers the ranking and collectors their door-to-door count each morning", async () => {
    const { seedDemo } = await import("../../../src/core/demo/seed-demo");
    const { createInvite } = await import("../../../src/core/officers/invites");
    const { resolveUnit } = await import("../../../src/core/units/resolve-unit");
    const { createConversation } = await import("../../../src/core/conversation/create-conversation");
    const demo = createTestDb();
    const keys = await createTestProtector();
    await seedDemo({ db: demo, protector: keys, today: "2025-11-01" });
    const commune = await resolveUnit(demo, "Ngọc Phụng");
    const village = await resolveUnit(demo, "Xuân Thành", { parentId: commune.id });
    const handle = createConversation({ db: demo, protector: keys, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
    const at = new Date("2025-11-01T00:30:00Z");
    await handle({ channel: "telegram", senderId: "1", text: (await createInvite(demo, keys, { communeId: commune.id, role: "commune" })).code, receivedAt: at });
    await handle({ channel: "telegram", senderId: "2", text: (await createInvite(demo, keys, { communeId: commune.id, unitId: village.id, role: "collector" })).code, receivedAt: at });
    await createPeakCampaign(demo, { name: "Tháng cao điểm 2025", startsOn: "2025-11-01", endsOn: "2025-11-30", communeIds: [commune.id], audience: ["expired", "expiring"], maxPerWeek: 2, now: at });
    const d = { db: demo, protector: keys, t: createTestTranslator(), defaultLocale: "vi" as const, timezone: "Asia/Ho_Chi_Minh", smsEnabled: false };
    expect(await planCampaignDigests(d, { today: "2025-11-01", now: at })).toEqual({ enqueued: 2 });
    const texts = (await demo.orm.select().from(outboxMessages)).map((m) => String(m.payload.text));
    expect(texts.find((t) => t.startsWith("Tháng cao điểm 2025 — tiến độ ngày 01/11/2025"))).toMatch(/\nCác thôn, xếp từ thôn còn xa chỉ tiêu nhất:\n1\. Thôn .*\n\d+\. Thôn/);
    expect(texts.find((t) => t.includes("cần vận động gia hạn thẻ"))).toMatch(/hôm nay có \d+ hộ/);
    expect(await planCampaignDigests(d, { today: "2025-11-01", now: at })).toEqual({ enqueued: 0 });
  }, 30_000);
});
