import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { createCliRunner } from "../helpers/run-cli";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { adminAccounts, adminSessions, auditLog } from "../../src/db/schema";
import { verifyPassword } from "../../src/core/auth/password-hash";

const ROOT = resolve(import.meta.dirname, "../..");
const env = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "bhyt-admin-")), "cli.sqlite"), LOG_LEVEL: "error" };
const cli = createCliRunner(env);

async function withDb<T>(fn: (db: ReturnType<typeof openSqliteDb>) => Promise<T>): Promise<T> {
  const db = openSqliteDb(env.DATABASE_PATH);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const account = (username: string) => withDb(async (db) => (await db.orm.select().from(adminAccounts).where(eq(adminAccounts.username, username)))[0]!);

async function openSessions(accountId: number, n: number): Promise<void> {
  const now = Date.now();
  await withDb(async (db) => {
    for (let i = 0; i < n; i++) {
      await db.orm.insert(adminSessions).values({ id: `s-${accountId}-${i}-${now}`, accountId, createdAt: new Date(now), expiresAt: new Date(now + 3_600_000), lastSeenAt: new Date(now) });
    }
  });
}

beforeAll(async () => {
  expect((await cli("db", "seed-demo", "--json")).code).toBe(0);
}, 60_000);

describe("bhyt admin", () => {
  it("lists nothing before an account exists, then creates one with a generated password shown once", async () => {
    expect((await cli("admin", "list", "--json")).last).toEqual({ ok: true, accounts: [] });
    const created = await cli("admin", "create", "Chu-Tich", "--scope", "Ngọc Phụng", "--json");
    expect(created.code).toBe(0);
    expect(created.last).toMatchObject({ ok: true, username: "chu-tich", scope: "38-01-01" });
    expect(created.last.password).toMatch(/^[\w-]{24}$/);
    expect(await verifyPassword(created.last.password, (await account("chu-tich")).passwordHash)).toBe(true);
    const text = await cli("admin", "create", "can-bo", "--lang", "en");
    expect(text.code).toBe(0);
    expect(text.lines.join("\n")).toMatch(/Account can-bo created, scope: Whole country\.\nPassword of can-bo \(shown this once, stored nowhere else\):\n {2}[\w-]{24}$/);
  });

  it("refuses a taken username, a bad one, an unknown scope and a missing name with exit 2", async () => {
    for (const argv of [["chu-tich"], ["a b"], ["xa-khac", "--scope", "99-99-99"], []]) {
      const res = await cli("admin", "create", ...argv, "--json");
      expect([argv, res.code, res.last.ok]).toEqual([argv, 2, false]);
    }
    expect((await cli("admin", "create", "chu-tich", "--json")).last.error.message).toBe("Tên đăng nhập chu-tich đã có.");
  });

  it("lists username, scope, status and last sign-in, never a hash", async () => {
    const id = (await account("chu-tich")).id;
    const at = new Date("2026-01-02T03:04:00Z");
    await withDb((db) => db.orm.insert(auditLog).values({ at, actorKind: "admin", actorId: String(id), action: "dashboard.login", subjectKind: "admin_login", subjectId: "chu-tich" }));
    const { last, lines } = await cli("admin", "list", "--json");
    expect(last.accounts).toEqual([
      { username: "can-bo", scope: null, scopeName: null, disabled: false, lastSignInAt: null },
      { username: "chu-tich", scope: "38-01-01", scopeName: "Ngọc Phụng", disabled: false, lastSignInAt: at.toISOString() },
    ]);
    expect(lines.join("\n")).not.toMatch(/pbkdf2|\$/);
    const text = (await cli("admin", "list")).lines.join("\n");
    expect(text).toContain("chu-tich | Ngọc Phụng (38-01-01) | Đang hoạt động | đăng nhập gần nhất: 02/01/2026, 10:04");
    expect(text).toContain("can-bo | Toàn quốc | Đang hoạt động | đăng nhập gần nhất: chưa đăng nhập");
  });

  it("reset-password sets a new generated password and signs out every session of that account only", async () => {
    const target = await account("chu-tich");
    const other = await account("can-bo");
    await openSessions(target.id, 2);
    await openSessions(other.id, 1);
    const res = await cli("admin", "reset-password", "CHU-TICH", "--json");
    expect(res.code).toBe(0);
    expect(res.last).toMatchObject({ ok: true, username: "chu-tich", sessionsEnded: 2, disabled: false });
    const after = await account("chu-tich");
    expect(await verifyPassword(res.last.password, after.passwordHash)).toBe(true);
    expect(after.passwordHash).not.toBe(target.passwordHash);
    const sessions = await withDb((db) => db.orm.select().from(adminSessions));
    expect(sessions.filter((s) => s.accountId === target.id).every((s) => s.revokedAt !== null)).toBe(true);
    expect(sessions.filter((s) => s.accountId === other.id).every((s) => s.revokedAt === null)).toBe(true);
    const audit = await withDb((db) => db.orm.select().from(auditLog).where(eq(auditLog.action, "account.password_reset")));
    expect(audit).toMatchObject([{ actorKind: "cli", subjectId: String(target.id), details: { sessionsEnded: 2 } }]);
    expect(JSON.stringify(audit)).not.toContain(res.last.password);
  });

  it("reset-password names an unknown account and says a disabled one stays disabled unless --enable", async () => {
    const unknown = await cli("admin", "reset-password", "nobody", "--json");
    expect([unknown.code, unknown.last.error.message]).toEqual([2, "Không có tài khoản nobody. Xem các tài khoản: npx bhyt admin list"]);
    await withDb((db) => db.orm.update(adminAccounts).set({ status: "disabled" }).where(eq(adminAccounts.username, "can-bo")));
    const still = await cli("admin", "reset-password", "can-bo");
    expect(still.lines.join("\n")).toContain("Tài khoản này đang bị khóa: thêm --enable để mở khóa.");
    expect((await account("can-bo")).status).toBe("disabled");
    expect((await cli("admin", "reset-password", "can-bo", "--enable", "--json")).last).toMatchObject({ ok: true, disabled: false });
    expect((await account("can-bo")).status).toBe("active");
  });

  it("--password-stdin reads the first line of standard input and never prints it", () => {
    const run = (input: string) =>
      spawnSync(process.execPath, [join(ROOT, "src/cli/bhyt.mjs"), "admin", "reset-password", "chu-tich", "--password-stdin", "--json"], { input, env: { ...process.env, ...env }, encoding: "utf8" });
    const ok = run("mot-mat-khau-dai-du\nthe rest is ignored\n");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split("\n").at(-1)!)).toEqual({ ok: true, username: "chu-tich", sessionsEnded: 0, disabled: false });
    expect(ok.stdout + ok.stderr).not.toContain("mot-mat-khau");
    return account("chu-tich").then(async (a) => {
      expect(await verifyPassword("mot-mat-khau-dai-du", a.passwordHash)).toBe(true);
      const short = run("ngan\n");
      expect([short.status, JSON.parse(short.stdout.trim()).error.message]).toEqual([2, "Mật khẩu cần ít nhất 12 ký tự."]);
      expect(run("").status).toBe(2);
    });
  }, 60_000);
});
