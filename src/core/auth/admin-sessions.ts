import { and, desc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminSessions, type AdminSession } from "../../db/schema";

/** lastSeenAt is refreshed at most this often: a write per page view would be wasted on D1. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** The stored id of a session cookie: its SHA-256, base64url. */
export async function sessionId(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function recordSession(db: Db, input: { token: string; accountId: number; now: Date; expiresAt: Date; userAgent?: string }): Promise<void> {
  const row = {
    id: await sessionId(input.token),
    accountId: input.accountId,
    createdAt: input.now,
    expiresAt: input.expiresAt,
    lastSeenAt: input.now,
    userAgent: input.userAgent?.slice(0, 160) ?? null,
  };
  // Two sign-ins of one account in the same millisecond get the same cookie: one session.
  await db.orm.insert(adminSessions).values(row).onConflictDoNothing();
}

/**
 * Whether a (validly signed) cookie's session still stands: recorded, not revoked, not
 * expired. A signature alone is not enough, or "end this session" could not work.
 */
export async function sessionActive(db: Db, token: string, accountId: number, now: Date): Promise<boolean> {
  const id = await sessionId(token);
  const [row] = await db.orm.select().from(adminSessions).where(eq(adminSessions.id, id));
  if (!row || row.accountId !== accountId || row.revokedAt || row.expiresAt <= now) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.orm.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.id, id));
  }
  return true;
}

/** Ends one session (sign-out, or an admin revoking it). */
export async function revokeSession(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db.orm.update(adminSessions).set({ revokedAt: now }).where(and(eq(adminSessions.id, id), isNull(adminSessions.revokedAt))).returning({ id: adminSessions.id });
  return rows.length > 0;
}

/** Ends every session of an account (disabled, password changed). */
export async function revokeAccountSessions(db: Db, accountId: number, now: Date): Promise<number> {
  const rows = await db.orm
    .update(adminSessions)
    .set({ revokedAt: now })
    .where(and(eq(adminSessions.accountId, accountId), isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, now)))
    .returning({ id: adminSessions.id });
  return rows.length;
}

/** Sessions still running for these accounts, newest first. */
export async function activeSessions(db: Db, accountIds: number[], now: Date): Promise<AdminSession[]> {
  if (accountIds.length === 0) return [];
  const out: AdminSession[] = [];
  for (let i = 0; i < accountIds.length; i += 90) {
    out.push(
      ...(await db.orm
        .select()
        .from(adminSessions)
        .where(and(inArray(adminSessions.accountId, accountIds.slice(i, i + 90)), isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, now)))
        .orderBy(desc(adminSessions.lastSeenAt))),
    );
  }
  return out;
}

/** Rows of sessions long over; called when someone signs in, so the table stays small. */
export async function pruneSessions(db: Db, now: Date): Promise<void> {
  await db.orm.delete(adminSessions).where(lt(adminSessions.expiresAt, new Date(now.getTime() - 30 * 86_400_000)));
}

/** One stored session by its id (the hash of its token), or undefined. */
export async function sessionById(db: Db, id: string): Promise<AdminSession | undefined> {
  const [session] = await db.orm.select().from(adminSessions).where(eq(adminSessions.id, id));
  return session;
}
