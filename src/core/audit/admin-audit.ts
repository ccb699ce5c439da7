import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

export interface AdminAuditEntry {
  action: string;
  subjectKind?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

/** A change made from the dashboard, in the audit log under the account's username. */
export async function recordAdminAudit(db: Db, actor: { username?: string; requestId?: string }, now: Date, entry: AdminAuditEntry): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: now,
    actorKind: "admin",
    actorId: actor.username ?? null,
    action: entry.action,
    subjectKind: entry.subjectKind ?? null,
    subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
    details: entry.details ?? null,
    requestId: actor.requestId,
  });
}
