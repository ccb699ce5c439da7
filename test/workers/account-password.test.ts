import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeOwnPassword, listAccounts, resetPassword } from "../../src/core/auth/account-maintenance";
import { recordSession, sessionActive } from "../../src/core/auth/admin-sessions";
import { hashPassword, verifyPassword } from "../../src/core/auth/password-hash";
import { adminAccounts, auditLog } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";

const NOW = new Date("2025-11-15T03:00:00Z");
const later = new Date(NOW.getTime() + 3_600_000);

describe("account passwords on D1 (workerd)", () => {
  it("changes a password keeping this session, resets one ending all, and lists last sign-ins", async () => {
    const db = createD1Db(env.DB);
    const [account] = await db.orm.insert(adminAccounts).values({ username: "d1-user", passwordHash: await hashPassword("mat-khau-cu-rat-dai", 1000) }).returning();
    for (const token of ["here", "there"]) await recordSession(db, { token, accountId: account!.id, now: NOW, expiresAt: later });

    const changed = await changeOwnPassword(db, { account: account!, current: "mat-khau-cu-rat-dai", next: "mat-khau-moi-rat-dai", confirm: "mat-khau-moi-rat-dai", sessionToken: "here", now: NOW });
    expect(changed.sessionsEnded).toBe(1);
    expect([await sessionActive(db, "here", account!.id, NOW), await sessionActive(db, "there", account!.id, NOW)]).toEqual([true, false]);

    const reset = await resetPassword(db, { username: "D1-USER", password: "mat-khau-dat-lai-dai", now: NOW });
    expect(reset.sessionsEnded).toBe(1);
    expect(await sessionActive(db, "here", account!.id, NOW)).toBe(false);
    const [row] = await db.orm.select().from(adminAccounts).where(eq(adminAccounts.id, account!.id));
    expect(await verifyPassword("mat-khau-dat-lai-dai", row!.passwordHash)).toBe(true);

    await db.orm.insert(auditLog).values({ at: NOW, actorKind: "admin", actorId: String(account!.id), action: "dashboard.login", subjectKind: "admin_login", subjectId: "d1-user" });
    expect((await listAccounts(db)).find((a) => a.username === "d1-user")).toEqual({ username: "d1-user", scopeCode: null, scopeName: null, disabled: false, lastSignInAt: NOW });
  });
});
