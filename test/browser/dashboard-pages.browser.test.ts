/**
 * The issue 7 pages in Chromium: campaigns (create with the cost preview, daily chart),
 * the card roster and its export, officers and invite codes, accounts and sessions, the
 * outbox with a retry, the audit log and the failed look-up alarm, the import preview and
 * "try the bot". Screenshots land in test/artifacts/ (git-ignored).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOOKUP_FAILED } from "../../src/core/residents/lookup-guard";
import { and, eq, like } from "drizzle-orm";
import { recordTally } from "../../src/core/tallies/record-tally";
import { adminUnits, auditLog, households, officers, outboxMessages } from "../../src/db/schema";
import { startBrowserDashboard, type BrowserDashboard } from "../helpers/browser-dashboard";

const NOW = new Date("2025-11-15T03:00:00Z");
let d: BrowserDashboard;

beforeAll(async () => {
  d = await startBrowserDashboard({
    now: NOW,
    today: "2025-11-15",
    async prepare(db) {
      await db.orm.insert(outboxMessages).values({ idempotencyKey: "dead-1", channel: "sms", purpose: "reminder", templateKey: "reminder-expiring", payload: {}, status: "failed", notBefore: NOW, attempts: 5, lastErrorCode: "http_402", updatedAt: NOW });
      // Enrolments reported during the campaign, so its daily chart climbs.
      const villages = await db.orm.select().from(adminUnits).where(like(adminUnits.code, "38-01-01-0%"));
      const [officer] = await db.orm.insert(officers).values({ displayName: "Anh Minh", role: "commune", scopeUnitId: villages[0]!.parentId! }).returning();
      for (const [i, date] of ["2025-11-03", "2025-11-05", "2025-11-07", "2025-11-10", "2025-11-12", "2025-11-14"].entries()) {
        const entries = villages.map((v, k) => ({ unitId: v.id, group: "GD", indicator: "bhyt", count: 40 + ((i * 7 + k * 13) % 60) }));
        await recordTally(db, { officerId: officer!.id, channel: "telegram", originalText: null, date, entries, mode: "add", now: new Date(`${date}T03:00:00Z`) });
      }
      // A spike of failed card look-ups in the last hour: the alarm rings.
      await db.orm.insert(auditLog).values(Array.from({ length: 25 }, (_, i) => ({ at: new Date(NOW.getTime() - i * 60_000), actorKind: "resident" as const, actorId: `zalo_bot:${i}`, action: LOOKUP_FAILED })));
    },
  });
}, 60_000);

afterAll(async () => {
  await d?.close();
});

describe("issue 7 pages in Chromium", () => {
  it("signs in, shows the nav and the failed look-up alarm", async () => {
    const { page, base } = d;
    await page.goto(`${base}/login`);
    await page.fill('input[name="username"]', "admin");
    await page.fill('input[name="password"]', d.password);
    await Promise.all([page.waitForURL(`${base}/`), page.click('form.login button[type="submit"]')]);
    expect(await page.locator("nav.site a").allTextContents()).toEqual(["Tổng quan", "Chiến dịch", "Danh sách thẻ", "Quản trị", "Thử bot"]);
    expect(await page.locator(".alarm").textContent()).toContain("25 lượt tra cứu thẻ thất bại");
    await d.shot("10-alarm");
    await Promise.all([page.waitForURL(/\/admin\/audit\?action=card.lookup_failed/), page.click(".alarm a")]);
    expect(await page.locator('tr[data-action="card.lookup_failed"]').count()).toBe(25);
    await d.shot("11-audit-log");
  }, 60_000);

  it("creates a campaign after previewing its cost, then shows its daily chart and ranking", async () => {
    const { page, base } = d;
    await page.goto(`${base}/campaigns`);
    await page.fill('input[name="name"]', "Tháng cao điểm 11");
    await page.fill('input[name="from"]', "2025-11-01");
    await page.fill('input[name="to"]', "2025-11-30");
    await page.selectOption('select[name="communes"]', { label: "Xã Ngọc Phụng" });
    await page.click('button[value="preview"]');
    expect(await page.locator("table.estimate").count()).toBe(1);
    const figure = async (name: string) => Number((await page.locator(`tr[data-figure="${name}"] td`).textContent())!.replace(/\./g, ""));
    expect(await figure("households")).toBeGreaterThan(0);
    // Households reached by SMS on the roster phone: each message is one or more billed parts.
    expect(await figure("sms")).toBeGreaterThan(0);
    expect(await figure("segments")).toBeGreaterThanOrEqual(await figure("sms"));
    await d.shot("12-campaign-preview");
    await Promise.all([page.waitForURL(/\/campaigns\/\d+$/), page.click('button[value="create"]')]);
    expect(await page.locator("h1").textContent()).toBe("Tháng cao điểm 11");
    expect(await page.locator('section.campaign-unit[data-unit="38-01-01"] svg').count()).toBe(1);
    expect(await page.locator('section.campaign-unit tr[data-date]').count()).toBe(15);
    expect(await page.locator('section.ranking tr[data-unit^="38-01-01-"]').count()).toBe(7);
    // The campaign's own messages, as the planner and the dispatcher would leave them.
    const id = new URL(page.url()).pathname.split("/").pop();
    const village = await d.db.orm.select().from(adminUnits).where(eq(adminUnits.code, "38-01-01-02"));
    const homes = await d.db.orm.select().from(households).where(and(eq(households.unitId, village[0]!.id)));
    const states = ["delivered", "delivered", "sent", "failed"] as const;
    await d.db.orm.insert(outboxMessages).values(
      homes.flatMap((h, i) => ["2025-11-01", "2025-11-05", "2025-11-09", "2025-11-13"].map((day, j) => ({
        idempotencyKey: `campaign:${id}:h${h.id}:${day}`, channel: "sms" as const, purpose: "campaign", templateKey: "campaign-expired", payload: {}, status: states[(i + j) % 4]!, notBefore: NOW,
      }))),
    );
    await page.reload();
    expect(Number(await page.locator('table.outbox-states tr[data-channel="all"] td.delivered').textContent())).toBeGreaterThan(0);
    await d.shot("13-campaign");
  }, 60_000);

  it("lists expiring and expired cards with masked names and exports them", async () => {
    const { page, base } = d;
    await page.goto(`${base}/roster`);
    await Promise.all([page.waitForURL(`${base}/units/38-01-01/roster`), page.click('a[href="/units/38-01-01/roster"]')]);
    const names = await page.locator("td.name").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes("***"))).toBe(true);
    await d.shot("14-roster");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click('a.download[href$="roster.csv?status=all"]')]);
    const bytes = readFileSync(await csv.path());
    // The byte-order mark Excel needs to read Vietnamese.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Mã thôn,Thôn,Mã hộ,Họ tên (che),Năm sinh,Nhóm,Hạn thẻ,Tình trạng,Số ngày còn lại");
    expect(lines).toHaveLength(names.length + 1);
  }, 60_000);

  it("creates and revokes an invite code, and creates a commune account whose session can be ended", async () => {
    const { page, base } = d;
    await page.goto(`${base}/admin/officers`);
    await page.selectOption('select[name="role"]', "commune");
    await page.selectOption('select[name="commune"]', { label: "Xã Ngọc Phụng" });
    await page.click('form[action="/admin/invites"] button');
    expect((await page.locator(".invite-code").textContent())!.length).toBeGreaterThan(4);
    await d.shot("15-invite");
    await Promise.all([page.waitForURL(`${base}/admin/officers`), page.click('tr[data-invite] button.danger')]);
    expect(await page.locator("tr[data-invite]").count()).toBe(0);
    await page.goto(`${base}/admin/accounts`);
    await page.fill('form[action="/admin/accounts"] input[name="username"]', "ngocphung");
    await page.fill('form[action="/admin/accounts"] input[name="password"]', "mat-khau-cua-xa-1");
    await page.fill('form[action="/admin/accounts"] input[name="scope"]', "38-01-01");
    await page.click('form[action="/admin/accounts"] button');
    expect(await page.locator(".notice").textContent()).toBe("Đã tạo tài khoản ngocphung.");
    expect(await page.locator('tr[data-session-of="admin"]').count()).toBe(1);
    await d.shot("16-accounts");
  }, 60_000);

  it("retries a dead letter from the outbox page", async () => {
    const { page, base } = d;
    await page.goto(`${base}/admin/outbox`);
    expect(await page.locator("tr[data-message] td.reason").allTextContents()).toContain("http_402");
    await Promise.all([page.waitForURL(/retried=/), page.click("tr[data-message] button")]);
    expect(await page.locator(".notice").textContent()).toMatch(/đã được đưa lại vào hàng đợi/);
    await d.shot("17-outbox");
  }, 60_000);

  it("previews a units file before saving it", async () => {
    const { page, base } = d;
    const file = join(tmpdir(), `bhyt-units-${crypto.randomUUID()}.csv`);
    writeFileSync(file, "code,name,level,parent_code\n38-01-01-08,Thôn Mới,village,38-01-01\n");
    await page.goto(`${base}/admin/import`);
    await page.setInputFiles('input[name="file"]', file);
    await page.click('form[enctype="multipart/form-data"] button');
    expect(await page.locator(".summary").textContent()).toContain("1 dòng sẽ được ghi (1 mới, 0 cập nhật)");
    await d.shot("18-import-preview");
    await page.click('form[action$="/apply"] button');
    expect(await page.locator(".notice").textContent()).toBe("Đã nhập 1 dòng (1 mới, 0 cập nhật).");
  }, 60_000);

  it("talks to the bot as a resident and as a village collector", async () => {
    const { page, base } = d;
    await page.goto(`${base}/try`);
    await page.fill('textarea[name="text"]', "xin chào");
    await page.click('form.stacked button[type="submit"]');
    expect(await page.locator(".bubble.bot").first().textContent()).toContain("trợ lý BHYT");
    await page.selectOption('select[name="as"]', "38-01-01-02");
    await page.fill('textarea[name="text"]', "/tiendo");
    await page.click('form.stacked button[type="submit"]');
    expect(await page.locator(".bubble.me").textContent()).toBe("/tiendo");
    expect(await page.locator(".bubble.bot").count()).toBeGreaterThan(0);
    await d.shot("19-try-bot");
    await page.click('a[hreflang="en"]');
    expect(await page.locator("h1").textContent()).toBe("Try the bot");
    expect(d.consoleErrors).toEqual([]);
  }, 60_000);
});
