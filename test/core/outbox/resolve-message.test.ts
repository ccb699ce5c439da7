import { beforeAll, describe, expect, it } from "vitest";
import { createPeakCampaign } from "../../../src/core/campaigns/campaign-store";
import { planCampaign } from "../../../src/core/campaigns/plan-campaign";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { addDays } from "../../../src/core/time/day-math";
import { resolveMessage } from "../../../src/core/outbox/resolve-message";
import type { Protector } from "../../../src/core/privacy/protector";
import { fitSms } from "../../../src/core/sms/fit-sms";
import { localDate } from "../../../src/core/time/local-date";
import { eq } from "drizzle-orm";
import { outboxMessages, people } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

let db: SqliteDb;
let protector: Protector;
let personIds: number[];
const t = createTestTranslator();

beforeAll(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  await seedDemo({ db, protector, today: localDate(new Date(), "Asia/Ho_Chi_Minh") });
  personIds = (await db.orm.select({ id: people.id }).from(people).limit(6)).map((p) => p.id);
});

/** A household reminder about `count` people, as the planner queues it for a roster phone or a chat. */
async function reminderText(channel: "sms" | "telegram", count: number, key: string) {
  const payload = channel === "sms" ? { toEnc: await protector.seal("+84912000555") } : { chatId: "555" };
  const [row] = await db.orm
    .insert(outboxMessages)
    .values({ idempotencyKey: key, channel, purpose: "expiry_reminder", templateKey: "reminder-expiring", payload: { ...payload, vars: { date: "31/12/2026", days: 24, count, group: "CN" }, namesOf: personIds.slice(0, count) }, notBefore: new Date() })
    .returning();
  const resolved = await resolveMessage({ db, protector, t, defaultLocale: "vi" }, row!);
  if (!resolved.ok) throw new Error(resolved.code);
  return resolved.message.text;
}

describe("a reminder's names", () => {
  it("by SMS, a large household is two names and 'N người khác', so the anti-scam line survives the two parts", async () => {
    const text = await reminderText("sms", 6, "r-sms-6");
    expect(text).toMatch(/thẻ của [^,]+, [^,]+ và 4 người khác hết hạn/);
    // The fee as this household pays it: PHI alone would price household (GD) cards.
    expect(text).toContain("Gửi PHI 6 CN để biết số tiền");
    expect(fitSms(text, 2).variant).not.toBe("truncated");
    expect(fitSms(text, 2).text).toMatch(/nguoi la\.$/);
  });

  it("by SMS, three names are all spelled out; in a chat, everyone is", async () => {
    expect(await reminderText("sms", 3, "r-sms-3")).not.toContain("người khác");
    const chat = await reminderText("telegram", 6, "r-tg-6");
    expect(chat).not.toContain("người khác");
    expect(chat.split("***").length).toBeGreaterThan(6);
  });
});

describe("a row queued before its template gained variables", () => {
  it("still renders (the later variables empty) instead of failing its send", async () => {
    const [row] = await db.orm
      .insert(outboxMessages)
      .values({ idempotencyKey: "r-legacy", channel: "sms", purpose: "expiry_reminder", templateKey: "reminder-expired", payload: { toEnc: await protector.seal("+84912000556"), vars: { date: "01/12/2026", days: 6 }, namesOf: personIds.slice(0, 1) }, notBefore: new Date() })
      .returning();
    const resolved = await resolveMessage({ db, protector, t, defaultLocale: "vi" }, row!);
    expect(resolved.ok && resolved.message.text).toContain("đã hết hạn ngày 01/12/2026");
  });
});

describe("a campaign message's names", () => {
  it("are opened at send time, not stored in the outbox row, with the fee's head count beside them", async () => {
    const today = localDate(new Date(), "Asia/Ho_Chi_Minh");
    const now = new Date();
    const campaign = await createPeakCampaign(db, { name: "Tháng cao điểm vận động BHYT hộ gia đình", startsOn: today, endsOn: addDays(today, 20), communeIds: [], audience: ["expired", "expiring"], maxPerWeek: 7, now });
    const deps = { db, protector, t, defaultLocale: "vi" as const, timezone: "Asia/Ho_Chi_Minh", smsEnabled: true };
    expect((await planCampaign(deps, campaign, { today, now })).queued).toBeGreaterThan(0);
    const rows = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.purpose, "campaign"));
    for (const row of rows) expect(row.payload.vars).not.toHaveProperty("names");
    const texts = [];
    for (const row of rows) {
      const resolved = await resolveMessage({ db, protector, t, defaultLocale: "vi" }, row);
      if (!resolved.ok) throw new Error(resolved.code);
      texts.push({ text: resolved.message.text, people: (row.payload.namesOf as number[]).length });
    }
    expect(texts.every(({ text }) => text.includes("***") && fitSms(text, 2).variant !== "truncated")).toBe(true);
    // Names and the fee's head count come from the same people (the shortening itself: above).
    for (const { text, people } of texts) {
      expect(text).toMatch(new RegExp(`gửi PHI ${people} [A-Z]{2} để biết số tiền`));
      expect(text.split("***").length - 1).toBeGreaterThanOrEqual(Math.min(people, 3));
    }
  });
});
