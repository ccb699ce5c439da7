import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

/**
 * Failures allowed per username and address within the window; past `perUsername` failures
 * from anywhere the username is only checked once per `slowCheckMs` (not locked: its owner,
 * from an address that has not failed, still gets in).
 */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAddress: 5, perUsername: 20, slowCheckMs: 10_000 } as const;
const ACTION = "dashboard.login_failed";

export interface LoginAttempt {
  username: string;
  /** The client address as far as we can tell; "unknown" without a proxy header. */
  address: string;
  now: Date;
  requestId?: string;
}

/** `address`: this address failed too often (refused for the window); `slow`: the username is under attack, try in a few seconds. */
export type LoginBlock = "open" | "address" | "slow";

/**
 * Failed sign-ins are counted from `audit_log` (no extra table, and they are audited anyway).
 * Addresses are trustworthy only behind TRUSTED_PROXIES (see client-address.ts), so a blocked
 * address is the attacker's; a username attacked from many addresses is slowed, never locked,
 * so 20 bad tries cannot keep `admin` out.
 */
export async function loginBlocked(db: Db, attempt: LoginAttempt): Promise<LoginBlock> {
  const since = new Date(attempt.now.getTime() - LOGIN_LIMITS.windowMs);
  const [row] = await db.orm
    .select({ total: sql<number>`count(*)`, fromAddress: sql<number>`coalesce(sum(${auditLog.actorId} = ${attempt.address}), 0)`, last: sql<number | null>`max(${auditLog.at})` })
    .from(auditLog)
    .where(and(eq(auditLog.subjectKind, "admin_login"), eq(auditLog.subjectId, attempt.username), eq(auditLog.action, ACTION), gte(auditLog.at, since)));
  if ((row?.fromAddress ?? 0) >= LOGIN_LIMITS.perAddress) return "address";
  const recent = row?.last != null && attempt.now.getTime() - Number(row.last) < LOGIN_LIMITS.slowCheckMs;
  return (row?.total ?? 0) >= LOGIN_LIMITS.perUsername && recent ? "slow" : "open";
}

/**
 * At most `perSecond` password checks a second in this process: PBKDF2 costs ~50 ms of CPU,
 * and a sign-in flood must not take the CPU the webhooks need. Past it: "busy, try again".
 */
export function createLoginRateGate(perSecond: number) {
  let second = -1;
  let used = 0;
  return function admit(now: Date): boolean {
    const s = Math.floor(now.getTime() / 1000);
    if (s !== second) {
      second = s;
      used = 0;
    }
    if (used >= perSecond) return false;
    used += 1;
    return true;
  };
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

/**
 * Records a successful sign-in (who and from where), for the audit trail. The actor is the
 * username, as in every other dashboard action ("admin: admin" in the log), not the account id.
 */
export async function recordLogin(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: attempt.now,
    actorKind: "admin",
    actorId: attempt.username,
    action: "dashboard.login",
    subjectKind: "admin_login",
    subjectId: attempt.username,
    details: { address: attempt.address },
    requestId: attempt.requestId ?? null,
  });
}
