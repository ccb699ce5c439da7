import { and, asc, count, eq, gt, isNull, max, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminAccounts, adminSessions, adminUnits, auditLog } from "../../db/schema";
import { AppError } from "../../errors";
import { MIN_PASSWORD_LENGTH } from "./account-admin";
import { findAdminByUsername, normaliseUsername, type AdminAccount } from "./admin-accounts";
import { sessionId } from "./admin-sessions";
import { hashPassword, verifyPassword } from "./password-hash";

export interface AccountListing {
  username: string;
  scopeCode: string | null;
  scopeName: string | null;
  disabled: boolean;
  /** The latest successful sign-in (`dashboard.login` in the audit log); null when never. */
  lastSignInAt: Date | null;
}

/** Every dashboard account for `bhyt admin list`: never the hash, only what an operator needs. */
export async function listAccounts(db: Db): Promise<AccountListing[]> {
  // Sessions are pruned, the audit log is not. Keyed by the subject (the username): the actor was
  // the account id in entries written before 2026-12, and is the username since.
  const logins = db.orm
    .select({ username: auditLog.subjectId, at: max(auditLog.at).as("at") })
    .from(auditLog)
    .where(and(eq(auditLog.action, "dashboard.login"), eq(auditLog.subjectKind, "admin_login")))
    .groupBy(auditLog.subjectId)
    .as("logins");
  const rows = await db.orm
    .select({ username: adminAccounts.username, status: adminAccounts.status, code: adminUnits.code, name: adminUnits.name, at: logins.at })
    .from(adminAccounts)
    .leftJoin(adminUnits, eq(adminUnits.id, adminAccounts.scopeUnitId))
    .leftJoin(logins, eq(logins.username, adminAccounts.username))
    .orderBy(asc(adminAccounts.username));
  return rows.map((r) => ({
    username: r.username,
    scopeCode: r.code,
    scopeName: r.name,
    disabled: r.status === "disabled",
    lastSignInAt: r.at === null || r.at === undefined ? null : new Date(r.at as unknown as number),
  }));
}

function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError("bad_request", "dash-account-short-password", { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) throw new AppError("bad_request", "account-password-too-long", { max: MAX_PASSWORD_LENGTH });
}

export const MAX_PASSWORD_LENGTH = 256;

/**
 * The new hash, the end of the account's other sessions and the audit entry in one atomic
 * step: a password changed while an old session lives on would defeat the change.
 */
async function setPassword(db: Db, input: { accountId: number; password: string; pepper?: string; enable?: boolean; keepSessionId?: string; now: Date; audit: { actorKind: "admin" | "cli"; actorId: string; action: string } }): Promise<number> {
  const live = and(
    eq(adminSessions.accountId, input.accountId),
    isNull(adminSessions.revokedAt),
    gt(adminSessions.expiresAt, input.now),
    input.keepSessionId === undefined ? undefined : ne(adminSessions.id, input.keepSessionId),
  );
  const [ending] = await db.orm.select({ n: count() }).from(adminSessions).where(live);
  const passwordHash = await hashPassword(input.password, undefined, input.pepper);
  await db.atomic([
    (tx) => tx.update(adminAccounts).set({ passwordHash, updatedAt: input.now, ...(input.enable ? { status: "active" as const } : {}) }).where(eq(adminAccounts.id, input.accountId)),
    (tx) => tx.update(adminSessions).set({ revokedAt: input.now }).where(live),
    (tx) =>
      tx.insert(auditLog).values({ at: input.now, ...input.audit, subjectKind: "admin_account", subjectId: String(input.accountId), details: { sessionsEnded: ending?.n ?? 0 } }),
  ]);
  return ending?.n ?? 0;
}

/**
 * Sets a new password for `username` (the operator's way back in: `bhyt admin reset-password`)
 * and ends every session of the account, in case the old password was the reason. `enable`
 * also lifts a disable (two national accounts can disable each other and lock everyone out).
 */
export async function resetPassword(db: Db, input: { username: string; password: string; pepper?: string; enable?: boolean; now: Date }): Promise<{ account: AdminAccount; sessionsEnded: number }> {
  const account = await findAdminByUsername(db, input.username);
  if (!account) throw new AppError("not_found", "account-not-found", { username: normaliseUsername(input.username) });
  checkNewPassword(input.password);
  const sessionsEnded = await setPassword(db, { accountId: account.id, password: input.password, pepper: input.pepper, enable: input.enable, now: input.now, audit: { actorKind: "cli", actorId: "cli", action: "account.password_reset" } });
  return { account: input.enable ? { ...account, status: "active" } : account, sessionsEnded };
}

/**
 * A signed-in user changes their own password: the current one must be right, the new one
 * typed twice. Every other session of the account ends; the one making the change stays.
 */
export async function changeOwnPassword(
  db: Db,
  input: { account: AdminAccount; current: string; next: string; confirm: string; sessionToken: string; now: Date; pepper?: string },
): Promise<{ sessionsEnded: number }> {
  if (!(await verifyPassword(input.current, input.account.passwordHash, input.pepper))) throw new AppError("bad_request", "account-password-wrong-current");
  if (input.next !== input.confirm) throw new AppError("bad_request", "account-password-mismatch");
  checkNewPassword(input.next);
  if (input.next === input.current) throw new AppError("bad_request", "account-password-unchanged");
  const sessionsEnded = await setPassword(db, {
    accountId: input.account.id,
    password: input.next,
    pepper: input.pepper,
    keepSessionId: await sessionId(input.sessionToken),
    now: input.now,
    audit: { actorKind: "admin", actorId: input.account.username, action: "account.password_changed" },
  });
  return { sessionsEnded };
}

/**
 * After a successful sign-in with a hash made before PASSWORD_PEPPER was set: the same password,
 * hashed again with the pepper. The account's sessions stay (the password did not change).
 */
export async function upgradePasswordHash(db: Db, input: { accountId: number; password: string; pepper: string; now: Date }): Promise<void> {
  const passwordHash = await hashPassword(input.password, undefined, input.pepper);
  await db.orm.update(adminAccounts).set({ passwordHash, updatedAt: input.now }).where(eq(adminAccounts.id, input.accountId));
}
