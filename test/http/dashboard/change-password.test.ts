import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { App } from "../../../src/app";
import { adminAccounts, auditLog } from "../../../src/db/schema";
import { verifyPassword } from "../../../src/core/auth/password-hash";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb } from "../../helpers/test-db";
import { CookieJar, createDashboardApp, signedIn } from "../../helpers/dashboard";

const NOW = new Date("2025-11-15T03:00:00Z");
const OLD = "mat-khau-cu-rat-dai";
const NEW = "mat-khau-moi-rat-dai";
let db: SqliteDb;
let app: App;
let lines: string[];

beforeEach(async () => {
  db = createTestDb();
  lines = [];
  app = await createDashboardApp(db, NOW, lines);
});

const change = async (jar: CookieJar, fields: { current: string; next: string; confirm?: string }) =>
  jar.post("/account/password", { current: fields.current, next: fields.next, confirm: fields.confirm ?? fields.next, _csrf: await jar.csrf() });
const hash = async () => (await db.orm.select().from(adminAccounts).where(eq(adminAccounts.username, "xa-ngoc-phung")))[0]!.passwordHash;

describe("the change-password page", () => {
  it("is behind sign-in, in Vietnamese, with the CSRF field and three password inputs", async () => {
    const visitor = new CookieJar(app);
    expect((await visitor.request("/account/password")).headers.get("location")).toBe("/login?next=%2Faccount%2Fpassword");
    const jar = await signedIn(app, db, "xa-ngoc-phung", OLD);
    const html = await (await jar.request("/account/password")).text();
    expect(html).toContain("<h1>Đổi mật khẩu</h1>");
    expect(html).toContain("Mật khẩu mới (ít nhất 12 ký tự)");
    expect(html).toContain(`name="_csrf" value="${jar.cookies.get("bhyt_csrf")}"`);
    expect(html.match(/type="password"/g)).toHaveLength(3);
    expect(await (await jar.request("/admin")).text()).toContain(`href="/account/password"`);
  });

  it("changes the password and signs out the account's other sessions, keeping this one", async () => {
    const here = await signedIn(app, db, "xa-ngoc-phung", OLD);
    // A second browser a second later (same millisecond and account would be the same cookie).
    const elsewhere = new CookieJar(await createDashboardApp(db, new Date(NOW.getTime() + 1000)));
    await elsewhere.login("xa-ngoc-phung", OLD);
    expect((await elsewhere.request("/")).status).toBe(200);
    const res = await change(here, { current: OLD, next: NEW });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Đã đổi mật khẩu. 1 phiên đăng nhập khác đã bị đăng xuất.");
    expect(await verifyPassword(NEW, await hash())).toBe(true);
    expect((await here.request("/")).status).toBe(200);
    expect((await elsewhere.request("/")).headers.get("location")).toBe("/login?next=%2F");
    expect((await new CookieJar(app).login("xa-ngoc-phung", OLD)).status).toBe(401);
    expect((await new CookieJar(app).login("xa-ngoc-phung", NEW)).status).toBe(303);
    const audit = await db.orm.select().from(auditLog).where(eq(auditLog.action, "account.password_changed"));
    expect(audit).toMatchObject([{ actorKind: "admin", actorId: "xa-ngoc-phung", details: { sessionsEnded: 1 } }]);
    expect(JSON.stringify(await db.orm.select().from(auditLog)) + lines.join("\n")).not.toMatch(/mat-khau/);
  });

  it("refuses a wrong current password, two different new ones, a short one and the same one, changing nothing", async () => {
    const jar = await signedIn(app, db, "xa-ngoc-phung", OLD);
    const before = await hash();
    const cases: [Parameters<typeof change>[1], string][] = [
      [{ current: "sai-mat-khau-hien-tai", next: NEW }, "Mật khẩu hiện tại không đúng."],
      [{ current: OLD, next: NEW, confirm: NEW + "x" }, "Hai lần nhập mật khẩu mới không khớp nhau."],
      [{ current: OLD, next: "ngan-qua" }, "Mật khẩu cần ít nhất 12 ký tự."],
      [{ current: OLD, next: OLD }, "Mật khẩu mới phải khác mật khẩu hiện tại."],
    ];
    for (const [fields, message] of cases) {
      const res = await change(jar, fields);
      const html = await res.text();
      expect([res.status, html.includes(message)]).toEqual([400, true]);
      expect(html).not.toContain(fields.current);
    }
    expect(await hash()).toBe(before);
  });

  it("needs the CSRF token", async () => {
    const jar = await signedIn(app, db, "xa-ngoc-phung", OLD);
    const res = await jar.post("/account/password", { current: OLD, next: NEW, confirm: NEW, _csrf: "forged-token-forged-token-forged-token" });
    expect(res.status).toBe(403);
    expect(await verifyPassword(OLD, await hash())).toBe(true);
  });

  it("counts wrong current passwords as failed sign-ins: the sixth try is refused even with the right one", async () => {
    const jar = await signedIn(app, db, "xa-ngoc-phung", OLD);
    for (let i = 0; i < 5; i++) expect((await change(jar, { current: `sai-mat-khau-${i}-dai`, next: NEW })).status).toBe(400);
    const blocked = await change(jar, { current: OLD, next: NEW });
    expect(blocked.status).toBe(429);
    expect(await verifyPassword(OLD, await hash())).toBe(true);
  });
});
