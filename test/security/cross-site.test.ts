import { beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../src/app";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { CookieJar, addAccount, createDashboardApp } from "../helpers/dashboard";
import { createTestDb } from "../helpers/test-db";

// A page on another site that knows (or planted) the CSRF token still cannot post to the
// dashboard: hono/csrf reads the browser's Origin and Sec-Fetch-Site beside the form token.
const PASSWORD = "mat-khau-rat-dai-1";
let db: SqliteDb;
let app: App;

beforeEach(async () => {
  db = createTestDb();
  app = await createDashboardApp(db, new Date(), [], { PUBLIC_URL: "https://bhyt.example.vn" });
  await addAccount(db, "admin", PASSWORD);
});

describe("cross-site requests to the dashboard", () => {
  it("refuses a sign-in posted from another site even with the right token and password", async () => {
    const jar = new CookieJar(app);
    expect((await jar.login("admin", PASSWORD, { origin: "https://evil.example" })).status).toBe(403);
    expect((await jar.login("admin", PASSWORD, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(jar.cookies.has("bhyt_session")).toBe(false);
  });

  it("accepts our own origin, the public URL's origin behind a proxy, and clients that send neither header", async () => {
    expect((await new CookieJar(app).login("admin", PASSWORD, { origin: "http://localhost" })).status).toBe(303);
    expect((await new CookieJar(app).login("admin", PASSWORD, { origin: "https://bhyt.example.vn", "sec-fetch-site": "same-origin" })).status).toBe(303);
    expect((await new CookieJar(app).login("admin", PASSWORD)).status).toBe(303);
  });

  it("sends HSTS, COOP and CORP with the no-script policy on every page", async () => {
    const res = await app.request("/login");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});
