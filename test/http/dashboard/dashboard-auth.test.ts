import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { adminAccounts, auditLog } from "../../../src/db/schema";
import type { App } from "../../../src/app";
import { ensureFirstAdmin } from "../../../src/core/auth/admin-accounts";
import { listAccounts } from "../../../src/core/auth/account-maintenance";
import { verifyPassword } from "../../../src/core/auth/password-hash";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";
import { CookieJar, addAccount, createDashboardApp } from "../../helpers/dashboard";

const NOW = new Date("2025-11-15T03:00:00Z");
let db: SqliteDb;
let app: App;
let lines: string[];

beforeEach(async () => {
  db = createTestDb();
  lines = [];
  app = await createDashboardApp(db, NOW, lines);
  await addAccount(db, "admin", "mat-khau-rat-dai-1");
});

describe("dashboard sign-in", () => {
  it("renders the form in Vietnamese with a CSRF field and security headers", async () => {
    const jar = new CookieJar(app);
    const res = await jar.request("/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Đăng nhập");
    expect(html).toContain(`name="_csrf" value="${jar.cookies.get("bhyt_csrf")}"`);
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("content-security-policy")).not.toMatch(/script-src|unsafe-inline/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(html).not.toMatch(/<script|style=/);
  });

  it("sends visitors without a session to /login and back after signing in", async () => {
    const jar = new CookieJar(app);
    const res = await jar.request("/units/38-01-01");
    expect([res.status, res.headers.get("location")]).toEqual([303, "/login?next=%2Funits%2F38-01-01"]);
    const login = await jar.post("/login", { username: "Admin", password: "mat-khau-rat-dai-1", _csrf: await jar.csrf(), next: "/units/38-01-01" });
    expect([login.status, login.headers.get("location")]).toEqual([303, "/units/38-01-01"]);
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/bhyt_session=v1\.\d+\.\d+\.[\w-]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/bhyt_session=[^,]*Secure/);
    expect((await jar.request("/")).status).toBe(200);
  });

  it("marks cookies Secure over HTTPS", async () => {
    const jar = new CookieJar(app);
    await jar.request("https://dash.example/login");
    const res = await jar.request("https://dash.example/login", {
      method: "POST",
      body: new URLSearchParams({ username: "admin", password: "mat-khau-rat-dai-1", _csrf: jar.cookies.get("bhyt_csrf")! }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.headers.get("set-cookie")).toMatch(/bhyt_session=[^,]*; Secure/);
  });

  it("refuses a POST without the matching CSRF token", async () => {
    const jar = new CookieJar(app);
    await jar.csrf();
    const res = await jar.post("/login", { username: "admin", password: "mat-khau-rat-dai-1", _csrf: "forged-token-forged-token-forged-token" });
    expect(res.status).toBe(403);
    expect(jar.cookies.has("bhyt_session")).toBe(false);
    const noCookie = await app.request("/login", { method: "POST", body: new URLSearchParams({ username: "admin", password: "x", _csrf: "" }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(noCookie.status).toBe(403);
  });

  it("says the same for an unknown user and a wrong password, and audits without the password", async () => {
    const jar = new CookieJar(app);
    const wrong = await jar.login("admin", "sai-mat-khau-123");
    const unknown = await jar.login("nobody", "sai-mat-khau-123");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.text()).toContain("Sai tên đăng nhập hoặc mật khẩu.");
    const audit = await db.orm.select().from(auditLog).where(eq(auditLog.action, "dashboard.login_failed"));
    expect(audit.map((a) => a.subjectId)).toEqual(["admin", "nobody"]);
    expect(JSON.stringify(audit) + lines.join("\n")).not.toContain("sai-mat-khau");
  });

  it("audits a sign-in under the username, as every other dashboard action, and lists it as the last sign-in", async () => {
    const jar = new CookieJar(app);
    expect((await jar.login("Admin", "mat-khau-rat-dai-1")).status).toBe(303);
    const [login] = await db.orm.select().from(auditLog).where(eq(auditLog.action, "dashboard.login"));
    // It said "admin: 1" (the account id) in /admin/audit.
    expect(login).toMatchObject({ actorKind: "admin", actorId: "admin", subjectId: "admin" });
    expect((await listAccounts(db)).find((a) => a.username === "admin")?.lastSignInAt).toEqual(NOW);
  });

  it("throttles after five failures per username and address, even with the right password", async () => {
    const jar = new CookieJar(app);
    const from = (ip: string) => ({ "x-test-peer": ip });
    for (let i = 0; i < 5; i++) expect((await jar.login("admin", `wrong-${i}-password`, from("10.0.0.1"))).status).toBe(401);
    const blocked = await jar.login("admin", "mat-khau-rat-dai-1", from("10.0.0.1"));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("thử lại sau 15 phút");
    // Another address is not blocked by these five.
    expect((await jar.login("admin", "mat-khau-rat-dai-1", from("10.0.0.2"))).status).toBe(303);
  });

  it("signs out with a CSRF-protected POST", async () => {
    const jar = new CookieJar(app);
    await jar.login("admin", "mat-khau-rat-dai-1");
    expect((await jar.post("/logout", { _csrf: "wrong" })).status).toBe(403);
    const out = await jar.post("/logout", { _csrf: await jar.csrf() });
    expect([out.status, out.headers.get("location")]).toEqual([303, "/login"]);
    expect((await jar.request("/")).status).toBe(303);
  });

  it("ends sessions of a disabled account and refuses a forged session cookie", async () => {
    const jar = new CookieJar(app);
    await jar.login("admin", "mat-khau-rat-dai-1");
    await db.orm.update(adminAccounts).set({ status: "disabled" });
    expect((await jar.request("/")).status).toBe(303);
    const forged = new CookieJar(app);
    forged.cookies.set("bhyt_session", "v1.1.99999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await forged.request("/")).status).toBe(303);
  });

  it("never redirects off-site after sign-in", async () => {
    const jar = new CookieJar(app);
    const res = await jar.post("/login", { username: "admin", password: "mat-khau-rat-dai-1", _csrf: await jar.csrf(), next: "//evil.example/x" });
    expect(res.headers.get("location")).toBe("/");
  });
});

describe("first admin account", () => {
  it("is created once, with a generated password when none is configured", async () => {
    const fresh = createTestDb();
    const made = await ensureFirstAdmin(fresh, { username: "Boss" });
    expect(made?.username).toBe("boss");
    expect(made?.generatedPassword).toMatch(/^[\w-]{24}$/);
    const [row] = await fresh.orm.select().from(adminAccounts);
    expect(row!.passwordHash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword(made!.generatedPassword!, row!.passwordHash)).toBe(true);
    expect(await ensureFirstAdmin(fresh, { username: "other", password: "x".repeat(12) })).toBeUndefined();
  });
});
