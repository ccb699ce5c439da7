import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

/** Failures allowed per username and address, and per username from anywhere, within the window. */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAddress: 5, perUsername: 20 } as const;
const ACTION = "dashboard.login_failed";

export interface LoginAttempt {
  username: string;
  /** The client address as far as we can tell; "unknown" without a proxy header. */
  address: string;
  now: Date;
  requestId?: string;
}

/**
 * Failed sign-ins are counted from `audit_log` (no extra table, and they are audited anyway).
 * The per-username cap stops an attacker who forges `X-Forwarded-For` to look like many addresses.
 */
export async function loginBlocked(db: Db, attempt: LoginAttempt): Promise<boolean> {
  const since = new Date(attempt.now.getTime() - LOGIN_LIMITS.windowMs);
  const [row] = await db.orm
    .select({ total: sql<number>`count(*)`, fromAddress: sql<number>`coalesce(sum(${auditLog.actorId} = ${attempt.address}), 0)` })
    .from(auditLog)
    .where(and(eq(auditLog.subjectKind, "admin_login"), eq(auditLog.subjectId, attempt.username), eq(auditLog.action, ACTION), gte(auditLog.at, since)));
  return (row?.fromAddress ?? 0) >= LOGIN_LIMITS.perAddress || (row?.total ?? 0) >= LOGIN_LIMITS.perUsername;
}

/** Records a failed sign-in; the password is never written anywhere. */
export async function recordLoginFailure(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: attempt.now,
    actorKind: "admin",
    actorId: attempt.address,
    action: ACTION,
    subjectKind: "admin_login",
    subjectId: attempt.username,
    requestId: attempt.requestId ?? null,
  });
}

/** Records a successful sign-in (who and from where), for the audit trail. */
export async function recordLogin(db: Db, attempt: LoginAttempt & { accountId: number }): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: attempt.now,
    actorKind: "admin",
    actorId: String(attempt.accountId),
    action: "dashboard.login",
    subjectKind: "admin_login",
    subjectId: attempt.username,
    details: { address: attempt.address },
    requestId: attempt.requestId ?? null,
  });
}
