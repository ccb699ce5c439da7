import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminAccounts, type AdminUnit } from "../../db/schema";
import { hashPassword } from "./password-hash";

export type AdminAccount = typeof adminAccounts.$inferSelect;

export async function findAdminByUsername(db: Db, username: string): Promise<AdminAccount | undefined> {
  const [row] = await db.orm.select().from(adminAccounts).where(eq(adminAccounts.username, normaliseUsername(username)));
  return row;
}

export async function findAdminById(db: Db, id: number): Promise<AdminAccount | undefined> {
  const [row] = await db.orm.select().from(adminAccounts).where(eq(adminAccounts.id, id));
  return row;
}

/** Usernames are compared case-insensitively: "Admin" and "admin" are one account. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

export interface FirstAdminResult {
  username: string;
  /** Set only when the password was generated here: the caller shows it once, it is never stored. */
  generatedPassword?: string;
}

/**
 * Creates the first dashboard account when there is none: with `ADMIN_PASSWORD` if given,
 * else a random one returned for the entry to print once. An existing account is never touched.
 */
export async function ensureFirstAdmin(db: Db, input: { username?: string; password?: string; pepper?: string }): Promise<FirstAdminResult | undefined> {
  const [existing] = await db.orm.select({ n: count() }).from(adminAccounts);
  if ((existing?.n ?? 0) > 0) return undefined;
  const username = normaliseUsername(input.username ?? "admin");
  const generatedPassword = input.password ? undefined : generatePassword();
  const now = new Date();
  await db.orm
    .insert(adminAccounts)
    .values({ username, passwordHash: await hashPassword(input.password ?? generatedPassword!, undefined, input.pepper), scopeUnitId: null, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  return { username, generatedPassword };
}

/** 18 random bytes as base64url: 24 characters, ~144 bits. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * Whether `unit` lies in the subtree of `scopeUnitId` (null scope = the whole country).
 * Walks parents in one recursive query; the depth cap guards against a cycle in bad data.
 */
export async function unitInScope(db: Db, unit: Pick<AdminUnit, "id">, scopeUnitId: number | null): Promise<boolean> {
  if (scopeUnitId === null) return true;
  const rows = await db.orm.all<{ id: number }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from admin_units where id = ${unit.id}
      union all
      select u.id, u.parent_id, up.depth + 1 from admin_units u join up on u.id = up.parent_id where up.depth < 12
    )
    select id from up where id = ${scopeUnitId} limit 1
  `);
  return rows.length > 0;
}
