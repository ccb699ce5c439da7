import { count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

export type AuditEntry = typeof auditLog.$inferSelect;

/** One page of the audit log, newest first, optionally one action only. */
export async function auditPage(db: Db, input: { action?: string; limit: number; offset: number }): Promise<{ rows: AuditEntry[]; total: number }> {
  const where = input.action ? eq(auditLog.action, input.action) : undefined;
  const [rows, [total]] = await Promise.all([
    db.orm.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(input.limit).offset(input.offset),
    db.orm.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The actions that occur, for the filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.orm.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
