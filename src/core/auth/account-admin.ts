import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminAccounts, adminUnits } from "../../db/schema";
import { AppError } from "../../errors";
import { inScopeSql } from "../units/units-in-scope";
import { findAdminByUsername, normaliseUsername, type AdminAccount } from "./admin-accounts";
import { revokeAccountSessions } from "./admin-sessions";
import { hashPassword } from "./password-hash";

export interface AccountRow {
  id: number;
  username: string;
  status: "active" | "disabled";
  scopeCode: string | null;
  scopeName: string | null;
}

/** Accounts an admin may see: those scoped inside its own scope (a national admin sees all). */
export async function accountsInScope(db: Db, scopeUnitId: number | null): Promise<AccountRow[]> {
  const rows = await db.orm
    .select({ account: adminAccounts, code: adminUnits.code, name: adminUnits.name })
    .from(adminAccounts)
    .leftJoin(adminUnits, eq(adminUnits.id, adminAccounts.scopeUnitId))
    .where(scopeUnitId === null ? undefined : inScopeSql(adminAccounts.scopeUnitId, scopeUnitId))
    .orderBy(asc(adminAccounts.username));
  return rows.map((r) => ({ id: r.account.id, username: r.account.username, status: r.account.status, scopeCode: r.code, scopeName: r.name }));
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Creates an account scoped to `scopeCode` (empty: national, only for a national admin).
 * The scope must lie inside the creator's: nobody can hand out more than they have. The CLI
 * creates as a national creator: whoever runs it holds the database file anyway.
 */
export async function createScopedAccount(db: Db, input: { creator: Pick<AdminAccount, "scopeUnitId">; username: string; password: string; scopeCode: string; now: Date; pepper?: string }): Promise<AdminAccount> {
  const username = normaliseUsername(input.username);
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) throw new AppError("bad_request", "dash-account-bad-username");
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError("bad_request", "dash-account-short-password", { min: MIN_PASSWORD_LENGTH });
  let scopeUnitId: number | null = null;
  if (input.scopeCode) {
    const [unit] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, input.scopeCode));
    if (!unit) throw new AppError("bad_request", "unit-not-found", { query: input.scopeCode });
    const [inside] = await db.orm.select({ id: adminUnits.id }).from(adminUnits).where(and(eq(adminUnits.id, unit.id), inScopeSql(adminUnits.id, input.creator.scopeUnitId)));
    if (!inside) throw new AppError("bad_request", "dash-account-scope-outside");
    scopeUnitId = unit.id;
  } else if (input.creator.scopeUnitId !== null) {
    throw new AppError("bad_request", "dash-account-scope-outside");
  }
  if (await findAdminByUsername(db, username)) throw new AppError("conflict", "dash-account-exists", { username });
  const [row] = await db.orm
    .insert(adminAccounts)
    .values({ username, passwordHash: await hashPassword(input.password, undefined, input.pepper), scopeUnitId, createdAt: input.now, updatedAt: input.now })
    .returning();
  return row!;
}

/**
 * Disables an account in a scope strictly narrower than the admin's and ends its sessions: a
 * commune account cannot disable its peers (nor a province account its peers). National
 * accounts may disable each other, since nobody is wider; an admin cannot disable themself.
 */
export async function disableAccount(db: Db, input: { admin: AdminAccount; accountId: number; now: Date }): Promise<boolean> {
  if (input.accountId === input.admin.id) return false;
  const rows = await db.orm
    .update(adminAccounts)
    .set({ status: "disabled", updatedAt: input.now })
    .where(
      and(
        eq(adminAccounts.id, input.accountId),
        eq(adminAccounts.status, "active"),
        input.admin.scopeUnitId === null ? undefined : and(inScopeSql(adminAccounts.scopeUnitId, input.admin.scopeUnitId), ne(adminAccounts.scopeUnitId, input.admin.scopeUnitId)),
      ),
    )
    .returning({ id: adminAccounts.id });
  if (rows.length === 0) return false;
  await revokeAccountSessions(db, input.accountId, input.now);
  return true;
}
