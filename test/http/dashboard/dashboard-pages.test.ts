import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { CookieJar, createDashboardApp, signedIn } from "../../helpers/dashboard";
import { createProgressWorld } from "../../core/progress/progress-fixture";
import { NOW, type TallyWorld } from "../../core/tallies/tally-fixture";

let w: TallyWorld;
let app: App;
let admin: CookieJar;
let communeAdmin: CookieJar;

beforeAll(async () => {
  w = await createProgressWorld();
  app = await createDashboardApp(w.db, NOW);
  admin = await signedIn(app, w.db, "admin", "mat-khau-rat-dai-1");
  communeAdmin = await signedIn(app, w.db, "ngocphung", "mat-khau-cua-xa-1", w.commune.id);
});

/** The figures of one table row, by its unit code: the text of each cell. */
function row(html: string, code: string): string[] {
  const tr = new RegExp(`<tr[^>]*data-unit="${code}"[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? "";
  return [...tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

describe("overview", () => {
  it("lists provinces for a national account, historical ones marked, with an SVG chart", async () => {
    const html = await (await admin.request("/")).text();
    for (const name of ["Tỉnh Lai Châu", "Tỉnh Thanh Hóa"]) expect(html).toContain(name);
    expect(html).toContain("<svg");
    expect(html).toContain("Kế hoạch năm 2025, số liệu đến ngày 15/11/2025");
  });

  it("starts at the commune for a commune account", async () => {
    const html = await (await communeAdmin.request("/")).text();
    expect(html).not.toContain("Tỉnh Lai Châu");
    expect(row(html, "38-01-01")).toEqual(["Xã Ngọc Phụng", "8.060", "863", "7.703", "95,57 %", "10,71 %", "6.840", "Chưa đạt"]);
  });
});

describe("unit page", () => {
  it("shows Ngọc Phụng's seven villages with their plan figures and status", async () => {
    const html = await (await admin.request("/units/38-01-01")).text();
    expect(html.match(/<tr[^>]*data-unit="38-01-01-0\d"/g)).toHaveLength(7);
    expect(row(html, "38-01-01-01")).toEqual(["Thôn Quyết Tiến", "489", "408", "468", "95,71 %", "83,44 %", "60", "Chưa đạt"]);
    expect(row(html, "38-01-01-06")).toEqual(["Thôn Hưng Long", "1.604", "0", "1.556", "95,01 %", "0 %", "1.556", "Chưa đạt"]);
  });

  it("lists villages that have not reported today and recent tallies with officer and channel", async () => {
    const html = await (await admin.request("/units/38-01-01")).text();
    const silent = /<section class="silent">(.*?)<\/section>/s.exec(html)![1]!;
    expect([...silent.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1])).toEqual(["Thôn Quyết Tiến", "Thôn Xuân Thắng", "Thôn Hoà Lâm"]);
    const recent = /<section class="recent">(.*?)<\/section>/s.exec(html)![1]!;
    expect(recent).toContain("Anh Minh");
    expect(recent).toContain("Telegram");
    // The undone HS 100 and superseded GD 20 are not "recent tallies".
    expect(recent).not.toMatch(/<td class="num">100<\/td>|<td class="num">20<\/td>/);
  });

  it("shows a province → district (historical) → commune path", async () => {
    const province = await (await admin.request("/units/38")).text();
    expect(row(province, "38-01")[0]).toBe("Huyện Thường Xuân (không còn hoạt động)");
    const district = await (await admin.request("/units/38-01")).text();
    expect(district).toContain('href="/units/38-01-01"');
  });

  it("switches to English with ?lang=en and remembers it", async () => {
    const jar = new CookieJar(app);
    await jar.login("admin", "mat-khau-rat-dai-1");
    const html = await (await jar.request("/units/38-01-01?lang=en")).text();
    expect(row(html, "38-01-01")).toEqual(["Ngọc Phụng Commune", "8,060", "863", "7,703", "95.57 %", "10.71 %", "6,840", "Behind"].map((v, i) => (i === 0 ? expect.any(String) : v)));
    expect(html).toContain('lang="en"');
    expect(await (await jar.request("/units/38-01-01")).text()).toContain("Recent reports");
  });

  it("keeps a commune account inside its subtree", async () => {
    expect((await communeAdmin.request("/units/38-01-01-03")).status).toBe(200);
    const other = await communeAdmin.request("/units/12");
    expect(other.status).toBe(403);
    expect(await other.text()).toContain("không được xem đơn vị này");
    expect((await communeAdmin.request("/units/38/report.csv?month=2025-10")).status).toBe(403);
    expect((await admin.request("/units/nope")).status).toBe(404);
  });
});

describe("report downloads", () => {
  it("serves the commune's month as CSV and XLSX with attachment names", async () => {
    const csv = await communeAdmin.request("/units/38-01-01/report.csv?month=2025-10");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="bhyt-38-01-01-2025-10.csv"');
    expect((await csv.text()).trim().split("\r\n").at(-1)).toBe("38-01-01,Xã Ngọc Phụng,8060,7703,95.57,842,10.45,6861,15,49");
    const xlsx = await communeAdmin.request("/units/38-01-01/report.xlsx?month=2025-10");
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it("renders the printable A4 page and answers a bad month with 400", async () => {
    const page = await communeAdmin.request("/units/38-01-01/report?month=2025-10");
    const html = await page.text();
    expect(html).toContain("Báo cáo tiến độ BHYT Xã Ngọc Phụng — tháng 10/2025");
    expect(row(html, "38-01-01").slice(2)).toEqual(["8.060", "7.703", "95,57 %", "842", "10,45 %", "6.861", "15", "49"]);
    expect((await communeAdmin.request("/units/38-01-01/report.csv?month=2025-13")).status).toBe(400);
  });
});
