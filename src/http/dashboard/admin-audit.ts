import type { Context } from "hono";
import type { Store } from "../../core/store";
import { recordAdminAudit, type AdminAuditEntry } from "../../core/audit/admin-audit";
import type { DashboardEnv } from "./dashboard-env";

/** Every change made from the dashboard lands in the audit log under the account's username. */
export async function auditAdmin(db: Store, c: Context<DashboardEnv>, now: Date, entry: AdminAuditEntry): Promise<void> {
  await recordAdminAudit(db, { username: c.var.account?.username, requestId: c.var.requestId }, now, entry);
}
