/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core against the
 * real Node server (createApp + @hono/node-server) on an ephemeral port and a temporary
 * SQLite file seeded with the demo. Screenshots land in test/artifacts/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { ensureFirstAdmin } from "../../src/core/auth/admin-accounts";
import { recordTally } from "../../src/core/tallies/record-tally";
import { adminUnits, officers } from "../../src/db/schema";
import { openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { eq } from "drizzle-orm";
import { createTestProtector, createTestTranslator } from "../helpers/test-db";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");
const NOW = new Date("2025-11-15T03:00:00Z");

let dir: string;
let db: SqliteDb;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
const password = `pw-${crypto.randomUUID()}`;
const consoleErrors: string[] = [];

beforeAll(async () => {
  // Not skipped when missing: a browser test that silently does not run proves nothing (.ci/run installs it).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "bhyt-browser-"));
  db = openSqliteDb(join(dir, "bhyt.sqlite"));
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  await ensureFirstAdmin(db, { username: "admin", password });
  const [village] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "38-01-01-02"));
  const [lan] = await db.orm.insert(officers).values({ displayName: "Chị Lan", role: "collector", scopeUnitId: village!.parentId! }).returning();
  await recordTally(db, { officerId: lan!.id, channel: "telegram", originalText: null, date: "2025-11-15", entries: [{ unitId: village!.id, group: "GD", indicator: "bhyt", count: 12 }], mode: "add", now: NOW });
  const app = createApp({ config: parseConfig({}), db, logger: createLogger({ level: "error" }), t: createTestTranslator(), protector, now: () => NOW });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
  page = await (await browser.newContext({ acceptDownloads: true, locale: "vi-VN" })).newPage();
  // CSP violations and script errors show up here.
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe("dashboard in Chromium", () => {
  it("signs in through the form and walks province → district → commune", async () => {
    await page.goto(`${base}/units/38-01-01`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await shot("01-login");
    await page.fill('input[name="username"]', "admin");
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForURL(`${base}/units/38-01-01`), page.click('button[type="submit"]')]);
    await page.goto(`${base}/`);
    await page.click('a[href="/units/38"]');
    await page.click('a[href="/units/38-01"]');
    await Promise.all([page.waitForURL(`${base}/units/38-01-01`), page.click('a[href="/units/38-01-01"]')]);
  }, 60_000);

  it("shows Ngọc Phụng's seven villages, 8.060 / 7.703 / 95,57 % and who reported", async () => {
    expect(await page.locator("h1").textContent()).toBe("Xã Ngọc Phụng");
    expect(await page.locator('table.progress tr[data-unit^="38-01-01-"]').count()).toBe(7);
    const total = page.locator('table.progress tr.total[data-unit="38-01-01"]');
    expect(await total.locator("td.population").textContent()).toBe("8.060");
    expect(await total.locator("td.target").textContent()).toBe("7.703");
    expect(await total.locator("td.target-rate").textContent()).toBe("95,57 %");
    expect(await total.locator("td.insured").textContent()).toBe("12");
    expect(await page.locator("figure.chart svg").count()).toBe(1);
    expect(await page.locator("section.recent").textContent()).toMatch(/Chị Lan.*Telegram/);
    await shot("02-ngoc-phung");
  }, 30_000);

  it("downloads the monthly report as CSV and XLSX with the page's figures", async () => {
    await page.fill('input[name="month"]', "2025-11");
    const csvLink = page.locator('a.download[href$=".csv?month=2025-11"]');
    const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(csv.suggestedFilename()).toBe("bhyt-38-01-01-2025-11.csv");
    const lines = readFileSync(await csv.path()).toString("utf8").trim().split("\r\n");
    expect(lines.at(-1)).toBe("38-01-01,Xã Ngọc Phụng,8060,7703,95.57,12,0.15,7691,12,12");
    expect(lines).toHaveLength(9);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.locator('a.download[href$=".xlsx?month=2025-11"]').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as never);
    expect(book.worksheets[0]!.getRow(9).values).toEqual([undefined, "38-01-01", "Xã Ngọc Phụng", 8060, 7703, 95.57, 12, 0.15, 7691, 12, 12]);
  }, 30_000);

  it("prints the A4 report page and switches to English", async () => {
    await Promise.all([page.waitForURL(/\/report\?month=2025-11/), page.click('form[action$="/report"] button')]);
    expect(await page.locator("h1").textContent()).toBe("Báo cáo tiến độ BHYT Xã Ngọc Phụng — tháng 11/2025");
    await shot("03-report");
    await page.pdf({ path: join(ARTIFACTS, "03-report.pdf"), format: "A4" });
    await page.click('a[hreflang="en"]');
    expect(await page.locator("h1").textContent()).toContain("BHYT progress report");
    await shot("04-report-en");
    expect(consoleErrors).toEqual([]);
  }, 30_000);

  it("fits a phone screen: no page wider than 375 px, at desktop width too", async () => {
    // The signed-in session of the walk above, in a phone-sized window.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "vi-VN", deviceScaleFactor: 2 });
    await phone.addCookies(await page.context().cookies());
    const small = await phone.newPage();
    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    await wide.addCookies(await page.context().cookies());
    const large = await wide.newPage();
    for (const [name, path] of [["overview", "/"], ["commune", "/units/38-01-01"], ["report", "/units/38-01-01/report?month=2025-11"], ["roster", "/units/38-01-01/roster"], ["campaigns", "/campaigns"]] as const) {
      for (const [label, p, width] of [["phone", small, 375], ["desktop", large, 1280]] as const) {
        await p.goto(`${base}${path}`);
        expect(new URL(p.url()).pathname, `${path} (${label})`).toBe(path.split("?")[0]);
        const scrollWidth = (await p.evaluate("document.documentElement.scrollWidth")) as number;
        expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${width} px ${label} screen`).toBeLessThanOrEqual(width);
        await p.screenshot({ path: join(ARTIFACTS, `05-${label}-${name}.png`), fullPage: true });
      }
    }
    await phone.close();
    await wide.close();
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
