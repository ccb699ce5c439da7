import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { expiryRoster } from "../../../src/core/residents/expiry-roster";
import { auditLog } from "../../../src/db/schema";
import { CookieJar, addAccount, createDashboardApp } from "../../helpers/dashboard";
import { createTestProtector } from "../../helpers/test-db";
import { NOW, TODAY, createTallyWorld, type TallyWorld } from "../../core/tallies/tally-fixture";

let w: TallyWorld;
let app: App;
let admin: CookieJar;
let villageAdmin: CookieJar;

beforeAll(async () => {
  w = await createTallyWorld();
  app = await createDashboardApp(w.db, NOW);
  await addAccount(w.db, "admin", "mat-khau-rat-dai-1");
  await addAccount(w.db, "xuanthanh", "mat-khau-cua-thon-1", w.village.xuanThanh.id);
  admin = new CookieJar(app);
  await admin.login("admin", "mat-khau-rat-dai-1");
  villageAdmin = new CookieJar(app);
  await villageAdmin.login("xuanthanh", "mat-khau-cua-thon-1");
});

describe("expiryRoster", () => {
  it("lists only cards expired in the last year or expiring within 30 days, by household", async () => {
    const roster = await expiryRoster(w.db, await createTestProtector(), { unitId: w.commune.id, today: TODAY });
    const all = roster.flatMap((h) => h.cards);
    expect(all.length).toBeGreaterThan(0);
    for (const card of all) {
      expect(card.validTo >= "2024-11-15" && card.validTo <= "2025-12-15").toBe(true);
      expect(card.status).toBe(card.validTo < TODAY ? "expired" : "expiring");
      // Every word but the given name is masked.
      expect(card.maskedName).toMatch(/^(\S\*\*\* )+\S+$/u);
    }
    const expired = await expiryRoster(w.db, await createTestProtector(), { unitId: w.commune.id, today: TODAY, filter: "expired" });
    expect(expired.flatMap((h) => h.cards).every((c) => c.status === "expired")).toBe(true);
  });

});

describe("roster pages", () => {
  it("shows masked names per village and household, and audits the viewing", async () => {
    const res = await admin.request("/units/38-01-01/roster");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<section class="roster-village" data-unit="38-01-01-0\d">/g)!.length).toBeGreaterThan(1);
    const names = [...html.matchAll(/<td class="name">(.*?)<\/td>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain("***");
    // No 10-digit BHXH number, 12-digit ID or 15-character card code anywhere on the page.
    expect(html).not.toMatch(/\b\d{10}\b|\b\d{12}\b|\b[A-Z]{2}\d{13}\b/);
    const [audit] = await w.db.orm.select().from(auditLog).where(eq(auditLog.action, "roster.viewed"));
    expect(audit).toMatchObject({ actorId: "admin", subjectId: "38-01-01" });
  });

  it("exports the same rows as CSV and XLSX", async () => {
    const html = await (await admin.request("/units/38-01-01/roster?status=expired")).text();
    const onPage = [...html.matchAll(/<td class="name">(.*?)<\/td>/g)].length;
    const csv = await admin.request("/units/38-01-01/roster.csv?status=expired");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="bhyt-the-38-01-01-expired-2025-11-15.csv"');
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("Mã thôn,Thôn,Mã hộ,Họ tên (che),Năm sinh,Nhóm,Hạn thẻ,Tình trạng,Số ngày còn lại");
    expect(lines).toHaveLength(onPage + 1);
    expect(lines.slice(1).every((l) => l.includes(",Đã hết hạn,-"))).toBe(true);
    const xlsx = await admin.request("/units/38-01-01/roster.xlsx?status=expired");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(onPage + 1);
  });

  it("keeps a village account to its village and refuses provinces", async () => {
    expect((await villageAdmin.request("/units/38-01-01/roster")).status).toBe(403);
    const res = await villageAdmin.request("/roster");
    expect(res.headers.get("location")).toBe("/units/38-01-01-02/roster");
    const html = await (await villageAdmin.request("/units/38-01-01-02/roster")).text();
    expect(html).not.toContain('data-unit="38-01-01-01"');
    expect((await admin.request("/units/38/roster")).status).toBe(400);
    const picker = await (await admin.request("/roster")).text();
    expect(picker).toContain('href="/units/38-01-01/roster"');
  });
});
