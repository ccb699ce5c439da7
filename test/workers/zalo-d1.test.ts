import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { takeDailyQuota, dailyQuotaUsed } from "../../src/core/outbox/daily-quota";
import { findZnsTemplate } from "../../src/core/zns/zns-templates";
import { applyZnsDelivery, recordZnsTracking } from "../../src/core/zns/zns-tracking";
import { enqueue } from "../../src/core/outbox/enqueue";
import { createD1Db } from "../../src/entry/d1-db";

const db = createD1Db(env.DB);
const at = new Date("2026-03-10T03:00:00Z");

describe("Zalo state on D1", () => {
  it("takes the proactive OA quota at most `limit` times a day", async () => {
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push(await takeDailyQuota(db, { name: "d1_test", day: "2026-03-10", limit: 3, at }));
    expect(taken).toEqual([true, true, true, false]);
    expect(await dailyQuotaUsed(db, "d1_test", "2026-03-10")).toBe(3);
    expect(await takeDailyQuota(db, { name: "d1_test", day: "2026-03-11", limit: 3, at })).toBe(true);
  });

  it("reads the seeded demo template and matches a ZNS delivery by tracking id", async () => {
    expect(await findZnsTemplate(db, { purpose: "expiry_reminder", messageKey: "reminder-expiring", offset: 7, on: "2026-03-10" })).toMatchObject({ templateId: "100001", promotional: false });
    const [id] = (await enqueue(db, [{ idempotencyKey: "d1:zns:1", channel: "zalo_oa", purpose: "expiry_reminder", templateKey: "reminder-expiring", payload: {} }], at)).inserted;
    await env.DB.prepare("update outbox_messages set status = 'sent' where id = ?").bind(id).run();
    await recordZnsTracking(db, "d1zns1", "d1:zns:1", at);
    await recordZnsTracking(db, "d1zns1", "d1:zns:1", at); // a retry records the same pair again
    expect(await applyZnsDelivery(db, { trackingId: "d1zns1", at })).toBe(true);
    expect(await applyZnsDelivery(db, { trackingId: "d1zns1", at })).toBe(false);
  });
});
