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

/** A form field as one string (the first, if repeated), trimmed and capped. */
export function field(body: Record<string, unknown>, name: string, max = 200): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first.trim().slice(0, max) : "";
}

/** A repeated form field (checkboxes, multi-select) as strings. */
export function fields(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
}
