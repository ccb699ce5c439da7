/**
 * The real Node server (createApp + @hono/node-server) on an ephemeral port over a temporary
 * SQLite file seeded with the demo, and Debian's Chromium driven by playwright-core: what
 * the browser tests share. Screenshots go to test/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { createApp } from "../../src/app";
import { ensureFirstAdmin } from "../../src/core/auth/admin-accounts";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { parseConfig } from "../../src/config";
import { openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { createLogger } from "../../src/logger";
import { createTestProtector, createTestTranslator } from "./test-db";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

export interface BrowserDashboard {
  db: SqliteDb;
  base: string;
  page: Page;
  /** Script errors and CSP violations reported by the page. */
  consoleErrors: string[];
  password: string;
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts everything; `prepare` runs on the seeded database before the server starts. */
export async function startBrowserDashboard(input: { now: Date; today: string; prepare?: (db: SqliteDb) => Promise<void> }): Promise<BrowserDashboard> {
  // Not skipped when missing: a browser test that silently does not run proves nothing (.ci/run installs it).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "bhyt-browser-"));
  const db = openSqliteDb(join(dir, "bhyt.sqlite"));
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: input.today });
  const password = `pw-${crypto.randomUUID()}`;
  await ensureFirstAdmin(db, { username: "admin", password });
  await input.prepare?.(db);
  // An SMS gateway is configured (never called: nothing dispatches here), so campaign estimates count SMS parts.
  const config = parseConfig({ SMS_PROVIDER: "smsgate", SMS_USERNAME: "browser-test", SMS_PASSWORD: "browser-test" });
  const app = createApp({ config, db, logger: createLogger({ level: "error" }), t: createTestTranslator(), protector, now: () => input.now });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
  const page = await (await browser.newContext({ acceptDownloads: true, locale: "vi-VN" })).newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  return {
    db,
    base,
    page,
    consoleErrors,
    password,
    shot: (name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
