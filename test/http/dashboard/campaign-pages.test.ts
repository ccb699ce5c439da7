import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { createPeakCampaign, listPeakCampaigns } from "../../../src/core/campaigns/campaign-store";
import { adminUnits, auditLog, households, outboxMessages } from "../../../src/db/schema";
import { type CookieJar, createDashboardApp, signedIn } from "../../helpers/dashboard";
import { createProgressWorld } from "../../core/progress/progress-fixture";
import { NOW, type TallyWorld } from "../../core/tallies/tally-fixture";

let w: TallyWorld;
let app: App;
let admin: CookieJar;
let communeAdmin: CookieJar;
let campaignId: number;
let elsewhereId: number;
let otherCommune: number;

/** The cells of a row picked by a data attribute. */
function cells(html: string, attr: string): string[] {
  const tr = new RegExp(`<tr[^>]*${attr}[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? "";
  return [...tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

beforeAll(async () => {
  w = await createProgressWorld();
  app = await createDashboardApp(w.db, NOW);
  admin = await signedIn(app, w.db, "admin", "mat-khau-rat-dai-1");
  communeAdmin = await signedIn(app, w.db, "ngocphung", "mat-khau-cua-xa-1", w.commune.id);
  // A second commune with one household, outside the commune account's scope.
  const [other] = await w.db.orm.insert(adminUnits).values({ code: "38-01-99", name: "Thử", level: "commune", kind: "xã", parentId: w.commune.parentId, searchKey: "thu" }).returning();
  otherCommune = other!.id;
  const [otherVillage] = await w.db.orm.insert(adminUnits).values({ code: "38-01-99-01", name: "Một", level: "village", kind: "thôn", parentId: other!.id, searchKey: "mot" }).returning();
  const [inside] = await w.db.orm.insert(households).values({ unitId: w.village.xuanThanh.id, code: "T-IN" }).returning();
  const [outside] = await w.db.orm.insert(households).values({ unitId: otherVillage!.id, code: "T-OUT" }).returning();
  const campaign = await createPeakCampaign(w.db, { name: "Tháng 11", startsOn: "2025-11-01", endsOn: "2025-11-30", communeIds: [w.commune.id, other!.id], audience: ["expired"], maxPerWeek: 2, now: NOW });
  campaignId = campaign.id;
  elsewhereId = (await createPeakCampaign(w.db, { name: "Chỉ xã Thử", startsOn: "2025-11-01", endsOn: "2025-11-30", communeIds: [other!.id], audience: ["expired"], maxPerWeek: 2, now: NOW })).id;
  const msg = (household: number, day: string, status: "sent" | "delivered" | "failed", channel: "sms" | "telegram" = "sms") => ({
    idempotencyKey: `campaign:${campaignId}:h${household}:${day}`, channel, purpose: "campaign", templateKey: "campaign-expired", payload: {}, status, notBefore: NOW,
  });
  await w.db.orm.insert(outboxMessages).values([
    msg(inside!.id, "2025-11-01", "delivered"),
    msg(inside!.id, "2025-11-05", "failed", "telegram"),
    msg(outside!.id, "2025-11-01", "sent"),
  ]);
});

describe("campaign page", () => {
  it("shows coverage at the end of each campaign day, counting back from today's figure", async () => {
    const html = await (await admin.request(`/campaigns/${campaignId}`)).text();
    // Dates as Vietnamese readers write them, as on every other page (they were ISO here).
    expect(html).toContain("Từ 01/11/2025 đến 30/11/2025");
    const section = /<section class="campaign-unit" data-unit="38-01-01">(.*?)<\/section>/s.exec(html)![1]!;
    expect(section).toContain("<svg");
    // 863 insured on 11-15; 9 counted tallies that day (HS 3 + GD 6 + GD 0), 12 on 11-03.
    expect(cells(section, 'data-date="2025-11-15"')).toEqual(["15/11/2025", "9", "863", "10,71 %"]);
    expect(cells(section, 'data-date="2025-11-14"')).toEqual(["14/11/2025", "0", "854", "10,6 %"]);
    expect(cells(section, 'data-date="2025-11-03"')).toEqual(["03/11/2025", "12", "854", "10,6 %"]);
    expect(cells(section, 'data-date="2025-11-02"')).toEqual(["02/11/2025", "0", "842", "10,45 %"]);
    // Days after today are not drawn.
    expect(section).not.toContain('data-date="2025-11-16"');
  });

  it("ranks the commune's villages and counts the campaign's messages by state, channel and day", async () => {
    const html = await (await admin.request(`/campaigns/${campaignId}`)).text();
    const ranking = /<section class="ranking" data-unit="38-01-01">(.*?)<\/section>/s.exec(html)![1]!;
    // communeRanking puts the village furthest from its target first; Quyết Tiến is the nearest.
    expect(cells(ranking, 'data-unit="38-01-01-01"').slice(0, 2)).toEqual(["7", "Thôn Quyết Tiến"]);
    // The figure the order follows is shown beside the rank, and reads in that order.
    expect(ranking).toContain("Đạt (% chỉ tiêu)");
    const shares = [...ranking.matchAll(/<td class="num target-share">([\d,]+) %<\/td>/g)].map((m) => Number(m[1]!.replace(",", ".")));
    expect(shares).toHaveLength(7);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(cells(html, 'data-channel="all"')).toEqual(["Tổng cộng", "0", "0", "1", "1", "1", "0", "0"]);
    expect(cells(html, 'data-channel="telegram"')).toEqual(["Telegram", "0", "0", "0", "0", "1", "0", "0"]);
    const days = /<table class="outbox-days">(.*?)<\/table>/s.exec(html)![1]!;
    expect(cells(days, 'data-date="2025-11-01"')).toEqual(["01/11/2025", "2", "1", "0"]);
  });

  it("cuts a commune account's figures to its commune and hides campaigns elsewhere", async () => {
    const html = await (await communeAdmin.request(`/campaigns/${campaignId}`)).text();
    expect(html).not.toContain('data-unit="38-01-99"');
    expect(cells(html, 'data-channel="all"')).toEqual(["Tổng cộng", "0", "0", "0", "1", "1", "0", "0"]);
    expect((await communeAdmin.request(`/campaigns/${elsewhereId}`)).status).toBe(404);
    const list = await (await communeAdmin.request("/campaigns")).text();
    expect(list).toContain(`/campaigns/${campaignId}"`);
    expect(list).toContain("01/11/2025 → 30/11/2025");
    expect(list).not.toContain("2025-11-01 →");
    expect(list).not.toContain(`/campaigns/${elsewhereId}"`);
  });
});

describe("creating a campaign", () => {
  const form = (extra: Record<string, string>) => ({ name: "Tháng 12", from: "2025-12-01", to: "2025-12-31", audience: "expired", maxPerWeek: "2", communes: String(w.commune.id), ...extra });

  it("shows the cost estimate first and stores nothing until confirmed", async () => {
    const before = (await w.db.orm.select().from(auditLog).where(eq(auditLog.action, "campaign.created"))).length;
    const res = await admin.post("/campaigns", { ...form({ step: "preview" }), _csrf: await admin.csrf() });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<table class="estimate">');
    expect(cells(html, 'data-figure="send-days"')).toEqual(["Số ngày gửi tin", "8"]);
    expect(html).toContain('value="create"');
    expect((await w.db.orm.select().from(auditLog).where(eq(auditLog.action, "campaign.created"))).length).toBe(before);
    const created = await admin.post("/campaigns", { ...form({ step: "create" }), _csrf: await admin.csrf() });
    expect(created.status).toBe(303);
    const id = created.headers.get("location")!.split("/").pop();
    const [audit] = await w.db.orm.select().from(auditLog).where(and(eq(auditLog.action, "campaign.created"), eq(auditLog.subjectId, id!)));
    expect(audit).toMatchObject({ actorKind: "admin", actorId: "admin" });
  });

  it("takes several communes and both audiences from the multi-select and checkboxes", async () => {
    const body = new URLSearchParams({ name: "Hai xã", from: "2025-12-01", to: "2025-12-31", maxPerWeek: "1", step: "create", _csrf: await admin.csrf() });
    for (const id of [w.commune.id, otherCommune]) body.append("communes", String(id));
    for (const a of ["expired", "expiring"]) body.append("audience", a);
    const res = await admin.request("/campaigns", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(303);
    const [stored] = (await listPeakCampaigns(w.db)).filter((k) => k.name === "Hai xã");
    expect(stored).toMatchObject({ communeIds: [w.commune.id, otherCommune], audience: ["expired", "expiring"], maxPerWeek: 1 });
  });

  it("explains bad input in the user's language and keeps what was typed", async () => {
    const res = await admin.post("/campaigns", { ...form({ to: "2025-11-20", step: "preview" }), _csrf: await admin.csrf() });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Ngày kết thúc (2025-11-20) phải sau ngày bắt đầu (2025-12-01).");
    expect(html).toContain('value="Tháng 12"');
    const nowhere = await communeAdmin.post("/campaigns", { ...form({ communes: "", step: "preview" }), _csrf: await communeAdmin.csrf() });
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("Chọn ít nhất một xã trong phạm vi tài khoản.");
  });
});
