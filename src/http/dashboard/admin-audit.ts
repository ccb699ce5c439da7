import type { Context } from "hono";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import type { DashboardEnv } from "./dashboard-env";

/** Every change made from the dashboard lands in the audit log under the account's username. */
export async function auditAdmin(
  db: Db,
  c: Context<DashboardEnv>,
  now: Date,
  entry: { action: string; subjectKind?: string; subjectId?: string | number; details?: Record<string, unknown> },
): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: now,
    actorKind: "admin",
    actorId: c.var.account?.username ?? null,
    action: entry.action,
    subjectKind: entry.subjectKind ?? null,
    subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
    details: entry.details ?? null,
    requestId: c.var.requestId,
  });
}
