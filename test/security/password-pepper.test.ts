import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../../src/core/auth/password-hash";
import { adminAccounts } from "../../src/db/schema";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { CookieJar, addAccount, createDashboardApp } from "../helpers/dashboard";
import { createTestDb } from "../helpers/test-db";
import { createCliRunner } from "../helpers/run-cli";

// A stolen database (or backup) alone must not let anyone test password guesses offline: with
// PASSWORD_PEPPER every hash mixes in a secret that lives outside the database.
const PEPPER = "pepper-kept-outside-the-database-0123456789";
const PASSWORD = "mat-khau-rat-dai-1";

describe("PASSWORD_PEPPER", () => {
  it("a peppered hash does not verify without the pepper or with another one", async () => {
    const stored = await hashPassword(PASSWORD, 1000, PEPPER);
    expect(stored.startsWith("pbkdf2-sha256-hmac$")).toBe(true);
    expect(await verifyPassword(PASSWORD, stored, PEPPER)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored, `${PEPPER}x`)).toBe(false);
  });

  it("an account hashed before the pepper still signs in, and its hash is upgraded then", async () => {
    const db = createTestDb();
    await addAccount(db, "admin", PASSWORD);
    const app = await createDashboardApp(db, new Date(), [], { PASSWORD_PEPPER: PEPPER });
    expect((await new CookieJar(app).login("admin", PASSWORD)).status).toBe(303);
    const [row] = await db.orm.select().from(adminAccounts).where(eq(adminAccounts.username, "admin"));
    expect(row!.passwordHash.startsWith("pbkdf2-sha256-hmac$")).toBe(true);
    expect(await verifyPassword(PASSWORD, row!.passwordHash)).toBe(false);
    expect((await new CookieJar(app).login("admin", PASSWORD)).status).toBe(303);
    expect((await new CookieJar(app).login("admin", "wrong-password-00")).status).toBe(401);
  });

  it("bhyt admin create and reset-password hash with the pepper", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bhyt-pepper-"));
    const env = { DATABASE_PATH: join(dir, "cli.sqlite"), LOG_LEVEL: "error", PASSWORD_PEPPER: PEPPER };
    const cli = createCliRunner(env);
    const created = await cli("admin", "create", "xa-mau", "--json");
    expect(created.code).toBe(0);
    const db = openSqliteDb(env.DATABASE_PATH);
    try {
      const hashOf = async () => (await db.orm.select().from(adminAccounts).where(eq(adminAccounts.username, "xa-mau")))[0]!.passwordHash;
      expect(await verifyPassword(created.last.password as string, await hashOf(), PEPPER)).toBe(true);
      expect(await verifyPassword(created.last.password as string, await hashOf())).toBe(false);
      const reset = await cli("admin", "reset-password", "xa-mau", "--json");
      expect(await verifyPassword(reset.last.password as string, await hashOf(), PEPPER)).toBe(true);
    } finally {
      db.close();
    }
  });
});
