import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

/** Failed verifications allowed per chat in a rolling hour before a cool-down (guessing birth dates). */
export const MAX_FAILED_LOOKUPS = 5;
const WINDOW_MS = 3_600_000;

export const LOOKUP_OK = "card.lookup";
export const LOOKUP_FAILED = "card.lookup_failed";

/** The chat (channel + its key) whose failures are counted; a blind index for SMS, never a phone number. */
export interface LookupActor {
  channel: string;
  key: string;
}

const actorId = (a: LookupActor) => `${a.channel}:${a.key}`;

export async function lookupCoolingDown(db: Db, actor: LookupActor, now: Date): Promise<boolean> {
  const [row] = await db.orm
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, LOOKUP_FAILED), eq(auditLog.actorId, actorId(actor)), gte(auditLog.at, new Date(now.getTime() - WINDOW_MS))));
  return (row?.n ?? 0) >= MAX_FAILED_LOOKUPS;
}

/** Every look-up is audited, successful or not; the card id only when verified, never the number typed. */
export async function auditLookup(db: Db, actor: LookupActor, outcome: { cardId?: number; via: string }, now: Date, actorKind: "resident" | "cli" = "resident"): Promise<void> {
  await db.orm.insert(auditLog).values({
    at: now,
    actorKind,
    actorId: actorId(actor),
    action: outcome.cardId ? LOOKUP_OK : LOOKUP_FAILED,
    subjectKind: outcome.cardId ? "card" : null,
    subjectId: outcome.cardId ? String(outcome.cardId) : null,
    details: { via: outcome.via },
  });
}
