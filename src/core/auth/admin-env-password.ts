import { findAdminByUsername } from "./admin-accounts";
import { verifyPassword } from "./password-hash";
import type { Db } from "../../db/client";

/**
 * `ADMIN_PASSWORD` is read only to create the first account; a value set later that differs
 * from the stored password is ignored, and the entry says so loudly instead of silently.
 */
export async function adminEnvPasswordIgnored(db: Db, admin: { username: string; password?: string; pepper?: string }): Promise<boolean> {
  if (!admin.password) return false;
  const account = await findAdminByUsername(db, admin.username);
  if (!account) return false;
  return !(await verifyPassword(admin.password, account.passwordHash, admin.pepper));
}
